/** Writes what one resolved batch decided: new members and identities (real ids replace temporary ones), merges, traits. */
import { allocateIds, type Tx } from '../store/index.ts';
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
    const rows = roots.map((m) => ({
      id: member(m),
      workspace_id: ctx.workspaceId,
      display_name: null,
      traits: '{}',
      first_seen: null,
      last_seen: null,
      event_count: 0,
      target_count: 0,
      merged_into: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    }));
    for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('members').values(rows.slice(i, i + 2000)).execute();
  }

  const identityIds = new Map<number, number>();
  const fresh = state.newIdentities;
  const idAlloc = await allocateIds(trx, ctx.dialect, 'identities', fresh.length);
  fresh.forEach((s, i) => identityIds.set(s.id, idAlloc[i]!));
  if (fresh.length > 0) {
    const rows = fresh.map((s) => ({
      id: identityIds.get(s.id)!,
      workspace_id: ctx.workspaceId,
      member_id: member(s.memberId),
      platform: s.platform,
      kind: s.kind,
      value: s.value,
      verified: s.verified ? 1 : 0,
      created_at: ctx.now,
    }));
    for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('identities').values(rows.slice(i, i + 2000)).execute();
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
