/** The sidebar's pages: the ones that exist and the ones still "coming" (shown as placeholders). */
import type { IconName } from '../components/icons/Icon.tsx';

export type ComingPage = 'rewards' | 'listening' | 'automations' | 'experiments' | 'analytics';

export interface NavItem {
  path: string;
  /** Key under `nav.` in the message catalogue. */
  label: 'overview' | 'members' | 'value' | 'segments' | ComingPage;
  icon: IconName;
  coming: boolean;
}

export const COMING_PAGES: readonly ComingPage[] = ['rewards', 'listening', 'automations', 'experiments', 'analytics'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'overview', icon: 'overview', coming: false },
  { path: '/members', label: 'members', icon: 'members', coming: false },
  { path: '/value', label: 'value', icon: 'value', coming: false },
  { path: '/segments', label: 'segments', icon: 'segments', coming: false },
  ...COMING_PAGES.map((p): NavItem => ({ path: `/${p}`, label: p, icon: p, coming: true })),
];
