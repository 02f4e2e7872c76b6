/**
 * The ingest hook keeps engine state rows cached between batches. Two processes writing one store (a server and a
 * CLI import beside it) or this process's own replay must never leave it using a stale row: the state, ledger,
 * badges and levels after ingest through both must equal a replay of the log. The cache's own rules (a copy comes
 * back only with its latest stamp) are checked directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { checkLevels, presetConfig, replayGamification, saveConfig } from '../../src/gamification/index.ts';
import { StateCache } from '../../src/gamification/runtime/state-cache.ts';
import { loadState, saveState } from '../../src/gamification/runtime/state-store.ts';
import { withWriteTransaction } from '../../src/store/index.ts';
import { ingestMessages, type IngestMessageInput } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const END = '2026-11-01T00:00:00Z';
const dir = tempDir('sheyun-gamification-cache-');
let server: Sheyun;
let cli: Sheyun;
let ws: number;
let messages: IngestMessageInput[];

const open = () => openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none', clock: fixedClock(END) });

async function snapshot(s: Sheyun) {
  const db = s.rows.db;
  const ledger = await db.selectFrom('points_ledger').select(['key', 'member_id', 'rule_id', 'points', 'capped']).where('workspace_id', '=', ws).orderBy('key').execute();
  const awards = await db.selectFrom('badge_awards').select(['key', 'member_id', 'awarded_at']).where('workspace_id', '=', ws).orderBy('key').execute();
  const levels = await db.selectFrom('member_levels').select(['member_id', 'level', 'since']).where('workspace_id', '=', ws).orderBy('member_id').execute();
  const state = await db.selectFrom('gamification_state').select(['key', 'value']).where('workspace_id', '=', ws).orderBy('key').execute();
  return { ledger, awards, levels, state: state.map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown })) };
}

const ingest = async (s: Sheyun, from: number, to: number) => {
  for (let i = from; i < to; i += 200) await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, messages.slice(i, Math.min(to, i + 200)));
};

beforeAll(async () => {
  server = await open();
  ws = (await server.defaultWorkspace()).id;
  await saveConfig(server.rows, ws, presetConfig('creator-zh'), 'test', server.clock.nowMicros());
  messages = [];
  for (const batch of generateDemo({ members: 300, seed: 5, end: new Date(END) })) messages.push(...batch);
  const at = (m: IngestMessageInput) => Date.parse(String((m as { timestamp?: string }).timestamp));
  messages.sort((a, b) => at(a) - at(b));
  cli = await open();
}, 120_000);
afterAll(async () => {
  await cli?.close();
  await server?.close();
  removeDir(dir);
});

describe('the ingest hook state cache', () => {
  it('sees what another process wrote: ingest through both processes equals a replay of the log', async () => {
    const n = messages.length;
    await ingest(server, 0, Math.floor(n / 4));
    await ingest(cli, Math.floor(n / 4), Math.floor(n / 2)); // the same members, through another connection
    await ingest(server, Math.floor(n / 2), n);
    await checkLevels(server.rows, ws, server.clock.nowMicros());
    const incremental = await snapshot(server);
    expect(incremental.ledger.length).toBeGreaterThan(500);
    await replayGamification(server.rows, ws, server.clock.nowMicros());
    const replayed = await snapshot(server);
    expect(replayed.ledger).toEqual(incremental.ledger);
    expect(replayed.awards).toEqual(incremental.awards);
    expect(replayed.levels).toEqual(incremental.levels);
    expect(replayed.state).toEqual(incremental.state);
  });

  it('starts again after a write outside the hook in this process (replay, the level check)', async () => {
    const cache = new StateCache(ws);
    await withWriteTransaction(server.rows, async (trx) => {
      await cache.validate(trx);
      cache.putBack('m:1', { text: '{}', value: {}, stamp: cache.mark('m:1') });
      await cache.validate(trx);
      expect(cache.size).toBe(1); // nothing happened in between
      const state = await loadState(trx, 'sqlite', ws, ['points:m:1']);
      await saveState(trx, 'sqlite', ws, state, ['points:m:1']); // as replay and the level check write
      await cache.validate(trx);
      expect(cache.size).toBe(0);
    });
  });

  it('takes a row back only with the stamp of its latest load or write', () => {
    const cache = new StateCache(1);
    const first = cache.mark('m:1');
    cache.putBack('m:1', { text: '{"a":1}', value: { a: 1 }, stamp: first });
    const hit = cache.take('m:1');
    expect(hit?.text).toBe('{"a":1}');
    expect(cache.take('m:1')).toBeUndefined(); // taken out while a batch works on it
    // Two batches of one group commit: the later one's copy wins whichever callback runs first.
    const older = cache.mark('m:1');
    const newer = cache.mark('m:1');
    cache.putBack('m:1', { text: 'new', value: {}, stamp: newer });
    cache.putBack('m:1', { text: 'old', value: {}, stamp: older });
    expect(cache.take('m:1')?.text).toBe('new');
    // A rolled-back batch never puts back; a copy stamped before the rollback's load stays out.
    const beforeRollback = cache.mark('m:2');
    cache.mark('m:2');
    cache.putBack('m:2', { text: 'stale', value: {}, stamp: beforeRollback });
    expect(cache.take('m:2')).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the least recently used rows', () => {
    const cache = new StateCache(1, 3);
    for (const row of ['m:1', 'm:2', 'm:3', 'm:4']) cache.putBack(row, { text: row, value: {}, stamp: cache.mark(row) });
    expect(cache.size).toBe(3);
    expect(cache.take('m:1')).toBeUndefined();
    expect(cache.take('m:4')?.text).toBe('m:4');
  });
});
