/**
 * Multi-row statements for the ingest hot path, compiled once per (dialect, shape, row count) and run through
 * Kysely's connection as raw compiled queries: the query builder costs more than SQLite itself for 500-row inserts.
 * Only fixed table and column names reach the SQL text; every value is a bound parameter.
 */
import { CompiledQuery } from 'kysely';
import type { RowDialect } from './dialect.ts';
import type { Tx } from './transaction.ts';

const cache = new Map<string, string>();

function placeholders(dialect: RowDialect, rows: number, cols: number, casts?: readonly (string | undefined)[]): string {
  const out: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) {
      n++;
      const p = dialect === 'postgres' ? `$${n}` : '?';
      const cast = casts?.[c];
      row.push(cast && dialect === 'postgres' ? `${p}::${cast}` : p);
    }
    out.push(`(${row.join(',')})`);
  }
  return out.join(',');
}

export interface BulkStatement {
  /** Cache key of the statement's shape. */
  name: string;
  table: string;
  columns: readonly string[];
  /** PostgreSQL casts per column (parameters are untyped there). */
  casts?: readonly (string | undefined)[];
  /** Text after VALUES, e.g. an ON CONFLICT clause. */
  suffix?: string;
}

/** Inserts `rows` (arrays in column order) in chunks of at most `chunk` rows. */
export async function bulkInsert(trx: Tx, dialect: RowDialect, st: BulkStatement, rows: readonly unknown[][], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const key = `${dialect}|${st.name}|${part.length}`;
    let sql = cache.get(key);
    if (!sql) {
      sql = `INSERT INTO ${st.table} (${st.columns.join(', ')}) VALUES ${placeholders(dialect, part.length, st.columns.length, st.casts)}${st.suffix ? ' ' + st.suffix : ''}`;
      if (cache.size > 2000) cache.clear();
      cache.set(key, sql);
    }
    await trx.executeQuery(CompiledQuery.raw(sql, part.flat()));
  }
}

/**
 * The same for rows already laid out as one flat parameter list (`rows` × columns values): large writes build
 * their statements' parameters directly instead of a million row arrays to flatten.
 */
export async function bulkInsertFlat(trx: Tx, dialect: RowDialect, st: BulkStatement, params: readonly unknown[], rows: number): Promise<void> {
  if (rows === 0) return;
  const key = `${dialect}|${st.name}|${rows}`;
  let sql = cache.get(key);
  if (!sql) {
    sql = `INSERT INTO ${st.table} (${st.columns.join(', ')}) VALUES ${placeholders(dialect, rows, st.columns.length, st.casts)}${st.suffix ? ' ' + st.suffix : ''}`;
    if (cache.size > 2000) cache.clear();
    cache.set(key, sql);
  }
  await trx.executeQuery(CompiledQuery.raw(sql, params as unknown[]));
}

/** `n` placeholders starting after `offset` bound parameters: `?, ?, …` or `$3, $4, …`. */
export function placeholderList(dialect: RowDialect, n: number, offset = 0): string {
  return Array.from({ length: n }, (_, i) => (dialect === 'postgres' ? `$${offset + i + 1}` : '?')).join(', ');
}

/** Runs SQL whose text depends only on `key` (built once), with bound parameters. */
export async function cachedQuery<R>(trx: Tx, key: string, build: () => string, params: readonly unknown[]): Promise<R[]> {
  let sql = cache.get(key);
  if (!sql) {
    sql = build();
    if (cache.size > 2000) cache.clear();
    cache.set(key, sql);
  }
  return (await trx.executeQuery<R>(CompiledQuery.raw(sql, [...params]))).rows as R[];
}
