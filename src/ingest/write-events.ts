/** Step 4 of ingest: the resolved events go into the ingest log, and the counters that must be exact move with them. */
import { sql } from 'kysely';
import type { Tx } from '../store/index.ts';
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

export async function writeEvents(
  trx: Tx,
  ctx: { workspaceId: number; now: number },
  events: readonly NormalisedEvent[],
  resolutions: readonly Resolution[],
): Promise<StoredEvent[]> {
  const rows = events.map((e, i) => {
    const r = resolutions[i]!;
    return {
      workspace_id: ctx.workspaceId,
      event_id: e.eventId,
      type: e.type,
      name: e.name,
      ts: e.ts,
      received_at: e.receivedAt,
      platform: e.platform,
      member_id: r.memberId,
      identity_id: r.identityId,
      target_member_id: r.targetMemberId,
      target_identity_id: r.targetIdentityId,
      properties: JSON.stringify(e.properties),
      context: e.context ? JSON.stringify(e.context) : null,
      claims: claimsJson(e),
    };
  });
  // 15 columns × 1,000 rows stays under both engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('events').values(rows.slice(i, i + 1000)).execute();

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
  ctx: { workspaceId: number; now: number },
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
  const entries = [...agg.entries()];
  const big = (v: number | null) => sql`CAST(${v} AS bigint)`;
  for (let i = 0; i < entries.length; i += 500) {
    const values = entries.slice(i, i + 500).map(([id, a]) => sql`(${big(id)}, ${big(a.acts)}, ${big(a.targets)}, ${big(a.first)}, ${big(a.last)})`);
    // One statement per chunk: UPDATE … FROM (VALUES …) works in SQLite ≥ 3.33 and PostgreSQL alike.
    await sql`
      UPDATE members SET
        event_count = members.event_count + v.column2,
        target_count = members.target_count + v.column3,
        first_seen = CASE WHEN v.column4 IS NULL THEN members.first_seen
                          WHEN members.first_seen IS NULL OR v.column4 < members.first_seen THEN v.column4
                          ELSE members.first_seen END,
        last_seen = CASE WHEN v.column5 IS NULL THEN members.last_seen
                         WHEN members.last_seen IS NULL OR v.column5 > members.last_seen THEN v.column5
                         ELSE members.last_seen END,
        updated_at = ${big(ctx.now)}
      FROM (VALUES ${sql.join(values)}) AS v
      WHERE members.id = v.column1 AND members.workspace_id = ${big(ctx.workspaceId)}`.execute(trx);
  }
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
