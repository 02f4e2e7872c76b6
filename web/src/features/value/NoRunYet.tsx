/** Before the first scoring run: says so and offers the run button. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons/Icon.tsx';
import { RunButton, type RunMutation } from './RunButton.tsx';

export function NoRunYet({ run }: { run: RunMutation }) {
  const { t } = useTranslation();
  return (
    <section className="card value-empty" data-testid="value-empty">
      <div className="coming__icon">
        <Icon name="value" size={32} />
      </div>
      <h2 className="value-empty__title">{t('value.emptyTitle')}</h2>
      <p className="muted">{t('value.emptyLead')}</p>
      <RunButton run={run} primary />
    </section>
  );
}
