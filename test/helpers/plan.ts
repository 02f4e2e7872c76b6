/** Query plans: tests that a hot query reads a range of an index, whatever statistics the store has. */
import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from './server.ts';
import { tempDir } from './stores.ts';

/** A fresh embedded store for the file's tests (opened before, removed after); call at the top of the file. */
export function scratchStore(prefix: string): () => Sheyun {
  const dir = tempDir(prefix);
  let s: Sheyun | undefined;
  beforeAll(async () => {
    s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none' });
  });
  afterAll(async () => {
    await s?.close();
    removeDir(dir);
  });
  return () => s!;
}

/** SQLite's `EXPLAIN QUERY PLAN` of a query, its steps joined by ' | '. */
export async function queryPlan(s: Sheyun, query: Compilable): Promise<string> {
  const q = query.compile();
  const plan = await s.rows.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
  return plan.rows.map((r) => r.detail).join(' | ');
}
