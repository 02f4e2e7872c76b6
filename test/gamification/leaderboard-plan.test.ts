/**
 * Leaderboards follow the ledger from a watermark every second. The read of "entries after the watermark" must be a
 * range on an index, whatever the store's statistics: without one SQLite read every entry of the workspace and sorted
 * them, so an idle server's check grew with the ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { ledgerAfter } from '../../src/gamification/runtime/leaderboards.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const dir = tempDir('sheyun-leaderboard-plan-');
let s: Sheyun;

beforeAll(async () => {
  s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none' });
});
afterAll(async () => {
  await s?.close();
  removeDir(dir);
});

describe('the leaderboard watermark read', () => {
  it('is a range of the (workspace, id) index, for a page and for the check for new entries', async () => {
    for (const limit of [20_000, 1]) {
      const q = ledgerAfter(s.rows.db, 1, 12_345, limit).compile();
      const plan = await s.rows.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
      const details = plan.rows.map((r) => r.detail).join(' | ');
      expect(details).toMatch(/SEARCH points_ledger USING (COVERING )?INDEX points_ledger_ws_id \(workspace_id=\? AND id>\?\)/);
      expect(details).not.toMatch(/TEMP B-TREE|SCAN points_ledger/);
    }
  });
});
