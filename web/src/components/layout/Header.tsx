/** Top bar: workspace name and time zone, language switch, sign out. */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clearAdminKey } from '../../auth/session.ts';
import { useWorkspace } from '../../hooks/useWorkspace.ts';
import { Icon } from '../icons/Icon.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Header() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  return (
    <header className="topbar">
      <div className="topbar__workspace" data-testid="workspace">
        <span className="topbar__label">{t('app.workspace')}</span>
        <span className="topbar__name">{ws.name ?? t('app.loadingWorkspace')}</span>
        {ws.slug && ws.slug !== ws.name && <span className="topbar__slug">{ws.slug}</span>}
        {ws.loaded && (
          <span className="topbar__tz" title={t('common.timesIn', { tz: ws.timeZone })}>
            <Icon name="clock" size={14} />
            {ws.timeZone}
          </span>
        )}
      </div>
      <div className="topbar__actions">
        <LanguageSwitch />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            clearAdminKey('signedOut');
            queryClient.clear();
          }}
        >
          <Icon name="logout" size={16} />
          {t('app.signOut')}
        </button>
      </div>
    </header>
  );
}
