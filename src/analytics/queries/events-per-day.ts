/** Events per local day for the last N days: column store for what the columnizer moved, row store for the rest. */
import { eventCountsByTimeBucket } from '../../ingest/index.ts';
import type { ColumnStore, RowStore } from '../../store/index.ts';
import { addDays, duckLocalDay, localDay } from '../time-zone.ts';

export interface DayCount {
  day: string;
  count: number;
}

export async function eventsPerDay(
  rows: RowStore,
  cols: ColumnStore | undefined,
  ws: number,
  opts: { timeZone: string; today: string; days: number; watermark: number },
): Promise<DayCount[]> {
  const first = addDays(opts.today, -(opts.days - 1));
  const counts = new Map<string, number>();
  if (cols) {
    const r = await cols.query<{ day: string; n: bigint }>(
      `SELECT CAST(${duckLocalDay('ts', '$2')} AS VARCHAR) AS day, count(*) AS n
         FROM events
        WHERE workspace_id = $1 AND ts >= CAST($3 AS TIMESTAMP) - INTERVAL 1 DAY AND type NOT IN ('merge', 'unmerge')
        GROUP BY 1`,
      [ws, opts.timeZone, first],
    );
    for (const x of r) counts.set(x.day, Number(x.n));
  }
  // Acknowledged rows the columnizer has not moved yet: counted in the row store per quarter hour (every time
  // zone's offset is a multiple of 15 minutes), then assigned to local days here.
  const QUARTER = 900_000_000;
  for (const p of await eventCountsByTimeBucket(rows, ws, cols ? opts.watermark : 0, QUARTER)) {
    const d = localDay(p.bucketStart, opts.timeZone);
    counts.set(d, (counts.get(d) ?? 0) + p.count);
  }
  const out: DayCount[] = [];
  for (let i = 0; i < opts.days; i++) {
    const day = addDays(first, i);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}
