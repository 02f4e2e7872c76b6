/**
 * The gamification runtime on real stores: points, badges and levels written in the ingest transaction equal what a
 * replay of the whole log computes; a replay of a replay changes nothing; leaderboards equal dense ranks computed from
 * the ledger by hand; the Stack Exchange preset installed through the CLI path exports the dump's user ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { catchUpLeaderboards, checkLevels, leaderboardTop, memberRank, periodKey, presetConfig, replayGamification, saveConfig } from '../../src/gamification/index.ts';
import { ingestMessages, type IngestMessageInput } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const END = '2026-11-01T00:00:00Z';
const dir = tempDir('sheyun-gamification-runtime-');
let s: Sheyun;
let ws: number;

/** Everything derived, without bookkeeping columns (ids, when written, the config version). */
async function snapshot() {
  const db = s.rows.db;
  const ledger = await db.selectFrom('points_ledger').select(['key', 'member_id', 'rule_id', 'event_id', 'day', 'points', 'requested', 'kind', 'capped', 'ref']).where('workspace_id', '=', ws).orderBy('key').execute();
  const awards = await db.selectFrom('badge_awards').select(['key', 'badge_id', 'member_id', 'awarded_at', 'day', 'subject', 'event_id']).where('workspace_id', '=', ws).orderBy('key').execute();
  const levels = await db.selectFrom('member_levels').select(['member_id', 'level', 'since']).where('workspace_id', '=', ws).orderBy('member_id').execute();
  const state = await db.selectFrom('gamification_state').select(['key', 'value']).where('workspace_id', '=', ws).orderBy('key').execute();
  return { ledger, awards, levels, state: state.map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown })) };
}

beforeAll(async () => {
  s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'none', clock: fixedClock(END) });
  ws = (await s.defaultWorkspace()).id;
  await saveConfig(s.rows, ws, presetConfig('creator-zh'), 'test', s.clock.nowMicros());
  // The demo streams member by member; an app sends events as they happen, so they go in in time order here.
  const all: IngestMessageInput[] = [];
  for (const batch of generateDemo({ members: 400, seed: 11, end: new Date(END) })) all.push(...batch);
  const at = (m: IngestMessageInput) => Date.parse(String((m as { timestamp?: string }).timestamp));
  all.sort((a, b) => at(a) - at(b));
  for (let i = 0; i < all.length; i += 250) await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, all.slice(i, i + 250));
}, 120_000);
afterAll(async () => {
  await s?.close();
  removeDir(dir);
});

describe('gamification runtime', () => {
  it('replay equals the state the ingest transactions maintained (after the level check at the same instant), and replaying again changes nothing', async () => {
    await checkLevels(s.rows, ws, s.clock.nowMicros());
    const incremental = await snapshot();
    expect(incremental.ledger.length).toBeGreaterThan(1000);
    expect(incremental.awards.length).toBeGreaterThan(50);
    expect(incremental.levels.length).toBeGreaterThan(50);
    const report = await replayGamification(s.rows, ws, s.clock.nowMicros());
    expect(report.ledgerEntries).toBe(incremental.ledger.length);
    const replayed = await snapshot();
    expect(replayed.ledger).toEqual(incremental.ledger);
    expect(replayed.awards).toEqual(incremental.awards);
    expect(replayed.levels).toEqual(incremental.levels);
    expect(replayed.state).toEqual(incremental.state);
    await replayGamification(s.rows, ws, s.clock.nowMicros());
    expect(await snapshot()).toEqual(replayed);
  });

  it('leaderboards are dense ranks of the ledger sums, per period, with neighbours (also after a replay)', async () => {
    await catchUpLeaderboards(s.rows, ws);
    const before = await leaderboardTop(s.rows.boards.db, ws, { board: 'all', period: 'all', limit: 50 });
    // A replay rebuilds the ledger (ids start again): the boards must follow it from the start, not stay empty. Small
    // pages make totals move many times, so a total nobody holds any more must leave the distinct totals ranks count.
    await replayGamification(s.rows, ws, s.clock.nowMicros());
    await catchUpLeaderboards(s.rows, ws, { pageSize: 97 });
    const held = await s.rows.boards.db.selectFrom('points_values').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).where('members', '<=', 0).executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(0);
    expect(await leaderboardTop(s.rows.boards.db, ws, { board: 'all', period: 'all', limit: 50 })).toEqual(before);
    const entries = await s.rows.db.selectFrom('points_ledger').select(['member_id', 'day', 'points']).where('workspace_id', '=', ws).execute();
    const lastDay = entries.map((e) => e.day).sort().at(-1)!;
    for (const kind of ['all', 'month', 'week', 'day'] as const) {
      const period = periodKey(kind, lastDay);
      const sums = new Map<number, number>();
      for (const e of entries) if (kind === 'all' || periodKey(kind, e.day) === period) sums.set(Number(e.member_id), (sums.get(Number(e.member_id)) ?? 0) + Number(e.points));
      const distinct = [...new Set(sums.values())].sort((a, b) => b - a);
      const denseRank = (p: number) => distinct.indexOf(p) + 1;
      const expected = [...sums].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 30).map(([memberId, points]) => ({ memberId, points, rank: denseRank(points) }));
      expect(await leaderboardTop(s.rows.boards.db, ws, { board: 'all', period, limit: 30 })).toEqual(expected);
      // A page further down starts at the right rank.
      const page2 = await leaderboardTop(s.rows.boards.db, ws, { board: 'all', period, limit: 5, offset: 10 });
      expect(page2).toEqual([...sums].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(10, 15).map(([memberId, points]) => ({ memberId, points, rank: denseRank(points) })));
      const someone = [...sums.keys()][Math.floor(sums.size / 2)]!;
      const r = await memberRank(s.rows.boards.db, ws, { board: 'all', period, memberId: someone, around: 2 });
      expect(r!.member).toEqual({ memberId: someone, points: sums.get(someone), rank: denseRank(sums.get(someone)!) });
      expect(r!.members).toBe(sums.size);
      for (const n of [...r!.above, ...r!.below]) expect(n.rank).toBe(denseRank(sums.get(n.memberId)!));
    }
  });

  it('announces badges and level changes once the ingest transaction has committed, not during a replay', async () => {
    const badges: { memberId: number; badgeId: string }[] = [];
    const levels: { memberId: number; to: string | null }[] = [];
    const offBadge = s.events.on('gamification.badge_awarded', (e) => badges.push(e));
    const offLevel = s.events.on('gamification.level_changed', (e) => levels.push(e));
    try {
      const r = await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, [
        { type: 'track', userId: 'announce-me', event: 'post_created', messageId: 'announce-1', timestamp: '2026-10-31T10:00:00Z', properties: { post_id: 'p-announce', category: 'tech' } },
      ]);
      expect(r.accepted).toBe(1);
      const member = (await s.rows.db.selectFrom('points_ledger').select('member_id').where('event_id', '=', 'announce-1').executeTakeFirstOrThrow()).member_id;
      expect(badges).toEqual([expect.objectContaining({ memberId: Number(member), badgeId: 'first-post' })]);
      expect(levels).toEqual([expect.objectContaining({ memberId: Number(member), to: 'newcomer' })]);
      badges.length = 0;
      levels.length = 0;
      // An anonymous visitor earns points too, but only identified members are ranked.
      await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, [
        { type: 'track', anonymousId: 'visitor-1', event: 'post_created', messageId: 'anon-1', timestamp: '2026-10-31T11:00:00Z', properties: { post_id: 'p-anon', category: 'tech' } },
      ]);
      const visitor = Number((await s.rows.db.selectFrom('points_ledger').select('member_id').where('event_id', '=', 'anon-1').executeTakeFirstOrThrow()).member_id);
      await catchUpLeaderboards(s.rows, ws);
      expect(await memberRank(s.rows.boards.db, ws, { board: 'all', period: 'all', memberId: visitor, around: 0 })).toBeNull();
      expect(await memberRank(s.rows.boards.db, ws, { board: 'all', period: 'all', memberId: Number(member), around: 0 })).not.toBeNull();
      badges.length = 0;
      levels.length = 0;
      await replayGamification(s.rows, ws, s.clock.nowMicros());
      expect(badges).toEqual([]);
      expect(levels).toEqual([]);
    } finally {
      offBadge();
      offLevel();
    }
  });

  it('takes back what a deleted post earned, naming the rule each entry compensates', async () => {
    const msgs = [
      { type: 'track', userId: 'author-x', event: 'post_created', messageId: 'del-1', timestamp: '2026-10-30T08:00:00Z', properties: { post_id: 'p-del', category: 'tech' } },
      { type: 'track', userId: 'reader-y', event: 'post_liked', messageId: 'del-2', timestamp: '2026-10-30T09:00:00Z', properties: { post_id: 'p-del' }, target: { userId: 'author-x' } },
      { type: 'track', userId: 'author-x', event: 'post_deleted', messageId: 'del-3', timestamp: '2026-10-30T10:00:00Z', properties: { post_id: 'p-del' } },
    ];
    for (const m of msgs) await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, [m]);
    const rows = await s.rows.db.selectFrom('points_ledger').select(['event_id', 'rule_id', 'points', 'kind', 'reverses', 'member_id']).where('workspace_id', '=', ws).where('event_id', 'in', ['del-1', 'del-2', 'del-3']).orderBy('id').execute();
    const author = rows.find((r) => r.event_id === 'del-1')!.member_id;
    const earned = rows.filter((r) => r.kind === 'award' && r.member_id === author).reduce((n, r) => n + Number(r.points), 0);
    const reversals = rows.filter((r) => r.kind === 'reversal');
    expect(earned).toBeGreaterThan(0);
    expect(reversals.map((r) => r.reverses).sort()).toEqual(['post_created', 'post_liked']);
    expect(reversals.every((r) => r.rule_id === 'post_deleted' && r.member_id === author)).toBe(true);
    expect(reversals.reduce((n, r) => n + Number(r.points), 0)).toBe(-earned);
  });
});
