/** The foundation's tables: workspaces, keys, members, identities, the ingest log and its bookkeeping. */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { RowDialect } from '../dialect.ts';

// Migrations are written against an untyped Kysely: the typed schema describes the latest state, not history.
export async function up(db: Kysely<any>, dialect: RowDialect): Promise<void> {
  const bigint = 'bigint' as const;
  // SQLite: INTEGER PRIMARY KEY is the rowid (auto-assigned, no identity syntax); PostgreSQL: a bigint identity.
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity();
  const idType = dialect === 'sqlite' ? ('integer' as const) : bigint;

  await db.schema
    .createTable('workspaces')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('identity_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', idType, (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('revoked_at', bigint)
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('traits', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('first_seen', bigint)
    .addColumn('last_seen', bigint)
    .addColumn('event_count', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('target_count', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', bigint)
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('members_ws_name').on('members').columns(['workspace_id', 'display_name']).execute();
  await db.schema.createIndex('members_ws_last_seen').on('members').columns(['workspace_id', 'last_seen']).execute();
  // Merges re-point earlier merges into the loser; without this index each merge scanned every member.
  await db.schema
    .createIndex('members_merged_into')
    .on('members')
    .columns(['workspace_id', 'merged_into'])
    .where(sql.ref('merged_into'), 'is not', null)
    .execute();

  await db.schema
    .createTable('identities')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  // value first: one index serves exact (platform, kind, value) lookups and cross-platform email/phone matching.
  await db.schema
    .createIndex('identities_key')
    .on('identities')
    .columns(['workspace_id', 'value', 'kind', 'platform'])
    .unique()
    .execute();
  await db.schema.createIndex('identities_member').on('identities').columns(['workspace_id', 'member_id']).execute();

  await db.schema
    .createTable('events')
    .addColumn('seq', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ts', bigint, (c) => c.notNull())
    .addColumn('received_at', bigint, (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('member_id', bigint)
    .addColumn('identity_id', bigint)
    .addColumn('target_member_id', bigint)
    .addColumn('target_identity_id', bigint)
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('context', 'text')
    .addColumn('claims', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_event_id').on('events').columns(['workspace_id', 'event_id']).unique().execute();
  await db.schema.createIndex('events_member_ts').on('events').columns(['workspace_id', 'member_id', 'ts']).execute();
  await db.schema
    .createIndex('events_target_ts')
    .on('events')
    .columns(['workspace_id', 'target_member_id', 'ts'])
    .where(sql.ref('target_member_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('event_type_counts')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('count', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_type_counts_pk', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('member_merges')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('other_member_id', bigint, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('identity', 'text')
    .addColumn('seq', bigint)
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_merges_member').on('member_merges').columns(['workspace_id', 'member_id']).execute();
  await db.schema
    .createIndex('member_merges_other')
    .on('member_merges')
    .columns(['workspace_id', 'other_member_id'])
    .execute();

  await db.schema
    .createTable('member_remaps')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('from_member_id', bigint, (c) => c.notNull())
    .addColumn('to_member_id', bigint, (c) => c.notNull())
    .addColumn('identity_id', bigint)
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('merge_blocks')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('member_a', bigint, (c) => c.notNull())
    .addColumn('member_b', bigint, (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('merge_blocks_pk', ['workspace_id', 'member_a', 'member_b'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('position', bigint, (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .addUniqueConstraint('imports_file', ['workspace_id', 'source', 'file_hash'])
    .execute();
}
