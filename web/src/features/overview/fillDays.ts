/** Completes a per-day series to exactly `days` consecutive days ending today (missing days count 0). */

export interface DayCount {
  day: string;
  count: number;
}

function addDays(day: string, delta: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/**
 * `today` is the workspace's current calendar day (YYYY-MM-DD). Days from the server outside the window are
 * dropped; if the server is ahead of the browser clock (its last day is after `today`) the window ends there.
 */
export function fillDays(series: readonly DayCount[], days: number, today: string): DayCount[] {
  const byDay = new Map<string, number>();
  let last = today;
  for (const p of series) {
    byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.count);
    if (p.day > last) last = p.day;
  }
  const out: DayCount[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(last, -i);
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}
