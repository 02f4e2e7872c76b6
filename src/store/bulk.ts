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

/**
 * Row counts per statement: whole chunks, then the remainder in powers of two (437 = 256 + 128 + 32 + 16 + 4 + 1).
 * Each distinct count is a statement SQLite must prepare, and a batch's count is arbitrary: with every count from 1 to
 * 500 per table the prepared-statement cache thrashed and preparing cost a third of a millisecond per statement.
 */
export function statementSizes(rows: number, chunk: number): number[] {
  const out: number[] = [];
  let left = rows;
  while (left >= chunk) {
    out.push(chunk);
    left -= chunk;
  }
  for (let size = 1 << 30; size >= 1; size >>>= 1) if (left >= size && size < chunk) {
    out.push(size);
    left -= size;
  }
  return out;
}

function insertSql(dialect: RowDialect, st: BulkStatement, rows: number): string {
  const key = `${dialect}|${st.name}|${rows}`;
  let sql = cache.get(key);
  if (!sql) {
    sql = `INSERT INTO ${st.table} (${st.columns.join(', ')}) VALUES ${placeholders(dialect, rows, st.columns.length, st.casts)}${st.suffix ? ' ' + st.suffix : ''}`;
    if (cache.size > 2000) cache.clear();
    cache.set(key, sql);
  }
  return sql;
}

/** Inserts `rows` (arrays in column order), at most `chunk` rows a statement. */
export async function bulkInsert(trx: Tx, dialect: RowDialect, st: BulkStatement, rows: readonly unknown[][], chunk = 500): Promise<void> {
  let from = 0;
  for (const size of statementSizes(rows.length, chunk)) {
    const params: unknown[] = [];
    for (let i = from; i < from + size; i++) for (const v of rows[i]!) params.push(v);
    await trx.executeQuery(CompiledQuery.raw(insertSql(dialect, st, size), params));
    from += size;
  }
}

/**
 * The same for rows already laid out as one flat parameter list (`rows` × columns values): large writes build
 * their statements' parameters directly instead of a million row arrays to flatten.
 */
export async function bulkInsertFlat(trx: Tx, dialect: RowDialect, st: BulkStatement, params: readonly unknown[], rows: number, chunk = 500): Promise<void> {
  const cols = st.columns.length;
  let from = 0;
  for (const size of statementSizes(rows, chunk)) {
    const part = size === rows ? params : params.slice(from * cols, (from + size) * cols);
    await trx.executeQuery(CompiledQuery.raw(insertSql(dialect, st, size), part as unknown[]));
    from += size;
  }
}

/**
 * A list for `IN (…)` padded to a power of two by repeating its last value (which changes nothing about what `IN`
 * matches), so that lists of any length share a few statements (see statementSizes).
 */
export function paddedInList<T>(values: readonly T[]): T[] {
  const out = values.slice();
  if (out.length === 0) return out;
  let size = 1;
  while (size < out.length) size *= 2;
  while (out.length < size) out.push(out[out.length - 1]!);
  return out;
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
