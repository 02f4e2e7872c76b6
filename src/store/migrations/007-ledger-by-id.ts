/**
 * Leaderboards follow the points ledger by id from a watermark, per workspace. Without this index SQLite answered
 * "entries of this workspace after id N" from the member index, reading every entry of the workspace and sorting them:
 * each catch-up, and the once-a-second check for new entries, grew with the ledger. Ids only grow, so the index is
 * appended to at its end.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('points_ledger_ws_id').on('points_ledger').columns(['workspace_id', 'id']).execute();
}
