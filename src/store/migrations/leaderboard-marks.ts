/** The `leaderboard_marks` table, created by the row store's migration 008 and by the board store's first migration. */
import type { Kysely } from 'kysely';

export async function createLeaderboardMarks(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leaderboard_marks')
    .addColumn('workspace_id', 'bigint', (c) => c.primaryKey())
    .addColumn('generation', 'text', (c) => c.notNull())
    .addColumn('watermark', 'bigint', (c) => c.notNull())
    .execute();
}
