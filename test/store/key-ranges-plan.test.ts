/**
 * `workspaceOfRange`: a workspace's rows after an id, read as a range of the table's integer key (the columnizer's
 * rebuild after an identity replay, the identity replay itself, paging segment membership changes). With a plain
 * `workspace_id = ?` SQLite, without statistics, read every row of the workspace through another index and sorted.
 */
import { describe, expect, it } from 'vitest';
import { workspaceOfRange } from '../../src/store/index.ts';
import { queryPlan, scratchStore } from '../helpers/plan.ts';

const store = scratchStore('sheyun-key-ranges-plan-');

describe('reading a workspace after an id', () => {
  it('walks the event log by sequence number', async () => {
    const db = store().rows.db;
    const plain = await queryPlan(store(), db.selectFrom('events').select(['seq', 'member_id']).where('workspace_id', '=', 1).where('seq', '>', 5).orderBy('seq').limit(1000));
    expect(plain).toMatch(/TEMP B-TREE FOR ORDER BY/); // the plan this helper exists to avoid
    const ranged = await queryPlan(store(), db.selectFrom('events').select(['seq', 'member_id']).where(workspaceOfRange, '=', 1).where('seq', '>', 5).orderBy('seq').limit(1000));
    expect(ranged).toMatch(/SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(ranged).not.toMatch(/TEMP B-TREE|INDEX events_/);
  });

  it('pages membership changes by id', async () => {
    const db = store().rows.db;
    const ranged = await queryPlan(store(), db.selectFrom('membership_changes').selectAll().where(workspaceOfRange, '=', 1).where('id', '>', 5).orderBy('id').limit(101));
    expect(ranged).toMatch(/SEARCH membership_changes USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(ranged).not.toMatch(/TEMP B-TREE/);
    // One run's changes: its index, already in id order.
    const run = await queryPlan(store(), db.selectFrom('membership_changes').selectAll().where('workspace_id', '=', 1).where('run_id', '=', 3).where('id', '>', 5).orderBy('id').limit(101));
    expect(run).toMatch(/INDEX membership_changes_run/);
    expect(run).not.toMatch(/TEMP B-TREE/);
  });
});
