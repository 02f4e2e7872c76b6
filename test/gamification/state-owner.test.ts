/**
 * On SQLite the ingest hook owns the engines' state in memory and writes it to its rows only at checkpoints; what
 * happened since is in the batch records. Whatever interrupts that — another process ingesting into the same store,
 * a restart without a checkpoint (a crash), a transaction that rolls back after the engines changed the memory,
 * checkpoints and evictions in the middle of the load — the ledger, badges, levels and state rows must equal a replay
 * of the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { checkLevels, presetConfig, replayGamification, saveConfig } from '../../src/gamification/index.ts';
import { EngineCache } from '../../src/gamification/index.ts';
import { readState, stateOwner } from '../../src/gamification/runtime/state-owner.ts';
import { loadState } from '../../src/gamification/runtime/state-store.ts';
import { ingestMessages, type IngestDeps, type IngestMessageInput } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const END = '2026-11-01T00:00:00Z';
const dirs: string[] = [];
const opened: Sheyun[] = [];
let messages: IngestMessageInput[];

const open = async (dir: string) => {
  const s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none', clock: fixedClock(END) });
  opened.push(s);
  return s;
};

async function fresh(): Promise<{ dir: string; s: Sheyun; ws: number }> {
  const dir = tempDir('sheyun-gamification-owner-');
  dirs.push(dir);
  const s = await open(dir);
  const ws = (await s.defaultWorkspace()).id;
  await saveConfig(s.rows, ws, presetConfig('creator-zh'), 'test', s.clock.nowMicros());
  return { dir, s, ws };
}

async function snapshot(s: Sheyun, ws: number) {
  const db = s.rows.db;
  const ledger = await db.selectFrom('points_ledger').select(['key', 'member_id', 'rule_id', 'points', 'capped']).where('workspace_id', '=', ws).orderBy('key').execute();
  const awards = await db.selectFrom('badge_awards').select(['key', 'member_id', 'awarded_at']).where('workspace_id', '=', ws).orderBy('key').execute();
  const levels = await db.selectFrom('member_levels').select(['member_id', 'level', 'since']).where('workspace_id', '=', ws).orderBy('member_id').execute();
  const state = await db.selectFrom('gamification_state').select(['key', 'value']).where('workspace_id', '=', ws).orderBy('key').execute();
  return { ledger, awards, levels, state: state.map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown })) };
}

/** The level check (which writes the hook's memory to the rows first), then the same through a replay. */
async function expectReplayEquals(s: Sheyun, ws: number) {
  await checkLevels(s.rows, ws, s.clock.nowMicros());
  const incremental = await snapshot(s, ws);
  expect(incremental.ledger.length).toBeGreaterThan(500);
  expect(incremental.state.length).toBeGreaterThan(300);
  await replayGamification(s.rows, ws, s.clock.nowMicros());
  const replayed = await snapshot(s, ws);
  expect(replayed.ledger).toEqual(incremental.ledger);
  expect(replayed.awards).toEqual(incremental.awards);
  expect(replayed.levels).toEqual(incremental.levels);
  expect(replayed.state).toEqual(incremental.state);
}

const ingest = async (deps: IngestDeps, ws: number, from: number, to: number) => {
  for (let i = from; i < to; i += 200) await ingestMessages(deps, { workspaceId: ws, defaultPlatform: 'app' }, messages.slice(i, Math.min(to, i + 200)));
};

const batchRecords = async (s: Sheyun, ws: number) => Number((await s.rows.db.selectFrom('gamification_batches').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow()).n);

beforeAll(() => {
  messages = [];
  for (const batch of generateDemo({ members: 300, seed: 5, end: new Date(END) })) messages.push(...batch);
  const at = (m: IngestMessageInput) => Date.parse(String((m as { timestamp?: string }).timestamp));
  messages.sort((a, b) => at(a) - at(b));
});
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => undefined);
  for (const d of dirs) removeDir(d);
});

describe('the ingest hook state owner', () => {
  it('sees what another process ingested into the same store: ingest through both equals a replay', async () => {
    const { dir, s: server, ws } = await fresh();
    const cli = await open(dir);
    const n = messages.length;
    await ingest(server.ingest, ws, 0, Math.floor(n / 4));
    await ingest(cli.ingest, ws, Math.floor(n / 4), Math.floor(n / 2)); // the same members, through another connection
    await ingest(server.ingest, ws, Math.floor(n / 2), n);
    await expectReplayEquals(server, ws);
  });

  it('rebuilds after a restart without a checkpoint (a crash) from the batch records', async () => {
    const { dir, s: first, ws } = await fresh();
    const n = messages.length;
    await ingest(first.ingest, ws, 0, Math.floor(n / 2));
    // Nothing was written to the state rows yet: the records hold every batch.
    expect(await batchRecords(first, ws)).toBeGreaterThan(3);
    expect(await first.rows.db.selectFrom('gamification_state').select('key').where('workspace_id', '=', ws).execute()).toHaveLength(0);
    // The first process is never closed (its memory is lost as in a crash); a new one carries on from the store.
    const second = await open(dir);
    await ingest(second.ingest, ws, Math.floor(n / 2), n);
    await expectReplayEquals(second, ws);
  });

  it('with checkpoints and evictions in the middle of the load', async () => {
    const { s, ws } = await fresh();
    stateOwner(s.rows, ws, { dirtyRows: 400, batches: 7, keptRows: 150 });
    await ingest(s.ingest, ws, 0, messages.length);
    const records = await batchRecords(s, ws);
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThan(7);
    await expectReplayEquals(s, ws);
  });

  it('between checkpoints, keeps every changed row however small its memory (only memory has them)', async () => {
    const { s, ws } = await fresh();
    stateOwner(s.rows, ws, { dirtyRows: 1e9, batches: 1e9, keptRows: 20 });
    await ingest(s.ingest, ws, 0, messages.length);
    expect(await batchRecords(s, ws)).toBeGreaterThan(10);
    await expectReplayEquals(s, ws);
  });

  it('starts again when a transaction rolls back after the engines changed the memory', async () => {
    const { s, ws } = await fresh();
    const n = messages.length;
    let failures = 0;
    // A later hook fails on some batches: their whole transaction (ledger, batch record) rolls back.
    const failing: IngestDeps = {
      ...s.ingest,
      hooks: [
        ...(s.ingest.hooks ?? []),
        async () => {
          if (++failures % 2 === 0) throw new Error('injected failure');
        },
      ],
    };
    let rejected = 0;
    for (let i = 0; i < n; i += 200) {
      const part = messages.slice(i, Math.min(n, i + 200));
      try {
        await ingestMessages(failing, { workspaceId: ws, defaultPlatform: 'app' }, part);
      } catch {
        rejected++;
        await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, part); // the client retries
      }
    }
    expect(rejected).toBeGreaterThan(5);
    await expectReplayEquals(s, ws);
  });

  it('writes its memory at close, and a reader sees the newest state before that', async () => {
    const { dir, s, ws } = await fresh();
    await ingest(s.ingest, ws, 0, messages.length);
    expect(await batchRecords(s, ws)).toBeGreaterThan(0);
    // Members whose level state the hook holds in memory only (the rows are not written yet).
    const members = (await s.rows.db.selectFrom('member_levels').select('member_id').where('workspace_id', '=', ws).orderBy('member_id').limit(20).execute()).map((r) => Number(r.member_id));
    const keys = members.flatMap((m) => [`points:m:${m}`, `lvl:creator-zh:m:${m}`]);
    const cache = new EngineCache();
    const before = await readState(s.rows, ws, keys, (trx) => cache.versions(trx, ws), s.clock.nowMicros());
    expect(await s.rows.db.selectFrom('gamification_state').select('key').where('workspace_id', '=', ws).execute()).toHaveLength(0);
    await s.close();
    const again = await open(dir);
    expect(await batchRecords(again, ws)).toBe(0);
    const after = await loadState(again.rows.db, 'sqlite', ws, keys);
    for (const k of keys) expect(before.get(k), k).toEqual(after.get(k));
    expect(keys.filter((k) => after.get(k) !== undefined).length).toBeGreaterThan(20);
    await expectReplayEquals(again, ws);
  });
});
