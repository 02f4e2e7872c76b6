/** Profile traits: identify calls merge into them (latest value wins per trait); the display name follows them. */
import { bulkInsert, cachedQuery, paddedInList, placeholderList, type BulkStatement, type RowDialect, type Tx } from '../store/index.ts';

export function displayNameFrom(traits: Record<string, unknown>): string | null {
  const s = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : undefined);
  const full = [s(traits['first_name'] ?? traits['firstName']), s(traits['last_name'] ?? traits['lastName'])].filter(Boolean).join(' ');
  return s(traits['name']) ?? (full || undefined) ?? s(traits['username']) ?? s(traits['handle']) ?? null;
}

/**
 * Traits as a keyed upsert on the primary key, like the counters: one statement per 500 members instead of one
 * UPDATE each (identify-heavy imports spent most of their time there). Every member exists, so only the update runs.
 */
const MEMBER_TRAITS: BulkStatement = {
  name: 'member_traits',
  table: 'members',
  columns: ['id', 'workspace_id', 'traits', 'display_name', 'created_at', 'updated_at', 'traits_updated_at'],
  casts: ['bigint', 'bigint', 'text', 'text', 'bigint', 'bigint', 'bigint'],
  suffix:
    'ON CONFLICT (id) DO UPDATE SET traits = excluded.traits, display_name = excluded.display_name, updated_at = excluded.updated_at, traits_updated_at = excluded.traits_updated_at',
};

/** One member's traits and whom it was merged into, by internal id (a cached statement: it runs per request). */
export async function memberTraitsById(trx: Tx, dialect: RowDialect, ws: number, id: number): Promise<{ traits: Record<string, unknown>; mergedInto: number | null } | undefined> {
  const [m] = await cachedQuery<{ traits: string; merged_into: number | null }>(
    trx,
    `${dialect}|member_traits_by_id`,
    () => `SELECT traits, merged_into FROM members WHERE workspace_id = ${placeholderList(dialect, 1)} AND id = ${placeholderList(dialect, 1, 1)}`,
    [ws, id],
  );
  return m && { traits: JSON.parse(m.traits) as Record<string, unknown>, mergedInto: m.merged_into === null ? null : Number(m.merged_into) };
}

/** Live members whose traits changed after `since` (microseconds), ascending by id. */
export async function traitsChangedSince(trx: Tx, ws: number, since: number): Promise<{ id: number; traits: string; changedAt: number }[]> {
  const r = await trx
    .selectFrom('members')
    .select(['id', 'traits', 'traits_updated_at'])
    .where('workspace_id', '=', ws)
    .where('traits_updated_at', '>', since)
    .where('merged_into', 'is', null)
    .orderBy('id')
    .execute();
  return r.map((x) => ({ id: Number(x.id), traits: x.traits, changedAt: Number(x.traits_updated_at) }));
}

/** Applies patches in order; one read and one write per member touched. */
export async function applyTraitPatches(
  trx: Tx,
  ctx: { workspaceId: number; dialect: RowDialect; now: number },
  patches: readonly { memberId: number; traits: Record<string, unknown> }[],
): Promise<void> {
  const ids = [...new Set(patches.map((p) => p.memberId))];
  const current = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = paddedInList(ids.slice(i, i + 500));
    const rows = await cachedQuery<{ id: number; traits: string }>(
      trx,
      `${ctx.dialect}|member_traits_read|${part.length}`,
      () => `SELECT id, traits FROM members WHERE workspace_id = ${placeholderList(ctx.dialect, 1)} AND id IN (${placeholderList(ctx.dialect, part.length, 1)})`,
      [ctx.workspaceId, ...part],
    );
    for (const r of rows) current.set(Number(r.id), JSON.parse(r.traits) as Record<string, unknown>);
  }
  for (const p of patches) current.set(p.memberId, { ...(current.get(p.memberId) ?? {}), ...p.traits });
  const rows = ids.map((id) => {
    const traits = current.get(id) ?? {};
    return [id, ctx.workspaceId, JSON.stringify(traits), displayNameFrom(traits), ctx.now, ctx.now, ctx.now];
  });
  await bulkInsert(trx, ctx.dialect, MEMBER_TRAITS, rows);
}

/** Display names of some members (name traits, as displayNameFrom reads them); members without one are left out. */
export async function memberNames(trx: Tx, ws: number, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('members').select(['id', 'traits']).where('workspace_id', '=', ws).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) {
      const name = displayNameFrom(JSON.parse(r.traits) as Record<string, unknown>);
      if (name) out.set(Number(r.id), name);
    }
  }
  return out;
}
