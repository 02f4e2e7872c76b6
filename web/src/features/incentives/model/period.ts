/**
 * Leaderboard periods: the server keys a period as `all`, `month:2026-11`, `week:2026-11-23` (the Monday it starts)
 * or `day:2026-11-26`, days being calendar days of the rule set's time zone. These helpers say which days a key
 * covers, for the page to state it.
 */

export type PeriodSpan =
  | { kind: 'all' }
  | { kind: 'month'; month: string; from: string; to: string }
  | { kind: 'week'; from: string; to: string }
  | { kind: 'day'; day: string }
  | { kind: 'unknown'; key: string };

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function parsePeriodKey(key: string): PeriodSpan {
  if (key === 'all') return { kind: 'all' };
  const [kind, value = ''] = key.split(':');
  if (kind === 'month' && /^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { kind: 'month', month: value, from: `${value}-01`, to: `${value}-${String(last).padStart(2, '0')}` };
  }
  if (kind === 'week' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'week', from: value, to: toDay(msOf(value) + 6 * DAY_MS) };
  if (kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'day', day: value };
  return { kind: 'unknown', key };
}

/** The first day of the month of `day` (YYYY-MM-DD). */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
