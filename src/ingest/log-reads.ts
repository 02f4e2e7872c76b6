/** Reads of the ingest log that other modules need: counts by event name, the newest sequence number, pending rows. */
import { sql } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { StoredEvent } from './write-events.ts';
import { cachedQuery, paddedInList, placeholderList, workspaceOfRange, type RowDialect, type RowStore, type Tx } from '../store/index.ts';

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
  const rows = await eventCountsAfter(store.db, ws, afterSeq, bucketMicros).execute();
  return rows.map((r) => ({ bucketStart: Math.floor(Number(r.b)) * bucketMicros, count: Number(r.n) }));
}

/**
 * The query of `eventCountsByTimeBucket`: the rows after `afterSeq` (the columnizer's watermark: a few seconds of
 * ingest) as a range of the log's sequence numbers (`workspaceOfRange`).
 */
export function eventCountsAfter(db: Tx, ws: number, afterSeq: number, bucketMicros: number) {
  // The bucket is a literal, not a parameter: PostgreSQL only matches GROUP BY to the select list by identical text.
  const bucket = sql.lit(Math.trunc(bucketMicros));
  return db
    .selectFrom('events')
    .select((eb) => [sql<number>`ts / ${bucket}`.as('b'), eb.fn.countAll<number>().as('n')])
    .where('seq', '>', afterSeq)
    .where(workspaceOfRange, '=', ws)
    .where('type', 'not in', ['merge', 'unmerge'])
    .groupBy(sql`ts / ${bucket}`);
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

/** An event read back from the log: the same shape the pipeline hands its hooks. */
export type LogEvent = StoredEvent;

interface LogRow {
  event_id: string;
  type: string;
  name: string;
  ts: number | string;
  platform: string;
  member_id: number | string | null;
  target_member_id: number | string | null;
  properties: string | Record<string, unknown>;
}

const toLogEvent = (r: LogRow): LogEvent => ({
  eventId: r.event_id,
  type: r.type,
  name: r.name,
  ts: Number(r.ts),
  platform: r.platform,
  memberId: r.member_id === null ? null : Number(r.member_id),
  targetMemberId: r.target_member_id === null ? null : Number(r.target_member_id),
  properties: typeof r.properties === 'string' ? (JSON.parse(r.properties) as Record<string, unknown>) : r.properties,
});

let orderTables = 0;

/**
 * Every event of a workspace (operator bookkeeping excluded) in the deterministic order derived state is replayed
 * in: timestamp, then event id (byte order). `names` narrows to those event names. The order is computed once into a
 * temporary table of sequence numbers (one sort, by the database), then read in pages joined back to the log by its
 * primary key: no cursor stays open, so the caller may write on the same connection between pages (replay runs in
 * one write transaction), and both SQLite and PostgreSQL read it the same way.
 */
export async function* logEventsInOrder(
  db: Tx,
  dialect: RowDialect,
  ws: number,
  opts: { names?: readonly string[]; pageSize?: number } = {},
): AsyncGenerator<LogEvent[]> {
  const page = opts.pageSize ?? 5000;
  const table = `sheyun_replay_order_${process.pid}_${++orderTables}`;
  const names = opts.names ? (opts.names.length > 0 ? [...opts.names] : ['']) : null;
  const p = (n: number, offset = 0) => placeholderList(dialect, n, offset);
  const filter = `workspace_id = ${p(1)} AND type NOT IN ('merge', 'unmerge')${names ? ` AND name IN (${p(names.length, 1)})` : ''}`;
  const params = [ws, ...(names ?? [])];
  const byteOrder = dialect === 'postgres' ? 'event_id COLLATE "C"' : 'event_id';
  await sql.raw(`CREATE TEMP TABLE ${table} (pos ${dialect === 'postgres' ? 'BIGSERIAL' : 'INTEGER'} PRIMARY KEY, seq BIGINT NOT NULL)`).execute(db);
  try {
    await db.executeQuery(CompiledQuery.raw(`INSERT INTO ${table} (seq) SELECT seq FROM events WHERE ${filter} ORDER BY ts, ${byteOrder}`, params));
    let after = 0;
    for (;;) {
      const result = await db.executeQuery<LogRow & { pos: number | string }>(
        CompiledQuery.raw(
          `SELECT o.pos, e.event_id, e.type, e.name, e.ts, e.platform, e.member_id, e.target_member_id, e.properties
             FROM ${table} o JOIN events e ON e.seq = o.seq WHERE o.pos > ${p(1)} ORDER BY o.pos LIMIT ${page}`,
          [after],
        ),
      );
      const rows = result.rows;
      if (rows.length === 0) return;
      yield rows.map(toLogEvent);
      after = Number(rows[rows.length - 1]!.pos);
      if (rows.length < page) return;
    }
  } finally {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}

/** Events of a workspace by id, as the pipeline handed them to its hooks (order not guaranteed; unknown ids skipped). */
export async function logEventsById(db: Tx, dialect: RowDialect, ws: number, ids: readonly string[]): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = paddedInList(ids.slice(i, i + 500));
    const rows = await cachedQuery<LogRow>(
      db,
      `${dialect}|events_log_by_id|${part.length}`,
      () => `SELECT event_id, type, name, ts, platform, member_id, target_member_id, properties FROM events WHERE workspace_id = ${placeholderList(dialect, 1)} AND event_id IN (${placeholderList(dialect, part.length, 1)})`,
      [ws, ...part],
    );
    for (const r of rows) out.push(toLogEvent(r));
  }
  return out;
}
