/** Left navigation: product mark, the live pages, the incentives pages, the "coming" placeholders, and a link to the API docs. */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { NAV_ITEMS, NAV_SECTIONS, type NavItem } from '../../app/navItems.ts';
import { Icon } from '../icons/Icon.tsx';

function matches(item: NavItem, location: string): boolean {
  return item.path === '/' ? location === '/' : location === item.path || location.startsWith(`${item.path}/`);
}

/** The item for a location: the longest path that matches (`/incentives/rules` is not also `/incentives`). */
function isActive(item: NavItem, location: string): boolean {
  if (!matches(item, location)) return false;
  return !NAV_ITEMS.some((other) => other.path.length > item.path.length && matches(other, location));
}

function NavLink({ item, location }: { item: NavItem; location: string }) {
  const { t } = useTranslation();
  const active = isActive(item, location);
  return (
    <Link
      href={item.path}
      className={`nav__item${active ? ' is-active' : ''}${item.coming ? ' nav__item--coming' : ''}`}
      aria-current={active ? 'page' : undefined}
      data-testid={`nav-${item.label}`}
    >
      <Icon name={item.icon} />
      <span className="nav__label">{t(`nav.${item.label}`)}</span>
      {item.coming && <span className="nav__badge">{t('nav.coming')}</span>}
    </Link>
  );
}

export function Sidebar() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <aside className="sidebar">
      <div className="brand">
        <img className="brand__mark" src="/favicon.svg" alt="" width={28} height={28} />
        <div>
          <div className="brand__name">{t('app.name')}</div>
          <div className="brand__tagline">{t('app.tagline')}</div>
        </div>
      </div>
      <nav className="nav" aria-label={t('nav.sectionMain')}>
        {NAV_SECTIONS.map(({ section, label }) => (
          <div key={section} className="nav__group" data-testid={`nav-section-${section}`}>
            <div className="nav__section">{t(`nav.${label}`)}</div>
            {NAV_ITEMS.filter((i) => i.section === section).map((item) => (
              <NavLink key={item.path} item={item} location={location} />
            ))}
          </div>
        ))}
      </nav>
      <a className="sidebar__docs" href="/docs" target="_blank" rel="noreferrer">
        <Icon name="docs" size={16} />
        {t('app.apiDocs')}
      </a>
    </aside>
  );
}
