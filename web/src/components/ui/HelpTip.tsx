/** A "?" icon that shows an explanation on hover or keyboard focus (what a number counts and how). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../icons/Icon.tsx';

export function HelpTip({ text, align = 'center' }: { text: string; align?: 'center' | 'start' | 'end' }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <span className={`helptip helptip--${align}`}>
      <button type="button" className="helptip__button" aria-label={t('common.help')} aria-describedby={id}>
        <Icon name="help" size={14} />
      </button>
      <span role="tooltip" id={id} className="helptip__bubble" data-testid="helptip">
        {text}
      </span>
    </span>
  );
}
