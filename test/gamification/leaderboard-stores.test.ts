/**
 * On an embedded store the leaderboard totals live in a companion file, kept by a worker thread in the server and by
 * whichever process reads them elsewhere. Whoever catches up — the thread, this process, another process, in any
 * order, across a replay — every board must equal the dense ranks of the ledger's sums computed by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { catchUpLeaderboards, leaderboardTop, periodKey, PERIOD_KINDS, presetConfig, replayGamification, saveConfig } from '../../src/gamification/index.ts';
import { ingestMessages, type IngestMessageInput } from '../../src/ingest/index.ts';
import { openSheyun, type OpenOptions, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const END = '2026-11-01T00:00:00Z';
const dirs: string[] = [];
const opened: Sheyun[] = [];
let messages: IngestMessageInput[];

const open = async (dir: string, opts: Partial<OpenOptions> = {}) => {
  const s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none', clock: fixedClock(END), ...opts });
  opened.push(s);
  return s;
};

const ingest = async (s: Sheyun, ws: number, from: number, to: number) => {
  for (let i = from; i < to; i += 250) await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, messages.slice(i, Math.min(to, i + 250)));
};

/** Every board and period of the ledger's last day, against sums of the ledger (identified members only). */
async function expectBoardsEqualLedger(s: Sheyun, ws: number) {
  const db = s.rows.db;
  const entries = await db.selectFrom('points_ledger').select(['member_id', 'category', 'day', 'points']).where('workspace_id', '=', ws).execute();
  expect(entries.length).toBeGreaterThan(500);
  const identified = new Set((await db.selectFrom('identities').select('member_id').distinct().where('workspace_id', '=', ws).where('kind', '=', 'user_id').execute()).map((r) => Number(r.member_id)));
  const lastDay = entries.map((e) => e.day).sort().at(-1)!;
  const categories = [...new Set(entries.map((e) => e.category).filter((c): c is string => c !== null))];
  for (const board of ['all', ...categories.map((c) => `category:${c}`)]) {
    for (const kind of PERIOD_KINDS) {
      const period = periodKey(kind, lastDay);
      const sums = new Map<number, number>();
      for (const e of entries) {
        const member = Number(e.member_id);
        if (!identified.has(member) || Number(e.points) === 0) continue;
        if (board !== 'all' && `category:${e.category}` !== board) continue;
        if (kind !== 'all' && periodKey(kind, e.day) !== period) continue;
        sums.set(member, (sums.get(member) ?? 0) + Number(e.points));
      }
      const distinct = [...new Set(sums.values())].sort((a, b) => b - a);
      const expected = [...sums].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([memberId, points]) => ({ memberId, points, rank: distinct.indexOf(points) + 1 }));
      expect(await leaderboardTop(s.rows.boards.db, ws, { board, period, limit: 100_000 }), `${board} ${period}`).toEqual(expected);
    }
  }
}

beforeAll(() => {
  messages = [];
  for (const batch of generateDemo({ members: 300, seed: 9, end: new Date(END) })) messages.push(...batch);
  const at = (m: IngestMessageInput) => Date.parse(String((m as { timestamp?: string }).timestamp));
  messages.sort((a, b) => at(a) - at(b));
});
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => undefined);
  for (const d of dirs) removeDir(d);
});

async function fresh(opts: Partial<OpenOptions> = {}) {
  const dir = tempDir('sheyun-leaderboard-stores-');
  dirs.push(dir);
  const s = await open(dir, opts);
  const ws = (await s.defaultWorkspace()).id;
  await saveConfig(s.rows, ws, presetConfig('creator-zh'), 'test', s.clock.nowMicros());
  return { dir, s, ws };
}

describe('leaderboards of an embedded store', () => {
  it('keep their totals in a companion file, not in the row store', async () => {
    const { dir, s, ws } = await fresh();
    await ingest(s, ws, 0, messages.length);
    expect(await catchUpLeaderboards(s.rows, ws)).toBeGreaterThan(500);
    expect(fs.existsSync(path.join(dir, 'rows.boards.sqlite'))).toBe(true);
    const inRows = await s.rows.db.selectFrom('points_totals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const inBoards = await s.rows.boards.db.selectFrom('points_totals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(inRows.n)).toBe(0);
    expect(Number(inBoards.n)).toBeGreaterThan(500);
    await expectBoardsEqualLedger(s, ws);
  });

  it('equal the ledger when two processes catch up in turns (what one remembers is stale after the other wrote)', async () => {
    const { dir, s: a, ws } = await fresh();
    const b = await open(dir);
    const n = messages.length;
    const steps = 6;
    for (let i = 0; i < steps; i++) {
      await ingest(i % 2 ? b : a, ws, Math.floor((n * i) / steps), Math.floor((n * (i + 1)) / steps));
      await catchUpLeaderboards((i % 3 === 1 ? b : a).rows, ws, { pageSize: 101 });
    }
    await expectBoardsEqualLedger(a, ws);
    await expectBoardsEqualLedger(b, ws);
  });

  it('are kept by the server thread, also from the start again after a replay', async () => {
    const { s, ws } = await fresh({ leaderboardThread: true });
    await ingest(s, ws, 0, Math.floor(messages.length / 2));
    await catchUpLeaderboards(s.rows, ws);
    await ingest(s, ws, Math.floor(messages.length / 2), messages.length);
    await catchUpLeaderboards(s.rows, ws);
    await expectBoardsEqualLedger(s, ws);
    // The replay's ledger takes new ids (some equal to old ones): the thread must drop the old totals, not add to them.
    await replayGamification(s.rows, ws, s.clock.nowMicros());
    expect(await catchUpLeaderboards(s.rows, ws)).toBeGreaterThan(500);
    await expectBoardsEqualLedger(s, ws);
  });
});
