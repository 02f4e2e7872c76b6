/**
 * Leaderboards follow the ledger from a watermark every second. The read of "entries after the watermark" must be a
 * range on an index, whatever the store's statistics: without one SQLite read every entry of the workspace and sorted
 * them, so an idle server's check grew with the ledger.
 */
import { describe, expect, it } from 'vitest';
import { ledgerAfter } from '../../src/gamification/runtime/leaderboards.ts';
import { queryPlan, scratchStore } from '../helpers/plan.ts';

const store = scratchStore('sheyun-leaderboard-plan-');

describe('the leaderboard watermark read', () => {
  it('is a range of the (workspace, id) index, for a page and for the check for new entries', async () => {
    for (const limit of [20_000, 1]) {
      const plan = await queryPlan(store(), ledgerAfter(store().rows.db, 1, 12_345, limit));
      expect(plan).toMatch(/SEARCH points_ledger USING (COVERING )?INDEX points_ledger_ws_id \(workspace_id=\? AND id>\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE|SCAN points_ledger/);
    }
  });
});
