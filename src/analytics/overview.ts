/** The overview page: live counts (row store) and the per-day series (column store plus not-yet-moved rows). */
import { microsToIso } from '../core/index.ts';
import type { ColumnStore, RowStore, WorkspaceRecord } from '../store/index.ts';
import { eventsPerDay } from './queries/events-per-day.ts';
import { localDay } from './time-zone.ts';

export async function overview(
  rows: RowStore,
  cols: ColumnStore | undefined,
  ws: WorkspaceRecord,
  opts: { now: number; days: number; watermark: number },
) {
  const members = await rows.db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', ws.id)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  const byName = await rows.db
    .selectFrom('event_type_counts')
    .select(['name', 'count'])
    .where('workspace_id', '=', ws.id)
    .orderBy('count', 'desc')
    .execute();
  const maxSeq = await rows.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  const today = localDay(opts.now, ws.timeZone);
  const perDay = await eventsPerDay(rows, cols, ws.id, { timeZone: ws.timeZone, today, days: opts.days, watermark: opts.watermark });
  return {
    workspace: { slug: ws.slug, name: ws.name, timeZone: ws.timeZone },
    members: Number(members.n),
    events: byName.reduce((s, b) => s + Number(b.count), 0),
    eventsToday: perDay[perDay.length - 1]?.count ?? 0,
    eventsByName: byName.map((b) => ({ name: b.name, count: Number(b.count) })),
    eventsPerDay: perDay,
    columnizerLag: cols ? Math.max(0, Number(maxSeq?.m ?? 0) - opts.watermark) : Number(maxSeq?.m ?? 0),
    timeZone: ws.timeZone,
    generatedAt: microsToIso(opts.now),
  };
}
