/**
 * The board store's tables (a companion SQLite file of an embedded row store, board-store.ts): the same leaderboard
 * totals as the row store's migration 004 (per board, period and member, plus how many members hold each total) and
 * the marks of migration 008.
 */
import { sql, type Kysely } from 'kysely';
import { createLeaderboardMarks } from './leaderboard-marks.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('points_totals')
    .addColumn('workspace_id', 'bigint', (c) => c.notNull())
    .addColumn('board', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('points', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_totals_pk', ['workspace_id', 'board', 'period', 'member_id'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema.createIndex('points_totals_rank').on('points_totals').columns(['workspace_id', 'board', 'period', 'points', 'member_id']).execute();
  await db.schema
    .createTable('points_values')
    .addColumn('workspace_id', 'bigint', (c) => c.notNull())
    .addColumn('board', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('points', 'bigint', (c) => c.notNull())
    .addColumn('members', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_values_pk', ['workspace_id', 'board', 'period', 'points'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await createLeaderboardMarks(db);
}
