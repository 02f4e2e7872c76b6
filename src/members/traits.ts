/** Profile traits: identify calls merge into them (latest value wins per trait); the display name follows them. */
import type { Tx } from '../store/index.ts';

export function displayNameFrom(traits: Record<string, unknown>): string | null {
  const s = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : undefined);
  const full = [s(traits['first_name'] ?? traits['firstName']), s(traits['last_name'] ?? traits['lastName'])].filter(Boolean).join(' ');
  return s(traits['name']) ?? (full || undefined) ?? s(traits['username']) ?? s(traits['handle']) ?? null;
}

/** Applies patches in order; one read and one write per member touched. */
export async function applyTraitPatches(
  trx: Tx,
  ctx: { workspaceId: number; now: number },
  patches: readonly { memberId: number; traits: Record<string, unknown> }[],
): Promise<void> {
  const ids = [...new Set(patches.map((p) => p.memberId))];
  const current = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom('members')
      .select(['id', 'traits'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) current.set(r.id, JSON.parse(r.traits) as Record<string, unknown>);
  }
  for (const p of patches) current.set(p.memberId, { ...(current.get(p.memberId) ?? {}), ...p.traits });
  for (const id of ids) {
    const traits = current.get(id) ?? {};
    await trx
      .updateTable('members')
      .set({ traits: JSON.stringify(traits), display_name: displayNameFrom(traits), updated_at: ctx.now })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .execute();
  }
}
