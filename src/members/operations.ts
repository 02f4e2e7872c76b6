/**
 * Operator actions on identities: an explicit merge (allowed even between two identified members) and an unmerge
 * (split one identity and its events back out). Each is written to the ingest log as a `$merge` / `$unmerge` event
 * naming identities, not member ids, so that a replay of the log reproduces it.
 */
import { randomUUID } from 'node:crypto';
import { AppError, invalid, memberPublicId } from '../core/index.ts';
import { withWriteTransaction, type RowStore, type Tx } from '../store/index.ts';
import { identityHolder, liveMemberId } from './lookup.ts';
import { mergeStoredMembers, splitIdentity } from './merge-writes.ts';

export interface IdentityRef {
  platform: string;
  kind: string;
  value: string;
}

interface OpCtx {
  store: RowStore;
  now: number;
}

async function representative(trx: Tx, ws: number, memberId: number): Promise<IdentityRef> {
  const r = await trx
    .selectFrom('identities')
    .select(['platform', 'kind', 'value'])
    .where('workspace_id', '=', ws)
    .where('member_id', '=', memberId)
    .orderBy('id')
    .executeTakeFirst();
  if (!r) throw new AppError('conflict', `member ${memberPublicId(memberId)} has no identity`);
  return r;
}

async function logOperation(trx: Tx, ws: number, now: number, name: '$merge' | '$unmerge', memberId: number, claims: object, properties: object): Promise<number> {
  const row = await trx
    .insertInto('events')
    .values({
      workspace_id: ws,
      event_id: 'op_' + randomUUID(),
      type: name === '$merge' ? 'merge' : 'unmerge',
      name,
      ts: now,
      received_at: now,
      platform: 'sheyun',
      // An operator action is not the member's activity: it counts for no one (the profile lists merges instead).
      member_id: null,
      identity_id: null,
      target_member_id: null,
      target_identity_id: null,
      properties: JSON.stringify({ ...properties, member_id: memberPublicId(memberId) }),
      context: null,
      claims: JSON.stringify(claims),
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('event_type_counts')
    .values({ workspace_id: ws, name, count: 1 })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doUpdateSet((eb) => ({ count: eb('event_type_counts.count', '+', 1) })))
    .execute();
  return row.seq;
}

/** Merges members by their public ids (all into the oldest). Returns the survivor's id. */
export async function mergeMembers(ctx: OpCtx, ws: number, publicIds: readonly string[]): Promise<{ memberId: number; merged: number[] }> {
  if (publicIds.length < 2) throw invalid('give at least two member ids', 'memberIds');
  return withWriteTransaction(ctx.store, async (trx) => {
    const ids = [...new Set(await Promise.all(publicIds.map(async (p) => (await liveMemberId(trx, ws, p)).id)))].sort((a, b) => a - b);
    const winner = ids[0]!;
    const merged: number[] = [];
    for (const loser of ids.slice(1)) {
      const keys = [await representative(trx, ws, winner), await representative(trx, ws, loser)];
      const seq = await logOperation(trx, ws, ctx.now, '$merge', winner, { m: keys.map((k) => [k.platform, k.kind, k.value]) }, { reason: 'api' });
      await applyMerge(trx, { workspaceId: ws, dialect: ctx.store.dialect, now: ctx.now }, winner, loser, keys[1]!, seq);
      merged.push(loser);
    }
    return { memberId: winner, merged };
  });
}

export async function applyMerge(trx: Tx, c: { workspaceId: number; dialect: RowStore['dialect']; now: number }, winner: number, loser: number, link: IdentityRef, seq: number | null): Promise<void> {
  // An explicit merge overrides an earlier split of the same two members.
  await trx
    .deleteFrom('merge_blocks')
    .where('workspace_id', '=', c.workspaceId)
    .where('member_a', '=', Math.min(winner, loser))
    .where('member_b', '=', Math.max(winner, loser))
    .execute();
  await mergeStoredMembers(trx, c, { winner, loser, reason: 'api', identity: link, seq });
}

/** Splits one identity (with its events) out of a member into a new member. Returns the new member's id. */
export async function unmergeIdentity(ctx: OpCtx, ws: number, publicId: string, identity: IdentityRef): Promise<{ memberId: number; newMemberId: number }> {
  return withWriteTransaction(ctx.store, async (trx) => {
    const { id } = await liveMemberId(trx, ws, publicId);
    const holder = await identityHolder(trx, ws, identity);
    if (!holder || holder.memberId !== id) throw new AppError('not_found', `member ${publicId} has no identity ${identity.platform}/${identity.kind}/${identity.value}`, { field: 'identity' });
    const count = await trx
      .selectFrom('identities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .where('member_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) < 2) throw new AppError('conflict', 'a member with a single identity cannot be split', { field: 'identity' });
    const seq = await logOperation(trx, ws, ctx.now, '$unmerge', id, { u: [identity.platform, identity.kind, identity.value] }, { reason: 'api' });
    const split = await splitIdentity(trx, { workspaceId: ws, dialect: ctx.store.dialect, now: ctx.now }, holder.identityId, seq);
    return { memberId: split.from, newMemberId: split.to };
  });
}
