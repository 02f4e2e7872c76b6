/**
 * The ceiling the row store puts on ingest: the event rows an import stored, appended again by better-sqlite3 alone
 * (no parsing, validation or identity work) into a fresh store with the production schema and pragmas, in
 * transactions of the same sizes the pipeline uses. No pipeline can be faster than this on the same machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openRowStore } from '../src/store/index.ts';
import { tempDir } from './lib.ts';

const COLUMNS = 'workspace_id, event_id, type, name, ts, received_at, platform, member_id, identity_id, target_member_id, target_identity_id, properties, context, claims';
const ROWS_PER_STATEMENT = 500;

export interface CeilingFigure {
  indexes: 'all' | 'unique only';
  eventsPerTransaction: number;
  eventsPerSecond: number;
}

async function appendAll(rows: unknown[][], indexes: CeilingFigure['indexes'], perTx: number): Promise<CeilingFigure> {
  const dir = tempDir('sheyun-bench-ceiling-');
  const file = path.join(dir, 'rows.sqlite');
  const store = await openRowStore({ dialect: 'sqlite', file }); // the production schema, migrated
  await store.close();
  const db = new SQLite(file);
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'cache_size = -524288', 'wal_autocheckpoint = 10000', 'mmap_size = 4294967296']) db.pragma(p);
  if (indexes === 'unique only') db.exec('DROP INDEX events_member_ts; DROP INDEX events_target_ts');
  const one = `(${Array(14).fill('?').join(',')})`;
  const stmt = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES ${Array(ROWS_PER_STATEMENT).fill(one).join(',')}`);
  const usable = rows.length - (rows.length % ROWS_PER_STATEMENT);
  const t0 = performance.now();
  for (let i = 0; i < usable; i += perTx) {
    db.exec('BEGIN IMMEDIATE');
    for (let j = i; j < Math.min(i + perTx, usable); j += ROWS_PER_STATEMENT) stmt.run(rows.slice(j, j + ROWS_PER_STATEMENT).flat());
    db.exec('COMMIT');
  }
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { indexes, eventsPerTransaction: perTx, eventsPerSecond: Math.round(usable / seconds) };
}

export async function sqliteCeiling(storeFile: string): Promise<CeilingFigure[]> {
  const src = new SQLite(storeFile, { readonly: true });
  const rows = src.prepare(`SELECT ${COLUMNS} FROM events ORDER BY seq`).raw().all() as unknown[][];
  src.close();
  const out: CeilingFigure[] = [];
  for (const perTx of [2000, 10_000]) out.push(await appendAll(rows, 'all', perTx));
  out.push(await appendAll(rows, 'unique only', 10_000));
  return out;
}
