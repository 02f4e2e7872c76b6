/**
 * One write transaction on the row store. SQLite: BEGIN IMMEDIATE on the single connection, so that a second
 * process (a CLI import beside the server) waits on the lock instead of failing on a read→write upgrade.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RowStore } from './row-store.ts';
import type { Database } from './schema.ts';

export type Tx = Kysely<Database> | Transaction<Database>;

export async function withWriteTransaction<T>(store: Pick<RowStore, 'db' | 'dialect'>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(fn);
  return store.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** Reserves `n` consecutive ids in a table inside a write transaction (SQLite: after max(id); PostgreSQL: its sequence). */
export async function allocateIds(trx: Tx, dialect: RowStore['dialect'], table: 'members' | 'identities', n: number): Promise<number[]> {
  if (n === 0) return [];
  if (dialect === 'sqlite') {
    const r = await sql<{ m: number | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(trx);
    const start = (r.rows[0]?.m ?? 0) + 1;
    return Array.from({ length: n }, (_, i) => start + i);
  }
  const r = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::bigint AS id FROM generate_series(1, ${n})`.execute(trx);
  return r.rows.map((x) => Number(x.id));
}
