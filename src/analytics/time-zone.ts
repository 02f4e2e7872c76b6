/** Day boundaries in a workspace's time zone: the SQL fragment for DuckDB and the same rule in JS. */

/** DuckDB: the local calendar day of a UTC TIMESTAMP column (ICU is built into the DuckDB package). */
export function duckLocalDay(column: string, tzParam: string): string {
  return `CAST(timezone(${tzParam}, ${column} AT TIME ZONE 'UTC') AS DATE)`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD' of a UTC instant (microseconds) in a time zone. */
export function localDay(us: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(Math.floor(us / 1000)));
}

/** The local day `n` days before the given local day. */
export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
