/** Reads of the ingest log that other modules need: counts by event name, the newest sequence number, pending rows. */
import { sql } from 'kysely';
import { cachedQuery, placeholderList, type RowStore } from '../store/index.ts';

export async function eventNameCounts(store: RowStore, ws: number): Promise<{ name: string; count: number }[]> {
  const rows = await store.db.selectFrom('event_type_counts').select(['name', 'count']).where('workspace_id', '=', ws).orderBy('count', 'desc').orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
}

export async function lastSeq(store: RowStore): Promise<number> {
  const r = await store.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function hasEvents(store: RowStore, ws: number): Promise<boolean> {
  return Boolean(await store.db.selectFrom('events').select('seq').where('workspace_id', '=', ws).limit(1).executeTakeFirst());
}

/** Member activity (not operator records) after `afterSeq`, counted per `bucketMicros` of event time. */
export async function eventCountsByTimeBucket(store: RowStore, ws: number, afterSeq: number, bucketMicros: number): Promise<{ bucketStart: number; count: number }[]> {
  // The bucket is a literal, not a parameter: PostgreSQL only matches GROUP BY to the select list by identical text.
  const bucket = sql.lit(Math.trunc(bucketMicros));
  const rows = await store.db
    .selectFrom('events')
    .select((eb) => [sql<number>`ts / ${bucket}`.as('b'), eb.fn.countAll<number>().as('n')])
    .where('seq', '>', afterSeq)
    .where('workspace_id', '=', ws)
    .where('type', 'not in', ['merge', 'unmerge'])
    .groupBy(sql`ts / ${bucket}`)
    .execute();
  return rows.map((r) => ({ bucketStart: Math.floor(Number(r.b)) * bucketMicros, count: Number(r.n) }));
}

/**
 * A member's events with these names in (since, until], as the actor or as the target, through the (member, time)
 * indexes; bookkeeping rows (merge/unmerge) excluded. For real-time checks of one member.
 */
export async function memberEventsInWindow(
  store: RowStore,
  ws: number,
  q: { memberId: number; role: 'actor' | 'target'; since: number; until: number; names: readonly string[] },
): Promise<{ name: string; ts: number }[]> {
  const d = store.dialect;
  const col = q.role === 'actor' ? 'member_id' : 'target_member_id';
  const rows = await cachedQuery<{ name: string; ts: number }>(
    store.db,
    `${d}|member_events_window|${col}|${q.names.length}`,
    () =>
      `SELECT name, ts FROM events WHERE workspace_id = ${placeholderList(d, 1)} AND ${col} = ${placeholderList(d, 1, 1)} AND ts > ${placeholderList(d, 1, 2)}` +
      ` AND ts <= ${placeholderList(d, 1, 3)} AND name IN (${placeholderList(d, q.names.length, 4)}) AND type NOT IN ('merge', 'unmerge')`,
    [ws, q.memberId, q.since, q.until, ...q.names],
  );
  return rows.map((r) => ({ name: r.name, ts: Number(r.ts) }));
}
