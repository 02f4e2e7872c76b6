/** The member search input (search icon, clear on Escape). */
import { Icon } from '../../components/icons/Icon.tsx';

export function SearchBox(props: { value: string; onChange: (v: string) => void; placeholder: string; label: string }) {
  return (
    <div className="search">
      <Icon name="search" size={16} className="search__icon" />
      <input
        className="input search__input"
        type="search"
        aria-label={props.label}
        placeholder={props.placeholder}
        value={props.value}
        autoFocus
        data-testid="member-search"
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onChange('');
        }}
      />
    </div>
  );
}
