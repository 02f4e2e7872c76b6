/**
 * Create or edit a segment: key (fixed once created), name, and the definition as JSON. The JSON, key and name
 * are checked here before anything is sent; the server's refusals come back with the field they concern.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentBody } from '../../../../src/api/schemas/index.ts';
import { ApiError } from '../../api/client.ts';
import { Card } from '../../components/ui/Card.tsx';
import { useSaveSegmentMutation } from '../../hooks/useSegmentMutations.ts';
import { useSegmentPreviewMutation } from '../../hooks/useSegmentPreview.ts';
import { DefinitionEditor } from './DefinitionEditor.tsx';
import { formatDefinition, parseDefinitionText, SEGMENT_KEY, type DefinitionParse } from './definitionText.ts';
import type { SegmentExample } from './examples.ts';
import { FormError } from './FormError.tsx';
import { PreviewResult } from './PreviewResult.tsx';
import { TextField } from '../../components/ui/TextField.tsx';

type Failed = Exclude<DefinitionParse, { ok: true }>;

export function SegmentForm(props: { mode: 'create' | 'update'; initial?: SegmentBody | undefined; onSaved: (s: SegmentBody) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const creating = props.mode === 'create';
  const [key, setKey] = useState(props.initial?.key ?? '');
  const [name, setName] = useState(props.initial?.name ?? '');
  const [text, setText] = useState(props.initial ? formatDefinition(props.initial.definition) : '');
  const [jsonProblem, setJsonProblem] = useState<Failed | null>(null);
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<Error | null>(null);
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  const preview = useSegmentPreviewMutation();
  const save = useSaveSegmentMutation();

  const api = serverError instanceof ApiError ? serverError : null;
  const conflict = api?.code === 'conflict';
  const serverField = api?.field ?? '';
  const keyProblem = checked && creating && !SEGMENT_KEY.test(key) ? t('segments.form.keyInvalid') : null;
  const nameProblem = checked && name.trim() === '' ? t('segments.form.nameMissing') : null;

  /** The definition to send, or null (and the problem shown) when the text is not a JSON object. */
  const definition = (): Record<string, unknown> | null => {
    setServerError(null);
    const parsed = parseDefinitionText(text);
    setJsonProblem(parsed.ok ? null : parsed);
    return parsed.ok ? parsed.definition : null;
  };

  const onPreview = () => {
    const def = definition();
    if (!def) return preview.reset();
    setPreviewedText(text);
    preview.mutate({ definition: def }, { onError: setServerError });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const def = definition();
    if (!def || (creating && !SEGMENT_KEY.test(key)) || name.trim() === '') return;
    save.mutate({ mode: props.mode, key, name: name.trim(), definition: def }, { onSuccess: props.onSaved, onError: setServerError });
  };

  const insert = (example: SegmentExample, label: string) => {
    setText(formatDefinition(example.definition));
    setJsonProblem(null);
    if (creating && key === '') setKey(example.key);
    if (name === '') setName(label);
  };

  return (
    <Card testId="segment-form" title={creating ? t('segments.form.createTitle') : t('segments.form.editTitle')} help={t('segments.form.help')}>
      <form className="segment-form" onSubmit={onSubmit} noValidate>
        <div className="segment-form__row">
          <TextField
            label={t('segments.form.key')}
            help={creating ? t('segments.form.keyHelp') : t('segments.form.keyLocked')}
            value={key}
            onChange={setKey}
            readOnly={!creating}
            mono
            invalid={Boolean(keyProblem) || conflict || serverField === 'key'}
            problem={keyProblem ?? (conflict ? t('segments.form.keyExists', { key }) : null)}
            problemTestId={conflict ? 'segment-key-exists' : 'segment-key-problem'}
            testId="segment-key"
          />
          <TextField
            label={t('segments.form.name')}
            help={t('segments.form.nameHelp')}
            value={name}
            onChange={setName}
            invalid={Boolean(nameProblem) || serverField === 'name'}
            problem={nameProblem}
            problemTestId="segment-name-problem"
            testId="segment-name"
          />
        </div>
        <DefinitionEditor
          text={text}
          onChange={(v) => {
            setText(v);
            setJsonProblem(null);
          }}
          onInsert={insert}
          problem={jsonProblem}
          invalid={jsonProblem !== null || serverField.startsWith('definition')}
        />
        {serverError && !conflict && <FormError error={serverError} />}
        <div className="form-actions">
          <button type="button" className="button" disabled={preview.isPending} onClick={onPreview} data-testid="segment-preview">
            {preview.isPending && <span className="spinner" aria-hidden="true" />}
            {preview.isPending ? t('segments.form.previewing') : t('segments.form.preview')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="segment-save">
            {save.isPending && <span className="spinner" aria-hidden="true" />}
            {save.isPending ? t('segments.form.saving') : t('segments.form.save')}
          </button>
          <button type="button" className="button button--ghost" onClick={props.onCancel} data-testid="segment-cancel">
            {t('segments.cancel')}
          </button>
        </div>
        {preview.isSuccess && !serverError && !jsonProblem && <PreviewResult preview={preview.data} stale={previewedText !== text} />}
      </form>
    </Card>
  );
}
