/** Step 4 of ingest: the resolved events go into the ingest log, and the counters that must be exact move with them. */
import { bulkInsert, type BulkStatement, type RowDialect, type Tx } from '../store/index.ts';
import type { Resolution } from '../members/index.ts';
import type { NormalisedEvent } from './normalise.ts';

export interface StoredEvent {
  eventId: string;
  type: string;
  name: string;
  ts: number;
  platform: string;
  memberId: number | null;
  targetMemberId: number | null;
  properties: Record<string, unknown>;
}

const keyTuple = (k: { platform: string; kind: string; value: string; verified?: boolean }) => [k.platform, k.kind, k.value, k.verified ? 1 : 0];

export function claimsJson(e: Pick<NormalisedEvent, 'actorKeys' | 'target' | 'previousId'>): string {
  const c: Record<string, unknown> = { a: e.actorKeys.map(keyTuple) };
  if (e.target) c['t'] = keyTuple(e.target);
  if (e.previousId !== undefined) c['p'] = e.previousId;
  return JSON.stringify(c);
}

const EVENTS_INSERT: BulkStatement = {
  name: 'events',
  table: 'events',
  columns: ['workspace_id', 'event_id', 'type', 'name', 'ts', 'received_at', 'platform', 'member_id', 'identity_id', 'target_member_id', 'target_identity_id', 'properties', 'context', 'claims'],
};

const FIRST = (col: string, cmp: '<' | '>') =>
  `${col} = CASE WHEN excluded.${col} IS NULL THEN members.${col} WHEN members.${col} IS NULL OR excluded.${col} ${cmp} members.${col} THEN excluded.${col} ELSE members.${col} END`;

/**
 * Counter deltas as an upsert on the primary key: a keyed update per row in SQLite and PostgreSQL alike
 * (UPDATE … FROM VALUES made SQLite scan members). Every member here exists, so the insert branch never runs.
 */
const MEMBER_COUNTERS: BulkStatement = {
  name: 'member_counters',
  table: 'members',
  columns: ['id', 'workspace_id', 'traits', 'event_count', 'target_count', 'first_seen', 'last_seen', 'created_at', 'updated_at'],
  casts: ['bigint', 'bigint', 'text', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint'],
  suffix: `ON CONFLICT (id) DO UPDATE SET event_count = members.event_count + excluded.event_count,
    target_count = members.target_count + excluded.target_count, ${FIRST('first_seen', '<')}, ${FIRST('last_seen', '>')},
    updated_at = excluded.updated_at`,
};

export async function writeEvents(
  trx: Tx,
  ctx: { workspaceId: number; dialect: RowDialect; now: number },
  events: readonly NormalisedEvent[],
  resolutions: readonly Resolution[],
): Promise<StoredEvent[]> {
  const rows = events.map((e, i) => {
    const r = resolutions[i]!;
    return [
      ctx.workspaceId,
      e.eventId,
      e.type,
      e.name,
      e.ts,
      e.receivedAt,
      e.platform,
      r.memberId,
      r.identityId,
      r.targetMemberId,
      r.targetIdentityId,
      JSON.stringify(e.properties),
      e.context ? JSON.stringify(e.context) : null,
      claimsJson(e),
    ];
  });
  // 14 columns × 500 rows stays under both engines' bound-parameter limits.
  await bulkInsert(trx, ctx.dialect, EVENTS_INSERT, rows);

  await bumpMemberCounters(trx, ctx, events, resolutions);
  await bumpTypeCounts(trx, ctx.workspaceId, events);
  return events.map((e, i) => ({
    eventId: e.eventId,
    type: e.type,
    name: e.name,
    ts: e.ts,
    platform: e.platform,
    memberId: resolutions[i]!.memberId,
    targetMemberId: resolutions[i]!.targetMemberId,
    properties: e.properties,
  }));
}

async function bumpMemberCounters(
  trx: Tx,
  ctx: { workspaceId: number; dialect: RowDialect; now: number },
  events: readonly NormalisedEvent[],
  resolutions: readonly Resolution[],
): Promise<void> {
  const agg = new Map<number, { acts: number; targets: number; first: number | null; last: number | null }>();
  const get = (m: number) => {
    let a = agg.get(m);
    if (!a) agg.set(m, (a = { acts: 0, targets: 0, first: null, last: null }));
    return a;
  };
  events.forEach((e, i) => {
    const r = resolutions[i]!;
    if (r.memberId !== null) {
      const a = get(r.memberId);
      a.acts++;
      a.first = a.first === null ? e.ts : Math.min(a.first, e.ts);
      a.last = a.last === null ? e.ts : Math.max(a.last, e.ts);
    }
    if (r.targetMemberId !== null) get(r.targetMemberId).targets++;
  });
  const rows = [...agg.entries()].map(([id, a]) => [id, ctx.workspaceId, '{}', a.acts, a.targets, a.first, a.last, ctx.now, ctx.now]);
  await bulkInsert(trx, ctx.dialect, MEMBER_COUNTERS, rows);
}

async function bumpTypeCounts(trx: Tx, workspaceId: number, events: readonly NormalisedEvent[]): Promise<void> {
  const byName = new Map<string, number>();
  for (const e of events) byName.set(e.name, (byName.get(e.name) ?? 0) + 1);
  for (const [name, n] of byName) {
    await trx
      .insertInto('event_type_counts')
      .values({ workspace_id: workspaceId, name, count: n })
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doUpdateSet((eb) => ({ count: eb('event_type_counts.count', '+', n) })))
      .execute();
  }
}
