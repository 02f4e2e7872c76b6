/** The overview page: live counts (row store) and the per-day series (column store plus not-yet-moved rows). */
import { microsToIso } from '../core/index.ts';
import { eventNameCounts, lastSeq } from '../ingest/index.ts';
import { memberCounts } from '../members/index.ts';
import type { ColumnStore, RowStore, WorkspaceRecord } from '../store/index.ts';
import { eventsPerDay } from './queries/events-per-day.ts';
import { localDay } from './time-zone.ts';

export async function overview(
  rows: RowStore,
  cols: ColumnStore | undefined,
  ws: WorkspaceRecord,
  opts: { now: number; days: number; watermark: number },
) {
  const members = await memberCounts(rows, ws.id);
  const byName = await eventNameCounts(rows, ws.id);
  const maxSeq = await lastSeq(rows);
  const today = localDay(opts.now, ws.timeZone);
  const perDay = await eventsPerDay(rows, cols, ws.id, { timeZone: ws.timeZone, today, days: opts.days, watermark: opts.watermark });
  return {
    workspace: { slug: ws.slug, name: ws.name, timeZone: ws.timeZone },
    members: members.live,
    events: byName.reduce((s, b) => s + b.count, 0),
    eventsToday: perDay[perDay.length - 1]?.count ?? 0,
    eventsByName: byName,
    eventsPerDay: perDay,
    columnizerLag: cols ? Math.max(0, maxSeq - opts.watermark) : maxSeq,
    timeZone: ws.timeZone,
    generatedAt: microsToIso(opts.now),
  };
}
