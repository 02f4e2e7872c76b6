/** Writes what one resolved batch decided: new members and identities (real ids replace temporary ones), merges, traits. */
import { allocateIds, bulkInsert, type BulkStatement, type Tx } from '../store/index.ts';
import type { IdentityKey } from './identity-keys.ts';
import type { ResolverState } from './resolver-state.ts';
import { mergeStoredMembers } from './merge-writes.ts';
import { applyTraitPatches } from './traits.ts';

export interface PendingMerge {
  winner: number;
  loser: number;
  reason: string;
  identity: Pick<IdentityKey, 'platform' | 'kind' | 'value'> | null;
}

const NEW_MEMBERS: BulkStatement = { name: 'new_members', table: 'members', columns: ['id', 'workspace_id', 'traits', 'created_at', 'updated_at'] };
const NEW_IDENTITIES: BulkStatement = {
  name: 'new_identities',
  table: 'identities',
  columns: ['id', 'workspace_id', 'member_id', 'platform', 'kind', 'value', 'verified', 'created_at'],
};

export interface IdMap {
  member(id: number): number;
  identity(id: number): number;
}

export async function writeResolution(
  trx: Tx,
  ctx: { workspaceId: number; dialect: 'sqlite' | 'postgres'; now: number },
  state: ResolverState,
  merges: readonly PendingMerge[],
  traitPatches: readonly { member: number; traits: Record<string, unknown>; ts: number }[],
): Promise<IdMap> {
  const memberIds = new Map<number, number>();
  const roots = state.newMembers.filter((m) => state.root(m) === m);
  const allocated = await allocateIds(trx, ctx.dialect, 'members', roots.length);
  roots.forEach((m, i) => memberIds.set(m, allocated[i]!));
  const member = (id: number): number => {
    const r = state.root(id);
    return r > 0 ? r : memberIds.get(r)!;
  };

  if (roots.length > 0) {
    await bulkInsert(trx, ctx.dialect, NEW_MEMBERS, roots.map((m) => [member(m), ctx.workspaceId, '{}', ctx.now, ctx.now]));
  }

  const identityIds = new Map<number, number>();
  const fresh = state.newIdentities;
  const idAlloc = await allocateIds(trx, ctx.dialect, 'identities', fresh.length);
  fresh.forEach((s, i) => identityIds.set(s.id, idAlloc[i]!));
  if (fresh.length > 0) {
    const rows = fresh.map((s) => [identityIds.get(s.id)!, ctx.workspaceId, member(s.memberId), s.platform, s.kind, s.value, s.verified ? 1 : 0, ctx.now]);
    await bulkInsert(trx, ctx.dialect, NEW_IDENTITIES, rows);
  }

  const verifiedNow: number[] = [];
  for (const s of state.identities.values()) if (s.verifiedNow) verifiedNow.push(s.id);
  if (verifiedNow.length > 0) {
    await trx.updateTable('identities').set({ verified: 1 }).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', verifiedNow).execute();
  }

  // Merges of stored members, in the order they were decided; a merge of a member new in this batch needs no rows moved.
  for (const m of merges) {
    if (m.loser < 0) continue;
    await mergeStoredMembers(trx, ctx, { winner: m.winner, loser: m.loser, reason: m.reason, identity: m.identity, seq: null });
  }

  if (traitPatches.length > 0) {
    await applyTraitPatches(
      trx,
      ctx,
      traitPatches.map((p) => ({ memberId: member(p.member), traits: p.traits })),
    );
  }

  return {
    member,
    identity: (id: number) => (id > 0 ? id : identityIds.get(id)!),
  };
}
