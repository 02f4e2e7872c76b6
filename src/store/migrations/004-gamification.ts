/**
 * Incentives: the versioned rule configuration, the engines' state, the append-only points ledger, badge awards,
 * levels and their history, and leaderboard totals (per board, period and member, plus how many members hold each
 * total so a dense rank is one short index count).
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { RowDialect } from '../dialect.ts';

export async function up(db: Kysely<any>, dialect: RowDialect): Promise<void> {
  const bigint = 'bigint' as const;
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity());
  const idType = dialect === 'sqlite' ? ('integer' as const) : bigint;
  const withoutRowid = <T extends { modifyEnd(s: unknown): T }>(b: T): T => (dialect === 'sqlite' ? b.modifyEnd(sql`WITHOUT ROWID`) : b);

  // Every saved configuration is kept; the highest version is in force. Ledger rows name the version they came from.
  await db.schema
    .createTable('gamification_configs')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gamification_configs_version').on('gamification_configs').columns(['workspace_id', 'version']).unique().execute();

  // The engines' state between events (JSON per key), loaded per batch by the keys its events need.
  await db.schema
    .createTable('gamification_state')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('gamification_state_pk', ['workspace_id', 'key'])
    .$call(withoutRowid)
    .execute();

  await db.schema
    .createTable('points_ledger')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('ts', bigint, (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('points', bigint, (c) => c.notNull())
    .addColumn('requested', bigint, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('capped', 'text')
    .addColumn('ref', 'text')
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('points_ledger_key').on('points_ledger').columns(['workspace_id', 'key']).unique().execute();
  await db.schema.createIndex('points_ledger_member').on('points_ledger').columns(['workspace_id', 'member_id', 'id']).execute();

  await db.schema
    .createTable('badge_awards')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('badge_id', 'text', (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('awarded_at', bigint, (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('badge_awards_key').on('badge_awards').columns(['workspace_id', 'key']).unique().execute();
  await db.schema.createIndex('badge_awards_member').on('badge_awards').columns(['workspace_id', 'member_id']).execute();
  await db.schema.createIndex('badge_awards_badge').on('badge_awards').columns(['workspace_id', 'badge_id', 'awarded_at']).execute();

  await db.schema
    .createTable('member_levels')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('since', bigint)
    .addPrimaryKeyConstraint('member_levels_pk', ['workspace_id', 'member_id'])
    .$call(withoutRowid)
    .execute();
  await db.schema.createIndex('member_levels_level').on('member_levels').columns(['workspace_id', 'level']).execute();

  await db.schema
    .createTable('level_changes')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('level_changes_member').on('level_changes').columns(['workspace_id', 'member_id', 'id']).execute();

  // Leaderboards: board = 'all' or 'category:<name>'; period = 'all', 'day:YYYY-MM-DD', 'week:YYYY-MM-DD' (Monday),
  // 'month:YYYY-MM'. Kept from the ledger by the leaderboard updater (a watermark on ledger ids).
  await db.schema
    .createTable('points_totals')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('board', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('points', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('points_totals_pk', ['workspace_id', 'board', 'period', 'member_id'])
    .$call(withoutRowid)
    .execute();
  await db.schema.createIndex('points_totals_rank').on('points_totals').columns(['workspace_id', 'board', 'period', 'points', 'member_id']).execute();
  // How many members hold each total: a dense rank is 1 + the number of distinct totals above one's own.
  await db.schema
    .createTable('points_values')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('board', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('points', bigint, (c) => c.notNull())
    .addColumn('members', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('points_values_pk', ['workspace_id', 'board', 'period', 'points'])
    .$call(withoutRowid)
    .execute();
}
