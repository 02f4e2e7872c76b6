/** The definition as JSON: example buttons, the text area, what it reads as, and a local JSON problem. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { parseDefinitionText, type DefinitionParse } from './definitionText.ts';
import type { SegmentExample } from './examples.ts';
import { ExampleButtons } from './ExampleButtons.tsx';
import { JsonProblem } from './JsonProblem.tsx';
import { useSegmentSummary } from './useSegmentSummary.ts';

export function DefinitionEditor(props: {
  text: string;
  onChange: (text: string) => void;
  onInsert: (example: SegmentExample, label: string) => void;
  problem: Exclude<DefinitionParse, { ok: true }> | null;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const summarize = useSegmentSummary();
  const parsed = parseDefinitionText(props.text);
  return (
    <div className="field">
      <div className="definition-head">
        <label className="field__label th-help" htmlFor={id}>
          {t('segments.form.definition')}
          <HelpTip text={t('segments.form.definitionHelp')} align="start" />
        </label>
        <ExampleButtons onInsert={props.onInsert} />
      </div>
      <textarea
        id={id}
        className={`input input--mono textarea${props.invalid ? ' input--invalid' : ''}`}
        value={props.text}
        onChange={(e) => props.onChange(e.target.value)}
        rows={12}
        spellCheck={false}
        aria-invalid={props.invalid}
        placeholder={'{ "kind": "and", "of": [ … ] }'}
        data-testid="segment-definition"
      />
      {props.problem ? (
        <JsonProblem problem={props.problem} />
      ) : (
        parsed.ok && (
          <div className="field__help" data-testid="segment-reads-as">
            <strong>{t('segments.form.reads')}</strong> {summarize(parsed.definition)}
          </div>
        )
      )}
    </div>
  );
}
