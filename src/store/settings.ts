/** Workspace settings documents: stored as JSON text; the owning module validates them with its zod schema. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export async function readSetting(db: Kysely<Database>, workspaceId: number, key: string): Promise<unknown> {
  const row = await db.selectFrom('workspace_settings').select('value').where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function writeSetting(db: Kysely<Database>, workspaceId: number, key: string, value: unknown, now: number): Promise<void> {
  await db
    .insertInto('workspace_settings')
    .values({ workspace_id: workspaceId, key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
    .execute();
}
