/**
 * Opens the row store (SQLite by default, PostgreSQL in cluster mode) as one Kysely instance and migrates it.
 * SQLite runs in WAL mode with synchronous=FULL so that a committed ingest transaction survives a crash or a kill.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { RowDialect } from './dialect.ts';
import { migrate } from './migrate.ts';
import { withStatementCache } from './statement-cache.ts';
import { openBoardFile, type BoardStore } from './board-store.ts';

export interface RowStore {
  db: Kysely<Database>;
  dialect: RowDialect;
  /** SQLite: the database file, for worker threads that open their own connection (absent in memory and on PostgreSQL). */
  sqliteFile?: string;
  /** Where leaderboard totals live: this store, or beside an embedded store's file a companion file (board-store.ts). */
  boards: BoardStore;
  close(): Promise<void>;
}

export interface RowStoreOptions {
  dialect: RowDialect;
  /** SQLite: the database file (':memory:' for tests). */
  file?: string;
  /** PostgreSQL: the connection string. */
  url?: string;
  readonly?: boolean;
}

export async function openRowStore(opts: RowStoreOptions): Promise<RowStore> {
  if (opts.dialect === 'postgres') {
    if (!opts.url) throw new Error('SHEYUN_DATABASE_URL is required when SHEYUN_ROW_STORE=postgres');
    // bigint columns hold microsecond timestamps and counters, all below 2^53: read them as numbers.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.url, max: 8 });
    // An idle client whose server connection drops (restart, failover) emits 'error' on the pool; unhandled, that
    // would end the process. The pool replaces the client on the next query.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db, 'postgres');
    return { db, dialect: 'postgres', boards: { db, dialect: 'postgres' }, close: () => db.destroy() };
  }
  const file = opts.file ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // 512 MiB of page cache plus reads through mmap: index pages of a 10 M-event log are touched at random; a larger
  // WAL between checkpoints writes each hot index page back once instead of many times (+20 % ingest at 500 k events).
  sqlite.pragma('cache_size = -524288');
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('mmap_size = 4294967296');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, 1000) }) });
  await migrate(db, 'sqlite');
  if (file === ':memory:') return { db, dialect: 'sqlite', boards: { db, dialect: 'sqlite' }, close: () => db.destroy() };
  const boards = await openBoardFile(file).catch(async (err: unknown) => {
    await db.destroy();
    throw err;
  });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: file,
    boards,
    close: async () => {
      await boards.close();
      await db.destroy();
    },
  };
}
