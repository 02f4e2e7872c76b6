/** Shows a failed query: the server's message and code, and a retry button. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Icon } from '../icons/Icon.tsx';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const api = error instanceof ApiError ? error : null;
  const message =
    api?.code === 'network' ? t('common.networkError') : error instanceof Error ? error.message : String(error);
  return (
    <div className="state state--error" role="alert" data-testid="error-state">
      <Icon name="alert" size={20} />
      <div>
        <div className="state__title">{t('common.errorTitle')}</div>
        <div>{message}</div>
        {api && api.status > 0 && (
          <div className="state__meta">{t('common.errorCode', { code: api.code, status: api.status })}</div>
        )}
      </div>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
