/**
 * The column store (DuckDB, embedded): the full event history for analytics. Written only by the columnizer;
 * read by analytic queries, each of which must filter by workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export interface ColumnStore {
  readonly connection: DuckDBConnection;
  /** Runs a statement; parameters are positional ($1, $2, …). */
  run(sql: string, params?: DuckDBValue[]): Promise<void>;
  /** Runs a query and returns plain JS rows (BIGINT → bigint, TIMESTAMP → Date, …). */
  query<T extends Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>;
  close(): Promise<void>;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS events (
     seq BIGINT NOT NULL,
     workspace_id INTEGER NOT NULL,
     event_id VARCHAR NOT NULL,
     type VARCHAR NOT NULL,
     name VARCHAR NOT NULL,
     ts TIMESTAMP NOT NULL,
     received_at TIMESTAMP NOT NULL,
     platform VARCHAR NOT NULL,
     member_id BIGINT,
     identity_id BIGINT,
     target_member_id BIGINT,
     target_identity_id BIGINT,
     properties JSON NOT NULL
   )`,
  // Rows appended by the columnizer before they are moved into `events` in one transaction with the watermark.
  `CREATE TABLE IF NOT EXISTS events_staging AS SELECT * FROM events WITH NO DATA`,
  `CREATE TABLE IF NOT EXISTS sheyun_state (name VARCHAR PRIMARY KEY, value BIGINT NOT NULL)`,
];

/** Opens (creating if needed) the DuckDB file; ':memory:' for tests. Only one process may hold the file. */
export async function openColumnStore(file: string): Promise<ColumnStore> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  for (const stmt of SCHEMA) await connection.run(stmt);
  return {
    connection,
    async run(sql, params) {
      await connection.run(sql, params);
    },
    async query<T extends Record<string, unknown>>(sql: string, params?: DuckDBValue[]) {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as T[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Whether another process holds the DuckDB file (DuckDB allows one writer process). */
export function isColumnStoreLockError(err: unknown): boolean {
  return err instanceof Error && /lock|Conflicting lock/i.test(err.message);
}
