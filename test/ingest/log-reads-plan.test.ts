/**
 * The overview's count of events not yet in the column store reads the rows after the columnizer's watermark: that
 * must be a range of the log's sequence numbers, not a pass over all of the workspace's events (which SQLite chose
 * without statistics: seconds per call on a 10 M-event store).
 */
import { describe, expect, it } from 'vitest';
import { eventCountsAfter } from '../../src/ingest/log-reads.ts';
import { queryPlan, scratchStore } from '../helpers/plan.ts';

const store = scratchStore('sheyun-log-reads-plan-');

describe('events after the columnizer watermark', () => {
  it('are read as a range of sequence numbers', async () => {
    const plan = await queryPlan(store(), eventCountsAfter(store().rows.db, 1, 5_000_000, 900_000_000));
    expect(plan).toMatch(/SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan).not.toMatch(/INDEX events_/);
  });
});
