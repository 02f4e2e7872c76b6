/** When a member's traits last changed, so the column store's copy of traits is refreshed for those members only. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').addColumn('traits_updated_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('members_traits_updated').on('members').columns(['workspace_id', 'traits_updated_at']).execute();
}
