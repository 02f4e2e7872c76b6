/**
 * Incentives on a PostgreSQL row store (cluster mode): the same time-ordered demo events give the same ledger, badges
 * and levels as on SQLite, incrementally and after a replay, and the same leaderboard. Skipped, saying so, when no
 * PostgreSQL is available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigInput } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { catchUpLeaderboards, leaderboardTop, presetConfig, replayGamification, saveConfig } from '../../src/gamification/index.ts';
import { ingestMessages, type IngestMessageInput } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { freshDatabase, postgresUrl } from '../helpers/postgres.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const server = postgresUrl();
const END = '2026-11-01T00:00:00Z';

/** Events of a small demo in time order, keyed by the public ids both stores give the same members. */
function demoMessages(): IngestMessageInput[] {
  const all: IngestMessageInput[] = [];
  for (const batch of generateDemo({ members: 250, seed: 13, end: new Date(END) })) all.push(...batch);
  const at = (m: IngestMessageInput) => Date.parse(String((m as { timestamp?: string }).timestamp));
  return all.sort((a, b) => at(a) - at(b));
}

async function loaded(config: Partial<ConfigInput>, messages: IngestMessageInput[]) {
  const dir = tempDir('sheyun-gamification-pg-');
  const s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn', ...config }, {}), { columnStore: 'none', clock: fixedClock(END) });
  const ws = (await s.defaultWorkspace()).id;
  await saveConfig(s.rows, ws, presetConfig('creator-zh'), 'test', s.clock.nowMicros());
  for (let i = 0; i < messages.length; i += 250) await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, messages.slice(i, i + 250));
  return { s, ws, dir };
}

/** Derived state by the events' ids (member ids may differ between stores only if resolution differed; it must not). */
async function derived(s: Sheyun, ws: number) {
  const ledger = await s.rows.db.selectFrom('points_ledger').select(['key', 'member_id', 'points', 'capped', 'day']).where('workspace_id', '=', ws).orderBy('key').execute();
  const awards = await s.rows.db.selectFrom('badge_awards').select(['key', 'member_id', 'day']).where('workspace_id', '=', ws).orderBy('key').execute();
  const levels = await s.rows.db.selectFrom('member_levels').select(['member_id', 'level']).where('workspace_id', '=', ws).orderBy('member_id').execute();
  const norm = <T extends Record<string, unknown>>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k !== 'key' ? Number(v) : v])));
  return { ledger: norm(ledger), awards: norm(awards), levels: norm(levels) };
}

describe.skipIf(!server)('incentives on PostgreSQL equal incentives on SQLite', () => {
  let pg: Awaited<ReturnType<typeof loaded>>;
  let lite: Awaited<ReturnType<typeof loaded>>;
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    const messages = demoMessages();
    db = await freshDatabase(server!);
    pg = await loaded({ rowStore: 'postgres', databaseUrl: db.url }, messages);
    lite = await loaded({}, messages);
  }, 180_000);
  afterAll(async () => {
    await pg?.s.close();
    await lite?.s.close();
    await db?.drop();
    if (pg) removeDir(pg.dir);
    if (lite) removeDir(lite.dir);
  });

  it('awards the same points, badges and levels, incrementally and after a replay, and ranks alike', async () => {
    const a = await derived(pg.s, pg.ws);
    expect(a.ledger.length).toBeGreaterThan(500);
    expect(a).toEqual(await derived(lite.s, lite.ws));
    await replayGamification(pg.s.rows, pg.ws, pg.s.clock.nowMicros());
    await replayGamification(lite.s.rows, lite.ws, lite.s.clock.nowMicros());
    expect(await derived(pg.s, pg.ws)).toEqual(await derived(lite.s, lite.ws));
    await catchUpLeaderboards(pg.s.rows, pg.ws);
    await catchUpLeaderboards(lite.s.rows, lite.ws);
    const top = await leaderboardTop(pg.s.rows.boards.db, pg.ws, { board: 'all', period: 'all', limit: 20 });
    expect(top.length).toBe(20);
    expect(top).toEqual(await leaderboardTop(lite.s.rows.boards.db, lite.ws, { board: 'all', period: 'all', limit: 20 }));
  });
});
