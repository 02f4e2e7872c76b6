/**
 * The overview's count of events not yet in the column store reads the rows after the columnizer's watermark: that
 * must be a range of the log's sequence numbers, not a pass over all of the workspace's events (which SQLite chose
 * without statistics: seconds per call on a 10 M-event store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { eventCountsAfter } from '../../src/ingest/log-reads.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const dir = tempDir('sheyun-log-reads-plan-');
let s: Sheyun;

beforeAll(async () => {
  s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none' });
});
afterAll(async () => {
  await s?.close();
  removeDir(dir);
});

describe('events after the columnizer watermark', () => {
  it('are read as a range of sequence numbers', async () => {
    const q = eventCountsAfter(s.rows.db, 1, 5_000_000, 900_000_000).compile();
    const plan = await s.rows.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
    const details = plan.rows.map((r) => r.detail).join(' | ');
    expect(details).toMatch(/SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(details).not.toMatch(/INDEX events_/);
  });
});
