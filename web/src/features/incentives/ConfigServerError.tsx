/**
 * The server's refusal of a configuration: the field path it names (e.g. `config.points.rules.0.caps.perDay`)
 * beside its message, the line of the editor where that field is, and a button that selects it there. Other
 * errors as ErrorState shows them.
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Icon } from '../../components/icons/Icon.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { messageWithoutField } from '../segments/FormError.tsx';
import type { JsonSpan } from './model/jsonPath.ts';

export function ConfigServerError({ error, span, onShow }: { error: Error; span: JsonSpan | null; onShow: () => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'invalid_request') return <ErrorState error={error} />;
  const field = error.field ?? '';
  return (
    <div className="state state--error" role="alert" data-testid="inc-server-error" data-field={field}>
      <Icon name="alert" size={20} />
      <div>
        <div className="state__title">{t('incentives.editor.serverError')}</div>
        <div>
          {field && (
            <>
              <code className="field-path" title={t('incentives.editor.errorAt')} data-testid="inc-error-field">
                {field}
              </code>
              {': '}
            </>
          )}
          <span data-testid="inc-error-message">{messageWithoutField(error.message, field)}</span>
        </div>
        {span && (
          <div className="inc-error-where">
            <span className="muted small" data-testid="inc-error-line">
              {span.exact ? t('incentives.editor.atLine', { line: span.line }) : t('incentives.editor.missingAt', { line: span.line, found: span.found.join('.') || 'config' })}
            </span>
            <button type="button" className="button button--small" onClick={onShow} data-testid="inc-error-show">
              {t('incentives.editor.showField')}
            </button>
          </div>
        )}
        <div className="state__meta">{t('common.errorCode', { code: error.code, status: error.status })}</div>
      </div>
    </div>
  );
}
