/**
 * The batches the ingest hook applied since its engine state was last written whole (a checkpoint): which events,
 * with the member ids the engines saw, under which configuration version. The state rows plus these batches, applied
 * again in order, are the engines' state: the hook keeps it in memory and writes the rows only now and then.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { RowDialect } from '../dialect.ts';

export async function up(db: Kysely<any>, dialect: RowDialect): Promise<void> {
  // Ids are never reused (AUTOINCREMENT): a process recognises that another one wrote by the newest id changing.
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
  await db.schema
    .createTable('gamification_batches')
    .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigint', id)
    .addColumn('workspace_id', 'bigint', (c) => c.notNull())
    .addColumn('config_version', 'integer', (c) => c.notNull())
    // JSON [[event id, member id, target member id], …]
    .addColumn('events', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gamification_batches_ws').on('gamification_batches').columns(['workspace_id', 'id']).execute();
}
