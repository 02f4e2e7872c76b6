/**
 * The server's refusal of the form: for a 400 the field path it names (e.g. `definition.of.1.value`) is shown
 * highlighted with the message; other errors as ErrorState shows them.
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Icon } from '../../components/icons/Icon.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';

/** The message without the "field: " the server puts in front of it. */
export function messageWithoutField(message: string, field: string): string {
  return field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

export function FormError({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'invalid_request') return <ErrorState error={error} />;
  const field = error.field ?? '';
  return (
    <div className="state state--error" role="alert" data-testid="segment-server-error" data-field={field}>
      <Icon name="alert" size={20} />
      <div>
        <div className="state__title">{t('segments.form.serverError')}</div>
        <div>
          {field && (
            <>
              <code className="field-path" title={t('segments.form.errorAt')} data-testid="segment-error-field">
                {field}
              </code>
              {': '}
            </>
          )}
          {messageWithoutField(error.message, field)}
        </div>
        <div className="state__meta">{t('common.errorCode', { code: error.code, status: error.status })}</div>
      </div>
    </div>
  );
}
