/**
 * The row-level effect of merging two stored members and of splitting an identity out: identities and events move,
 * counters follow, the change is recorded, and a remap is queued for the column store. Runs inside a transaction.
 */
import { sql } from 'kysely';
import { allocateIds, type RowDialect, type Tx } from '../store/index.ts';
import { displayNameFrom } from './traits.ts';

interface Ctx {
  workspaceId: number;
  dialect: RowDialect;
  now: number;
}

export interface StoredMerge {
  winner: number;
  loser: number;
  reason: string;
  identity: { platform: string; kind: string; value: string } | null;
  seq: number | null;
}

export async function mergeStoredMembers(trx: Tx, ctx: Ctx, m: StoredMerge): Promise<void> {
  const ws = ctx.workspaceId;
  const [w, l] = await Promise.all([
    trx.selectFrom('members').selectAll().where('workspace_id', '=', ws).where('id', '=', m.winner).executeTakeFirstOrThrow(),
    trx.selectFrom('members').selectAll().where('workspace_id', '=', ws).where('id', '=', m.loser).executeTakeFirstOrThrow(),
  ]);
  await trx.updateTable('identities').set({ member_id: m.winner }).where('workspace_id', '=', ws).where('member_id', '=', m.loser).execute();
  await trx.updateTable('events').set({ member_id: m.winner }).where('workspace_id', '=', ws).where('member_id', '=', m.loser).execute();
  await trx
    .updateTable('events')
    .set({ target_member_id: m.winner })
    .where('workspace_id', '=', ws)
    .where('target_member_id', '=', m.loser)
    .execute();

  // The survivor keeps its own trait values and gains the ones only the other had.
  const traits = { ...(JSON.parse(l.traits) as object), ...(JSON.parse(w.traits) as object) } as Record<string, unknown>;
  const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  await trx
    .updateTable('members')
    .set({
      traits: JSON.stringify(traits),
      display_name: displayNameFrom(traits) ?? w.display_name ?? l.display_name,
      event_count: w.event_count + l.event_count,
      target_count: w.target_count + l.target_count,
      first_seen: min(w.first_seen, l.first_seen),
      last_seen: max(w.last_seen, l.last_seen),
      updated_at: ctx.now,
      traits_updated_at: ctx.now,
    })
    .where('workspace_id', '=', ws)
    .where('id', '=', m.winner)
    .execute();
  await trx
    .updateTable('members')
    .set({ merged_into: m.winner, event_count: 0, target_count: 0, updated_at: ctx.now })
    .where('workspace_id', '=', ws)
    .where('id', '=', m.loser)
    .execute();
  // Earlier merges into the loser now point at the survivor, so every old id resolves in one step.
  await trx.updateTable('members').set({ merged_into: m.winner }).where('workspace_id', '=', ws).where('merged_into', '=', m.loser).execute();
  await moveBlocks(trx, ws, m.loser, m.winner);
  await trx
    .insertInto('member_merges')
    .values({
      workspace_id: ws,
      kind: 'merge',
      member_id: m.winner,
      other_member_id: m.loser,
      reason: m.reason,
      identity: m.identity ? JSON.stringify({ platform: m.identity.platform, kind: m.identity.kind, value: m.identity.value }) : null,
      seq: m.seq,
      created_at: ctx.now,
    })
    .execute();
  await trx
    .insertInto('member_remaps')
    .values({ workspace_id: ws, from_member_id: m.loser, to_member_id: m.winner, identity_id: null, created_at: ctx.now })
    .execute();
}

async function moveBlocks(trx: Tx, ws: number, from: number, to: number): Promise<void> {
  const rows = await trx
    .selectFrom('merge_blocks')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where((eb) => eb.or([eb('member_a', '=', from), eb('member_b', '=', from)]))
    .execute();
  if (rows.length === 0) return;
  await trx
    .deleteFrom('merge_blocks')
    .where('workspace_id', '=', ws)
    .where((eb) => eb.or([eb('member_a', '=', from), eb('member_b', '=', from)]))
    .execute();
  for (const r of rows) {
    const a = r.member_a === from ? to : r.member_a;
    const b = r.member_b === from ? to : r.member_b;
    if (a !== b) await addBlock(trx, ws, a, b, r.created_at);
  }
}

export async function addBlock(trx: Tx, ws: number, a: number, b: number, now: number): Promise<void> {
  await trx
    .insertInto('merge_blocks')
    .values({ workspace_id: ws, member_a: Math.min(a, b), member_b: Math.max(a, b), created_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'member_a', 'member_b']).doNothing())
    .execute();
}

/**
 * Splits one identity, with the events made through it (and about it), out of its member into a new member, and
 * blocks automatic re-merging of the two. Returns the new member's id.
 */
export async function splitIdentity(trx: Tx, ctx: Ctx, identityId: number, seq: number | null): Promise<{ from: number; to: number }> {
  const ws = ctx.workspaceId;
  const ident = await trx.selectFrom('identities').selectAll().where('workspace_id', '=', ws).where('id', '=', identityId).executeTakeFirstOrThrow();
  const from = ident.member_id;
  const [to] = await allocateIds(trx, ctx.dialect, 'members', 1);
  await trx
    .insertInto('members')
    .values({
      id: to!,
      workspace_id: ws,
      display_name: null,
      traits: '{}',
      first_seen: null,
      last_seen: null,
      event_count: 0,
      target_count: 0,
      merged_into: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  await trx.updateTable('identities').set({ member_id: to! }).where('workspace_id', '=', ws).where('id', '=', identityId).execute();
  await trx
    .updateTable('events')
    .set({ member_id: to! })
    .where('workspace_id', '=', ws)
    .where('member_id', '=', from)
    .where('identity_id', '=', identityId)
    .execute();
  await trx
    .updateTable('events')
    .set({ target_member_id: to! })
    .where('workspace_id', '=', ws)
    .where('target_member_id', '=', from)
    .where('target_identity_id', '=', identityId)
    .execute();
  await recomputeCounters(trx, ws, [from, to!], ctx.now);
  await addBlock(trx, ws, from, to!, ctx.now);
  await trx
    .insertInto('member_merges')
    .values({
      workspace_id: ws,
      kind: 'unmerge',
      member_id: from,
      other_member_id: to!,
      reason: 'api',
      identity: JSON.stringify({ platform: ident.platform, kind: ident.kind, value: ident.value }),
      seq,
      created_at: ctx.now,
    })
    .execute();
  await trx
    .insertInto('member_remaps')
    .values({ workspace_id: ws, from_member_id: from, to_member_id: to!, identity_id: identityId, created_at: ctx.now })
    .execute();
  return { from, to: to! };
}

/**
 * Counters and first/last seen from the log itself (after a split or a replay, where deltas are not known); the
 * incremental path in ingest must agree with this definition (tested by the replay test). First/last seen count
 * what the member did; `target_count` what was done about them.
 */
export async function recomputeCounters(trx: Tx, ws: number, members: readonly number[] | 'all', now: number): Promise<void> {
  if (members !== 'all' && members.length === 0) return;
  const only = members === 'all' ? sql`merged_into IS NULL` : sql`id IN (${sql.join(members)})`;
  await sql`
    UPDATE members SET
      event_count = COALESCE((SELECT count(*) FROM events e WHERE e.workspace_id = members.workspace_id AND e.member_id = members.id), 0),
      target_count = COALESCE((SELECT count(*) FROM events e WHERE e.workspace_id = members.workspace_id AND e.target_member_id = members.id), 0),
      first_seen = (SELECT min(ts) FROM events e WHERE e.workspace_id = members.workspace_id AND e.member_id = members.id),
      last_seen = (SELECT max(ts) FROM events e WHERE e.workspace_id = members.workspace_id AND e.member_id = members.id),
      updated_at = ${now}
    WHERE workspace_id = ${ws} AND ${only}`.execute(trx);
}
