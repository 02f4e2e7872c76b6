/** Shown for an unknown route inside the console. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="coming">
      <h1 className="coming__title">{t('common.notFound')}</h1>
      <p className="coming__lead">{t('common.notFoundLead')}</p>
      <Link href="/" className="button">
        {t('coming.backToOverview')}
      </Link>
    </div>
  );
}
