/** Events per local day for the last N days: column store for what the columnizer moved, row store for the rest. */
import { sql } from 'kysely';
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
  const pending = await rows.db
    .selectFrom('events')
    .select((eb) => [sql<number>`ts / ${QUARTER}`.as('q'), eb.fn.countAll<number>().as('n')])
    .where('seq', '>', cols ? opts.watermark : 0)
    .where('workspace_id', '=', ws)
    .where('type', 'not in', ['merge', 'unmerge'])
    .groupBy(sql`ts / ${QUARTER}`)
    .execute();
  for (const p of pending) {
    const d = localDay(Math.floor(Number(p.q)) * QUARTER, opts.timeZone);
    counts.set(d, (counts.get(d) ?? 0) + Number(p.n));
  }
  const out: DayCount[] = [];
  for (let i = 0; i < opts.days; i++) {
    const day = addDays(first, i);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}
