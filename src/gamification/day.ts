/**
 * Calendar days and weeks of UTC instants in a time zone, fast enough for replay (hundreds of thousands of events a
 * second): Intl is asked once per zone and UTC hour. Offset changes happen on whole UTC hours in every zone in use
 * today, so the offset at the start of the hour holds for the whole hour.
 */
const HOUR_US = 3_600_000_000;
const DAY_MS = 86_400_000;

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

/**
 * A zone's offsets by UTC hour: a window of hours around the first one asked for in an array (NaN: not known yet),
 * others in a Map. Replay asks about every hour of the log, and about members' promotion times in between.
 */
interface ZoneOffsets {
  base: number;
  window: Float64Array;
  rest: Map<number, number>;
}

/** About 7.5 years. */
const WINDOW_HOURS = 1 << 16;
const zones = new Map<string, ZoneOffsets>();

function hourOffset(hour: number, timeZone: string): number {
  let z = zones.get(timeZone);
  if (!z) zones.set(timeZone, (z = { base: hour - WINDOW_HOURS / 2, window: new Float64Array(WINDOW_HOURS).fill(NaN), rest: new Map() }));
  const i = hour - z.base;
  if (i >= 0 && i < WINDOW_HOURS) {
    let off = z.window[i]!;
    if (Number.isNaN(off)) z.window[i] = off = offsetMs(hour * 3_600_000, timeZone);
    return off;
  }
  let off = z.rest.get(hour);
  if (off === undefined) {
    off = offsetMs(hour * 3_600_000, timeZone);
    if (z.rest.size > 200_000) z.rest.clear();
    z.rest.set(hour, off);
  }
  return off;
}

/** The last zone and UTC hour asked for, and its offset: replay asks about the same hour event after event. */
let lastZone = '';
let lastHour = NaN;
let lastOffset = 0;

/** Days since 1970-01-01 of the local calendar day of a UTC instant (µs). */
export function localDayNumber(us: number, timeZone: string): number {
  const hour = Math.floor(us / HOUR_US);
  if (hour === lastHour && timeZone === lastZone) return Math.floor((us / 1000 + lastOffset) / DAY_MS);
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return Math.floor(us / 1000 / DAY_MS);
  const off = hourOffset(hour, timeZone);
  lastZone = timeZone;
  lastHour = hour;
  lastOffset = off;
  return Math.floor((us / 1000 + off) / DAY_MS);
}

/** Day texts by day number, 1970 to 2243 (replay asks for the day of every entry and award). */
const dayTexts: (string | undefined)[] = [];
const KEPT_DAYS = 100_000;

/** 'YYYY-MM-DD' of a day number. */
export function dayString(day: number): string {
  if (day >= 0 && day < KEPT_DAYS && (day | 0) === day) {
    // Grown by push, so the array keeps fast elements.
    while (dayTexts.length <= day) dayTexts.push(undefined);
    return (dayTexts[day] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
  }
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
