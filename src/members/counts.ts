/** Member counts of a workspace and the member-id changes queued for the column store (read by other modules). */
import type { RowStore } from '../store/index.ts';

export async function memberCounts(store: RowStore, ws: number): Promise<{ live: number; merged: number; identities: number }> {
  const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);
  const [live, merged, identities] = await Promise.all([
    store.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).where('merged_into', 'is', null).executeTakeFirst(),
    store.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).where('merged_into', 'is not', null).executeTakeFirst(),
    store.db.selectFrom('identities').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).executeTakeFirst(),
  ]);
  return { live: count(live), merged: count(merged), identities: count(identities) };
}

export interface MemberRemap {
  id: number;
  workspace_id: number;
  from_member_id: number;
  to_member_id: number;
  identity_id: number | null;
}

/** Merges and splits after `afterId`, in order: the columnizer applies them to the column store. */
export async function remapsAfter(store: RowStore, afterId: number): Promise<MemberRemap[]> {
  return store.db.selectFrom('member_remaps').select(['id', 'workspace_id', 'from_member_id', 'to_member_id', 'identity_id']).where('id', '>', afterId).orderBy('id').execute();
}

export async function lastRemapId(store: RowStore): Promise<number> {
  const r = await store.db.selectFrom('member_remaps').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}
