/** Left navigation: product mark, live pages, then the "coming" placeholders, and a link to the API docs. */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { NAV_ITEMS, type NavItem } from '../../app/navItems.ts';
import { Icon } from '../icons/Icon.tsx';

function isActive(item: NavItem, location: string): boolean {
  return item.path === '/' ? location === '/' : location === item.path || location.startsWith(`${item.path}/`);
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
  const live = NAV_ITEMS.filter((i) => !i.coming);
  const coming = NAV_ITEMS.filter((i) => i.coming);
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
        <div className="nav__section">{t('nav.sectionMain')}</div>
        {live.map((item) => (
          <NavLink key={item.path} item={item} location={location} />
        ))}
        <div className="nav__section">{t('nav.sectionComing')}</div>
        {coming.map((item) => (
          <NavLink key={item.path} item={item} location={location} />
        ))}
      </nav>
      <a className="sidebar__docs" href="/docs" target="_blank" rel="noreferrer">
        <Icon name="docs" size={16} />
        {t('app.apiDocs')}
      </a>
    </aside>
  );
}
