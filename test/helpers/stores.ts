/** Fresh real stores for tests: a SQLite file in a temp folder (or PostgreSQL when SHEYUN_TEST_PG_URL is set). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock, type Clock } from '../../src/core/index.ts';
import { ingestMessages, type IngestOutcome } from '../../src/ingest/index.ts';
import { openRowStore, workspaceStore, type RowStore } from '../../src/store/index.ts';
import { freshDatabase } from './postgres.ts';

export function tempDir(prefix = 'sheyun-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestRowStore {
  store: RowStore;
  workspaceId: number;
  dir: string;
  ingest(messages: unknown[], platform?: string): Promise<IngestOutcome>;
  close(): Promise<void>;
}

/** A fresh row store: SQLite by default, or a new PostgreSQL database on `postgresUrl`. */
export async function openTestRowStore(opts: { clock?: Clock; workspace?: string; postgresUrl?: string } = {}): Promise<TestRowStore> {
  const dir = tempDir();
  const pgdb = opts.postgresUrl ? await freshDatabase(opts.postgresUrl) : undefined;
  const store = pgdb ? await openRowStore({ dialect: 'postgres', url: pgdb.url }) : await openRowStore({ dialect: 'sqlite', file: path.join(dir, 'rows.sqlite') });
  const ws = await workspaceStore(store.db, () => Date.now() * 1000).ensure(opts.workspace ?? 'test', 'Asia/Shanghai');
  const clock = opts.clock ?? systemClock;
  return {
    store,
    workspaceId: ws.id,
    dir,
    ingest: (messages, platform = 'app') =>
      ingestMessages({ store, clock, futureToleranceHours: 24 }, { workspaceId: ws.id, defaultPlatform: platform }, messages),
    async close() {
      await store.close();
      await pgdb?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
