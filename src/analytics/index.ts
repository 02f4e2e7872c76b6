/** Analytics over the column store: the overview now; retention, funnels, lifecycle and metrics in later issues. */
export { overview } from './overview.ts';
export { eventsPerDay, type DayCount } from './queries/events-per-day.ts';
export { localDay, addDays, isValidTimeZone } from './time-zone.ts';
export { workspaceStatus, type WorkspaceStatus } from './status.ts';
