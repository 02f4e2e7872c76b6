/** Which rule a reversal entry compensates, so a member's history can say what was taken back. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('points_ledger').addColumn('reverses', 'text').execute();
}
