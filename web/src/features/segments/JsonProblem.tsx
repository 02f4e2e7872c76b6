/** Why the definition text was not sent: empty, not an object, or a JSON syntax error (line, column, what). */
import { useTranslation } from 'react-i18next';
import type { DefinitionParse } from './definitionText.ts';

export function JsonProblem({ problem }: { problem: Exclude<DefinitionParse, { ok: true }> }) {
  const { t } = useTranslation();
  let text: string;
  if (problem.problem === 'empty') text = t('segments.form.emptyDefinition');
  else if (problem.problem === 'not_object') text = t('segments.form.notObject');
  else if (!problem.at) text = t('segments.form.jsonError', { message: problem.message });
  else {
    const what = problem.at.found === null ? t('segments.form.unexpectedEnd') : t('segments.form.unexpectedChar', { char: problem.at.found });
    text = t('segments.form.jsonErrorAt', { line: problem.at.line, column: problem.at.column, message: what });
  }
  return (
    <div className="field__error" role="alert" data-testid="segment-json-error">
      {text} <span className="muted">{t('segments.form.localNote')}</span>
    </div>
  );
}
