/**
 * The board store: where leaderboard totals live. On PostgreSQL, and on an in-memory SQLite store, it is the row store
 * itself. On an embedded store in a file it is a companion SQLite file beside it (`rows.sqlite` → `rows.boards.sqlite`).
 *
 * Why a second file: the totals are derived from the ledger and rewritten in large batches (each ledger entry moves
 * its member on up to eight boards and periods). In the row store those writes took the one write lock that ingest
 * needs and filled its write-ahead log: a quarter of the ingest thread's time with an incentive preset active. In a
 * file of their own they are written by a worker thread without blocking ingest, and without an fsync per commit
 * (synchronous=NORMAL): a transaction lost to a power cut is only a watermark that goes back, and the next catch-up
 * applies those ledger entries again, so the totals never disagree with their watermark.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { RowDialect } from './dialect.ts';
import { migrate, type Migration } from './migrate.ts';
import * as b001 from './migrations/boards-001-leaderboards.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export interface BoardStore {
  db: Kysely<Database>;
  dialect: RowDialect;
  /** The companion file (absent when the board store is the row store). */
  sqliteFile?: string;
}

/** Append only, as the row store's. */
const BOARD_MIGRATIONS: readonly Migration[] = [{ name: 'boards-001-leaderboards', up: b001.up }];

export function boardFileOf(rowsFile: string): string {
  return rowsFile.replace(/(\.sqlite)?$/, '.boards.sqlite');
}

/** Opens (and migrates) the companion file of the row store in `rowsFile`. */
export async function openBoardFile(rowsFile: string): Promise<BoardStore & { close(): Promise<void> }> {
  const file = boardFileOf(rowsFile);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 20000');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, 200) }) });
  await migrate(db, 'sqlite', BOARD_MIGRATIONS);
  return { db, dialect: 'sqlite', sqliteFile: file, close: () => db.destroy() };
}
