/** Locale- and time-zone-aware formatting of numbers, dates and calendar days (pure; cached Intl formatters). */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f as Intl.NumberFormat;
}

function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, opts);
    } catch {
      // an unknown time zone name: fall back to UTC rather than failing the page
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f as Intl.DateTimeFormat;
}

export function formatNumber(locale: string, n: number): string {
  return numberFormat(locale, {}).format(n);
}

/** A number with at most `maxDigits` decimals (e.g. a density 49.62 → 49.6, 100 → 100). */
export function formatDecimal(locale: string, n: number, maxDigits: number): string {
  return numberFormat(locale, { maximumFractionDigits: maxDigits }).format(n);
}

/** A number to `digits` significant digits (model parameters: 0.0000780, 2,349.5, 207,196). */
export function formatSignificant(locale: string, n: number, digits: number): string {
  return numberFormat(locale, { maximumSignificantDigits: digits }).format(n);
}

/** An amount in the smallest currency unit (fen, cents) in the main unit with exactly 2 decimals: 277600 → 2,776.00. */
export function formatMoney(locale: string, minorUnits: number): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minorUnits / 100);
}

/** The server's microsecond timestamps (UTC) as an ISO instant. */
export function isoFromMicros(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString();
}

export function formatPercent(locale: string, ratio: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Date and time of an ISO instant in the given time zone, e.g. 2026/11/26 14:03 or Nov 26, 2026, 2:03 PM. */
export function formatDateTime(locale: string, iso: string | null | undefined, timeZone: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Time of day only (for "updated at"). */
export function formatTime(locale: string, iso: string | null | undefined, timeZone: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, { timeZone, timeStyle: 'medium' }).format(d);
}

/** A calendar day `YYYY-MM-DD` (already in the workspace zone) as a short label, e.g. 11/26 or Nov 26. */
export function formatDay(locale: string, day: string, withYear = false): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  const opts: Intl.DateTimeFormatOptions = withYear
    ? { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }
    : { timeZone: 'UTC', month: 'short', day: 'numeric' };
  return dateFormat(locale, opts).format(d);
}

/** Today's calendar day `YYYY-MM-DD` in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dateFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
