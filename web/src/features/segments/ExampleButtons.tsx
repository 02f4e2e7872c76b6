/** Buttons that fill the definition editor with an example. */
import { useTranslation } from 'react-i18next';
import { SEGMENT_EXAMPLES, type SegmentExample } from './examples.ts';

export function ExampleButtons({ onInsert }: { onInsert: (example: SegmentExample, label: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="examples" role="group" aria-label={t('segments.form.examples')} data-testid="segment-examples">
      <span className="muted small">{t('segments.form.examplesLead')}</span>
      {SEGMENT_EXAMPLES.map((ex) => {
        const label = t(`segments.example.${ex.id}`);
        return (
          <button key={ex.id} type="button" className="button button--small" onClick={() => onInsert(ex, label)} data-testid={`segment-example-${ex.id}`}>
            {label}
          </button>
        );
      })}
    </div>
  );
}
