/** "Preview count" in a list row: asks the server how many members match now, then shows "count / scored". */
import { useTranslation } from 'react-i18next';
import { useSegmentPreviewMutation } from '../../hooks/useSegmentPreview.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function PreviewCountButton({ definition }: { definition: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  const preview = useSegmentPreviewMutation();
  const data = preview.data;
  return (
    <span className="count-cell">
      {data && (
        <span className={preview.isPending ? 'is-stale' : undefined} data-testid="segment-row-count" data-count={data.count}>
          {t('segments.countOf', { count: f.number(data.count), scored: f.number(data.scored) })}
        </span>
      )}
      {preview.isError && (
        <span className="field__error" role="alert" data-testid="segment-row-count-error">
          {preview.error.message}
        </span>
      )}
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={preview.isPending}
        onClick={() => preview.mutate({ definition, sample: 0 })}
        data-testid="segment-row-preview"
      >
        {preview.isPending && <span className="spinner" aria-hidden="true" />}
        {t('segments.previewCount')}
      </button>
    </span>
  );
}
