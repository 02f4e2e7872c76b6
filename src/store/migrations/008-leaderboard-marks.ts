/**
 * Where the leaderboard totals stand, per workspace: the last ledger id they include and the ledger generation they
 * were built from (replay starts a new generation; its ledger ids may repeat the old ones). Until now the watermark
 * was a workspace setting and replay deleted the totals in its own transaction; on an embedded store the totals now
 * live in a companion file (board-store.ts) that replay cannot reach, so a mismatched generation clears them instead.
 * The totals kept so far are dropped here: the next catch-up rebuilds them from the ledger.
 */
import type { Kysely } from 'kysely';
import { createLeaderboardMarks } from './leaderboard-marks.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await createLeaderboardMarks(db);
  await db.deleteFrom('points_totals').execute();
  await db.deleteFrom('points_values').execute();
  await db.deleteFrom('workspace_settings').where('key', '=', 'gamification.leaderboard_watermark').execute();
}
