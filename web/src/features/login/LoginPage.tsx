/**
 * Sign-in: `#/login?key=sy_a_…` (the link the server prints) stores the key and opens the overview;
 * otherwise a form to paste a key. Explains why the user landed here (key rejected, signed out).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { getLoginReason, setAdminKey } from '../../auth/session.ts';
import { LanguageSwitch } from '../../components/layout/LanguageSwitch.tsx';
import { Icon } from '../../components/icons/Icon.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [reason] = useState(getLoginReason);
  const urlKey = new URLSearchParams(search).get('key');

  const signIn = (value: string): void => {
    queryClient.clear();
    setAdminKey(value);
    navigate('/', { replace: true });
  };

  useEffect(() => {
    if (urlKey && urlKey.trim()) signIn(urlKey);
    // runs once per key in the URL; signIn only touches storage and navigation
  }, [urlKey]);

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (!key.trim()) {
      setFormError(t('login.empty'));
      return;
    }
    signIn(key);
  };

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <form className="login__card" onSubmit={onSubmit} data-testid="login-form">
        <div className="brand brand--large">
          <img className="brand__mark" src="/favicon.svg" alt="" width={36} height={36} />
          <div>
            <div className="brand__name">{t('app.name')}</div>
            <div className="brand__tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="login__title">{t('login.title')}</h1>
        <p className="login__lead">{t('login.lead')}</p>
        {reason === 'rejected' && (
          <div className="notice notice--error" role="alert" data-testid="login-reason">
            <Icon name="alert" size={16} />
            {t('login.rejected')}
          </div>
        )}
        {reason === 'signedOut' && (
          <div className="notice" role="status" data-testid="login-reason">
            {t('login.signedOut')}
          </div>
        )}
        <label className="field">
          <span className="field__label">{t('login.keyLabel')}</span>
          <input
            className="input input--mono"
            name="adminKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('login.keyPlaceholder')}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setFormError(null);
            }}
          />
          <span className="field__help">{t('login.keyHelp')}</span>
          {formError && <span className="field__error">{formError}</span>}
        </label>
        <button type="submit" className="button button--primary button--block">
          {urlKey ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
