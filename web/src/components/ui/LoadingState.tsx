/** Placeholder shown while a query has no data yet. */
import { useTranslation } from 'react-i18next';

export function LoadingState({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="sr-only">{t('common.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton skeleton--line" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}
