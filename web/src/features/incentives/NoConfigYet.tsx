/** Before any incentive configuration exists: says so, and where to install a preset. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Icon } from '../../components/icons/Icon.tsx';

export function NoConfigYet({ showLink = true }: { showLink?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card value-empty" data-testid="inc-no-config">
      <div className="coming__icon">
        <Icon name="rewards" size={32} />
      </div>
      <h2 className="value-empty__title">{t('incentives.noConfigTitle')}</h2>
      <p className="muted">{t('incentives.noConfigLead')}</p>
      {showLink && (
        <Link href="/incentives" className="button button--primary">
          {t('incentives.goToPresets')}
        </Link>
      )}
    </section>
  );
}
