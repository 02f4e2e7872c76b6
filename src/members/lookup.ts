/** Finding members: follow merges to the survivor, and find the holder of an identity. */
import { notFound, parseMemberPublicId } from '../core/index.ts';
import type { Tx } from '../store/index.ts';

/** Resolves a public member id (`mem_…`) to the live member it is now part of. */
export async function liveMemberId(trx: Tx, ws: number, publicId: string): Promise<{ id: number; redirectedFrom?: number }> {
  const id = parseMemberPublicId(publicId);
  if (id === undefined) throw notFound('member', publicId);
  const row = await trx.selectFrom('members').select(['id', 'merged_into']).where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('member', publicId);
  if (row.merged_into === null) return { id };
  return { id: row.merged_into, redirectedFrom: id };
}

export async function identityHolder(
  trx: Tx,
  ws: number,
  k: { platform: string; kind: string; value: string },
): Promise<{ identityId: number; memberId: number } | undefined> {
  const r = await trx
    .selectFrom('identities')
    .select(['id', 'member_id'])
    .where('workspace_id', '=', ws)
    .where('value', '=', k.value)
    .where('kind', '=', k.kind)
    .where('platform', '=', k.platform)
    .executeTakeFirst();
  return r && { identityId: r.id, memberId: r.member_id };
}
