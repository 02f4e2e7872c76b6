/** Placeholder for a page that is planned but not built yet, clearly marked "coming". */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ComingPage } from '../../app/navItems.ts';
import { Icon } from '../../components/icons/Icon.tsx';

export function ComingSoonPage({ page }: { page: ComingPage }) {
  const { t } = useTranslation();
  const name = t(`nav.${page}`);
  return (
    <div className="coming" data-testid="coming-page">
      <div className="coming__icon">
        <Icon name={page} size={32} />
      </div>
      <span className="badge badge--coming">{t('coming.badge')}</span>
      <h1 className="coming__title">{t('coming.title', { page: name })}</h1>
      <p className="coming__lead">{t('coming.lead')}</p>
      <div className="coming__plan">
        <div className="coming__plan-title">{t('coming.plannedTitle')}</div>
        <p>{t(`coming.${page}`)}</p>
      </div>
      <Link href="/" className="button">
        {t('coming.backToOverview')}
      </Link>
    </div>
  );
}
