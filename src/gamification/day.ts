/**
 * Calendar days and weeks of UTC instants in a time zone, fast enough for replay (hundreds of thousands of events a
 * second): Intl is asked once per zone and UTC hour. Offset changes happen on whole UTC hours in every zone in use
 * today, so the offset at the start of the hour holds for the whole hour.
 */
const HOUR_US = 3_600_000_000;
const DAY_MS = 86_400_000;

const offsetCache = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in milliseconds at a UTC instant (ms). */
function offsetMs(ms: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return local - Math.floor(ms / 1000) * 1000;
}

/** Days since 1970-01-01 of the local calendar day of a UTC instant (µs). */
export function localDayNumber(us: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return Math.floor(us / 1000 / DAY_MS);
  const hour = Math.floor(us / HOUR_US);
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  let off = zone.get(hour);
  if (off === undefined) {
    off = offsetMs(hour * 3_600_000, timeZone);
    if (zone.size > 200_000) zone.clear();
    zone.set(hour, off);
  }
  return Math.floor((us / 1000 + off) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' of the local day of a UTC instant (µs). */
export function localDay(us: number, timeZone: string): string {
  return dayString(localDayNumber(us, timeZone));
}

/** The day number of the Monday starting the ISO week that contains `day`. */
export function weekStart(day: number): number {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - (((day + 3) % 7) + 7) % 7;
}

/** The day number of the first day of the calendar month containing `day`. */
export function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

/** Day number of an ISO date 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(date + 'T00:00:00Z') / DAY_MS);
}
