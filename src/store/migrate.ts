/** Runs row-store migrations in order, recording each in `sheyun_migrations`, inside one transaction each. */
import { sql, type Kysely } from 'kysely';
import type { RowDialect } from './dialect.ts';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-scoring.ts';
import * as m003 from './migrations/003-traits-version.ts';
import * as m004 from './migrations/004-gamification.ts';
import * as m005 from './migrations/005-ledger-reverses.ts';
import * as m006 from './migrations/006-gamification-batches.ts';
import * as m007 from './migrations/007-ledger-by-id.ts';
import * as m008 from './migrations/008-leaderboard-marks.ts';

export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: RowDialect): Promise<void>;
}

/** Append only: never edit a migration that has shipped; add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  { name: '001-foundation', up: m001.up },
  { name: '002-scoring', up: m002.up },
  { name: '003-traits-version', up: m003.up },
  { name: '004-gamification', up: m004.up },
  { name: '005-ledger-reverses', up: m005.up },
  { name: '006-gamification-batches', up: m006.up },
  { name: '007-ledger-by-id', up: m007.up },
  { name: '008-leaderboard-marks', up: m008.up },
];

export async function migrate(db: Kysely<any>, dialect: RowDialect, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS sheyun_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)`.execute(db);
  const done = new Set(
    (await sql<{ name: string }>`SELECT name FROM sheyun_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx, dialect);
      await sql`INSERT INTO sheyun_migrations (name, applied_at) VALUES (${m.name}, ${Date.now() * 1000})`.execute(trx);
    });
    applied.push(m.name);
  }
  return applied;
}
