/** "Export CSV": fetches the segment's export with the admin key and saves it as a file. */
import { useTranslation } from 'react-i18next';
import { useSegmentExportMutation } from '../../hooks/useSegmentExportMutation.ts';

export function ExportButton({ segmentKey, small = false }: { segmentKey: string; small?: boolean }) {
  const { t } = useTranslation();
  const exporter = useSegmentExportMutation();
  return (
    <>
      <button
        type="button"
        className={`button${small ? ' button--small' : ''}`}
        disabled={exporter.isPending}
        aria-busy={exporter.isPending}
        onClick={() => exporter.mutate(segmentKey)}
        data-testid="segment-export"
      >
        {exporter.isPending && <span className="spinner" aria-hidden="true" />}
        {exporter.isPending ? t('segments.exporting') : t('segments.exportCsv')}
      </button>
      {exporter.isError && (
        <span className="field__error" role="alert" data-testid="segment-export-error">
          {exporter.error.message}
        </span>
      )}
      {exporter.isSuccess && (
        <span className="muted small" role="status" data-testid="segment-exported">
          {t('segments.exported', { file: exporter.data })}
        </span>
      )}
    </>
  );
}
