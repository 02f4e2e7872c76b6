/** The run's warnings (e.g. too few buyers for a model), in the server's words. */
import { useTranslation } from 'react-i18next';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { Icon } from '../../components/icons/Icon.tsx';

export function RunWarnings({ warnings }: { warnings: readonly string[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice--warn value-warnings" role="note" data-testid="value-warnings">
      <Icon name="alert" size={18} />
      <div>
        <div className="value-warnings__title">
          {t('value.warningsTitle')}
          <HelpTip text={t('value.warningsHelp')} align="start" />
        </div>
        <ul className="value-warnings__list">
          {warnings.map((w) => (
            <li key={w} lang="en">
              {w}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
