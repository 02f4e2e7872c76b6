/** Why the configuration text was not sent: empty, not an object, or a JSON syntax error with its line and column. */
import { useTranslation } from 'react-i18next';
import type { DefinitionParse } from '../segments/definitionText.ts';

export function JsonProblem({ problem }: { problem: Exclude<DefinitionParse, { ok: true }> }) {
  const { t } = useTranslation();
  let text: string;
  if (problem.problem === 'empty') text = t('incentives.editor.empty');
  else if (problem.problem === 'not_object') text = t('incentives.editor.notObject');
  else if (!problem.at) text = t('incentives.editor.jsonError', { message: problem.message });
  else {
    const what = problem.at.found === null ? t('incentives.editor.unexpectedEnd') : t('incentives.editor.unexpectedChar', { char: problem.at.found });
    text = t('incentives.editor.jsonErrorAt', { line: problem.at.line, column: problem.at.column, message: what });
  }
  return (
    <div className="field__error" role="alert" data-testid="inc-json-error">
      {text} <span className="muted">{t('incentives.editor.localNote')}</span>
    </div>
  );
}
