/**
 * The configuration as JSON: checked here for JSON syntax before anything is sent, then saved as a new version.
 * The server's 400 names the field (`config.points.rules.0.caps.perDay`): it is shown with its message, the line
 * where that field is, and a button selecting it in the editor.
 */
import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Card } from '../../components/ui/Card.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { DefinitionParse } from '../segments/definitionText.ts';
import { TextField } from '../../components/ui/TextField.tsx';
import { ConfigServerError } from './ConfigServerError.tsx';
import { JsonProblem } from './JsonProblem.tsx';
import { isObject } from './model/configView.ts';
import type { JsonSpan } from './model/jsonPath.ts';

export function ConfigEditorCard(props: {
  text: string;
  onText: (text: string) => void;
  note: string;
  onNote: (note: string) => void;
  parsed: DefinitionParse;
  jsonProblem: Exclude<DefinitionParse, { ok: true }> | null;
  serverError: Error | null;
  span: JsonSpan | null;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const api = props.serverError instanceof ApiError ? props.serverError : null;
  const field = api?.field ?? '';
  const parsed = props.parsed;
  const doc = parsed.ok ? parsed.definition : null;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

  /** Selects the refused field in the text area and scrolls it into view. */
  const showField = () => {
    const el = area.current;
    const span = props.span;
    if (!el || !span) return;
    el.focus();
    el.setSelectionRange(span.start, span.end);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (span.line - 4) * lineHeight);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSave();
  };

  return (
    <Card
      testId="inc-config-editor"
      title={t('incentives.editor.title')}
      help={t('incentives.editor.help')}
      actions={props.dirty && <span className="badge badge--warn" data-testid="inc-unsaved">{t('incentives.editor.unsaved')}</span>}
    >
      <form className="segment-form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label th-help" htmlFor={id}>
            {t('incentives.editor.label')}
            <HelpTip text={t('incentives.editor.labelHelp')} align="start" />
          </label>
          <textarea
            id={id}
            ref={area}
            className={`input input--mono textarea inc-json${props.jsonProblem || field.startsWith('config') ? ' input--invalid' : ''}`}
            value={props.text}
            onChange={(e) => props.onText(e.target.value)}
            rows={22}
            spellCheck={false}
            aria-invalid={props.jsonProblem !== null || field.startsWith('config')}
            data-testid="inc-config-json"
          />
          {props.jsonProblem ? (
            <JsonProblem problem={props.jsonProblem} />
          ) : (
            doc && (
              <div className="field__help" data-testid="inc-config-reads">
                {t('incentives.editor.reads', {
                  rules: f.number(count(isObject(doc['points']) ? doc['points']['rules'] : undefined)),
                  badges: f.number(count(doc['badges'])),
                  levels: f.number(count(isObject(doc['levels']) ? doc['levels']['levels'] : undefined)),
                })}
              </div>
            )
          )}
        </div>
        <TextField
          label={t('incentives.editor.note')}
          help={t('incentives.editor.noteHelp')}
          value={props.note}
          onChange={props.onNote}
          invalid={field === 'note'}
          problem={null}
          problemTestId="inc-note-problem"
          testId="inc-config-note"
        />
        {props.serverError && <ConfigServerError error={props.serverError} span={props.span} onShow={showField} />}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={props.saving} data-testid="inc-config-save">
            {props.saving && <span className="spinner" aria-hidden="true" />}
            {props.saving ? t('incentives.editor.saving') : t('incentives.editor.save')}
          </button>
          <button type="button" className="button button--ghost" disabled={!props.dirty || props.saving} onClick={props.onReset} data-testid="inc-config-reset">
            {t('incentives.editor.reset')}
          </button>
          <span className="muted small">{t('incentives.editor.saveNote')}</span>
        </div>
      </form>
    </Card>
  );
}
