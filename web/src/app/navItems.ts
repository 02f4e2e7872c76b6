/** The sidebar's pages by section: the live ones, the incentives pages, and those still "coming" (placeholders). */
import type { IconName } from '../components/icons/Icon.tsx';

export type ComingPage = 'rewards' | 'listening' | 'automations' | 'experiments' | 'analytics';
export type IncentivesPage = 'incentivesOverview' | 'incentiveRules' | 'incentiveCatalogue' | 'leaderboards' | 'payouts';
export type NavSection = 'main' | 'incentives' | 'coming';

export interface NavItem {
  path: string;
  /** Key under `nav.` in the message catalogue. */
  label: 'overview' | 'members' | 'value' | 'segments' | IncentivesPage | ComingPage;
  icon: IconName;
  section: NavSection;
  coming: boolean;
}

export const COMING_PAGES: readonly ComingPage[] = ['rewards', 'listening', 'automations', 'experiments', 'analytics'];

/** The sections in sidebar order, with the key of their heading under `nav.`. */
export const NAV_SECTIONS: ReadonlyArray<{ section: NavSection; label: 'sectionMain' | 'sectionIncentives' | 'sectionComing' }> = [
  { section: 'main', label: 'sectionMain' },
  { section: 'incentives', label: 'sectionIncentives' },
  { section: 'coming', label: 'sectionComing' },
];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'overview', icon: 'overview', section: 'main', coming: false },
  { path: '/members', label: 'members', icon: 'members', section: 'main', coming: false },
  { path: '/value', label: 'value', icon: 'value', section: 'main', coming: false },
  { path: '/segments', label: 'segments', icon: 'segments', section: 'main', coming: false },
  { path: '/incentives', label: 'incentivesOverview', icon: 'rewards', section: 'incentives', coming: false },
  { path: '/incentives/rules', label: 'incentiveRules', icon: 'docs', section: 'incentives', coming: false },
  { path: '/incentives/badges', label: 'incentiveCatalogue', icon: 'value', section: 'incentives', coming: false },
  { path: '/incentives/leaderboards', label: 'leaderboards', icon: 'analytics', section: 'incentives', coming: false },
  { path: '/incentives/payouts', label: 'payouts', icon: 'segments', section: 'incentives', coming: false },
  ...COMING_PAGES.map((p): NavItem => ({ path: `/${p}`, label: p, icon: p, section: 'coming', coming: true })),
];
