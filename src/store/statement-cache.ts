import type SQLite from 'better-sqlite3';

/**
 * Kysely prepares every query anew; for the ingest path's large multi-row statements preparing costs as much as
 * running. Statements are cached by SQL text (bounded, least recently used first out).
 */
export function withStatementCache(db: SQLite.Database, max: number): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (sql: string): SQLite.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
    } else {
      stmt = db.prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  return new Proxy(db, { get: (target, prop, receiver) => (prop === 'prepare' ? prepare : Reflect.get(target, prop, receiver)) });
}
