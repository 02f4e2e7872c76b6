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

/**
 * The id each member had in its source (`user_id` identities, else `anonymous_id`), the oldest first, for exports
 * that must line up with the source system (e.g. Stack Exchange user ids).
 */
export async function externalIds(trx: Tx, ws: number): Promise<Map<number, { platform: string; kind: string; value: string }>> {
  const rows = await trx
    .selectFrom('identities')
    .select(['member_id', 'platform', 'kind', 'value'])
    .where('workspace_id', '=', ws)
    .where('kind', 'in', ['user_id', 'anonymous_id'])
    .orderBy('id')
    .execute();
  const out = new Map<number, { platform: string; kind: string; value: string }>();
  for (const r of rows) {
    const m = Number(r.member_id);
    const have = out.get(m);
    // A user id beats an anonymous id; among equals the oldest identity wins.
    if (!have || (have.kind === 'anonymous_id' && r.kind === 'user_id')) out.set(m, { platform: r.platform, kind: r.kind, value: r.value });
  }
  return out;
}

/** Which of these members have a user id on some platform (the others are anonymous visitors or synthetic members). */
export async function identifiedMembers(trx: Tx, ws: number, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom('identities')
      .select('member_id')
      .distinct()
      .where('workspace_id', '=', ws)
      .where('kind', '=', 'user_id')
      .where('member_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(Number(r.member_id));
  }
  return out;
}
