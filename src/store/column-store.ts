/**
 * The column store (DuckDB, embedded): the full event history for analytics. Written only by the columnizer;
 * read by analytic queries, each of which must filter by workspace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export interface ColumnStore {
  /** The columnizer's connection: its transactions must not interleave with analytic reads. */
  readonly writer: DuckDBConnection;
  /** Runs a statement on the writer connection; parameters are positional ($1, $2, …). */
  run(sql: string, params?: DuckDBValue[]): Promise<void>;
  /** Reads on the writer connection (inside its transactions). */
  queryWriter<T extends Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>;
  /** Analytic reads, on their own connection: plain JS rows (BIGINT → bigint, TIMESTAMP → Date, …). */
  query<T extends Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>;
  /** Analytic reads of many rows, column by column (a million rows as objects cost seconds; as columns, far less). */
  queryColumns(sql: string, params?: DuckDBValue[]): Promise<Record<string, unknown[]>>;
  /** A query whose columns are all DOUBLE, as typed arrays (NULL → NaN): no per-value JavaScript objects at all. */
  queryDoubles(sql: string, params?: DuckDBValue[]): Promise<Record<string, Float64Array>>;
  /**
   * Replaces the writer connection's temporary table `name` with DOUBLE columns filled from typed arrays of one
   * length (NaN stays NaN: map it to NULL in the statement that reads the table). The inverse of `queryDoubles`:
   * whole vectors are copied, with no per-value JavaScript work, so a million rows take a fraction of a second.
   * Call it inside `exclusive`.
   */
  loadDoubles(name: string, columns: Record<string, Float64Array>): Promise<void>;
  /**
   * Runs `fn` alone on the writer connection: the columnizer and the scoring job both open transactions there, and
   * two async callers would otherwise interleave their statements inside one transaction.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** A folder for files DuckDB loads (CSV): next to the database file, or the system's temp folder in memory. */
  readonly tempDir: string;
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
  // A copy of members' traits, refreshed for the members whose traits changed since the last scoring run.
  `CREATE TABLE IF NOT EXISTS member_traits (workspace_id INTEGER NOT NULL, member_id BIGINT NOT NULL, traits JSON NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sheyun_state (name VARCHAR PRIMARY KEY, value BIGINT NOT NULL)`,
  // The member dimension: one row per member with the latest scores and tiers, rewritten by the scoring job, so
  // analytics and segments can ask "by tier / by score" in one join. Scores a member has none of are NULL.
  `CREATE TABLE IF NOT EXISTS member_scores (
     workspace_id INTEGER NOT NULL,
     member_id BIGINT NOT NULL,
     computed_at TIMESTAMP NOT NULL,
     traits JSON NOT NULL,
     recency_days DOUBLE,
     frequency BIGINT,
     monetary BIGINT,
     r_score TINYINT,
     f_score TINYINT,
     m_score TINYINT,
     rfm_code VARCHAR,
     rfm_segment VARCHAR,
     p_alive DOUBLE,
     expected_purchases DOUBLE,
     clv DOUBLE,
     relationship_density DOUBLE,
     value_density DOUBLE,
     potential_density DOUBLE,
     lifecycle_tier VARCHAR,
     communication_tier VARCHAR
   )`,
];

/** Opens (creating if needed) the DuckDB file; ':memory:' for tests. Only one process may hold the file. */
export async function openColumnStore(file: string): Promise<ColumnStore> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const writer = await instance.connect();
  const reader = await instance.connect();
  for (const stmt of SCHEMA) await writer.run(stmt);
  const read = async <T>(conn: DuckDBConnection, sql: string, params?: DuckDBValue[]) =>
    (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
  let tail: Promise<unknown> = Promise.resolve();
  const tempDir = file === ':memory:' ? os.tmpdir() : path.join(path.dirname(file), 'tmp');
  fs.mkdirSync(tempDir, { recursive: true });
  return {
    writer,
    tempDir,
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const run = tail.then(fn, fn);
      tail = run.catch(() => undefined);
      return run;
    },
    async run(sql, params) {
      await writer.run(sql, params);
    },
    queryWriter: (sql, params) => read(writer, sql, params),
    async loadDoubles(name, columns) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid temporary table name ${name}`);
      const names = Object.keys(columns);
      const arrays = Object.values(columns);
      const n = arrays[0]?.length ?? 0;
      if (arrays.some((a) => a.length !== n)) throw new Error('loadDoubles: columns of different lengths');
      await writer.run(`CREATE OR REPLACE TEMP TABLE ${name} (${names.map((c) => `"${c}" DOUBLE`).join(', ')})`);
      const appender = await writer.createAppender(name, 'main', 'temp');
      try {
        const chunk = DuckDBDataChunk.create(names.map(() => DOUBLE));
        const size = 2048; // DuckDB's vector size: a chunk holds at most this many rows
        for (let from = 0; from < n; from += size) {
          const to = Math.min(n, from + size);
          chunk.rowCount = to - from;
          for (let c = 0; c < arrays.length; c++) {
            const vector = chunk.getColumnVector(c) as unknown as { items: Float64Array; flush(): void };
            vector.items.set(arrays[c]!.subarray(from, to));
            vector.flush();
          }
          appender.appendDataChunk(chunk);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    query: (sql, params) => read(reader, sql, params),
    queryColumns: async (sql, params) => (await reader.runAndReadAll(sql, params)).getColumnsObjectJS() as Record<string, unknown[]>,
    async queryDoubles(sql, params) {
      const result = await reader.run(sql, params);
      const names = result.columnNames();
      const out = names.map(() => new Float64Array(result.rowCount));
      let offset = 0;
      for (let c = 0; c < result.chunkCount; c++) {
        const chunk = result.getChunk(c);
        for (let col = 0; col < names.length; col++) {
          const vector = chunk.getColumnVector(col);
          const target = out[col]!;
          // A DOUBLE vector without NULLs is a Float64Array: copy it whole (a million getItem calls per column, each
          // testing a validity bit with BigInt arithmetic, cost more than the query). Otherwise go item by item.
          const raw = vector as unknown as { items?: unknown; validity?: { data?: unknown } };
          if (raw.items instanceof Float64Array && raw.items.length >= chunk.rowCount && raw.validity?.data === null) {
            target.set(raw.items.subarray(0, chunk.rowCount), offset); // no NULL in this chunk's column
          } else {
            for (let i = 0; i < chunk.rowCount; i++) target[offset + i] = (vector.getItem(i) as number | null) ?? NaN;
          }
        }
        offset += chunk.rowCount;
      }
      return Object.fromEntries(names.map((n, i) => [n, out[i]!]));
    },
    async close() {
      reader.closeSync();
      writer.closeSync();
      instance.closeSync();
    },
  };
}

/** Whether another process holds the DuckDB file (DuckDB allows one writer process). */
export function isColumnStoreLockError(err: unknown): boolean {
  return err instanceof Error && /lock|Conflicting lock/i.test(err.message);
}
