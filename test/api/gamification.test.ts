/**
 * Incentives over real HTTP: a preset installed and replayed, a configuration refused with the field it names,
 * idempotent awards from an app, a member's balance/ledger/level/badges/rank by the app's own user id, leaderboards,
 * and a payout report whose amounts add up to the pool exactly (JSON and CSV).
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { ingestMessages } from '../../src/ingest/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const NOW = '2026-11-01T00:00:00Z';
let app: TestApp;
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${app.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as any };
};

beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock(NOW) });
  for (const batch of generateDemo({ members: 300, seed: 5, end: new Date(NOW) })) await ingestMessages(app.sheyun.ingest, { workspaceId: app.workspaceId, defaultPlatform: 'app' }, batch);
}, 120_000);
afterAll(async () => app.close());

describe('incentives API', () => {
  it('has no configuration until a preset is installed; installing replays the events so far', async () => {
    expect((await api('GET', '/v1/gamification/config')).status).toBe(404);
    const installed = await api('POST', '/v1/gamification/presets/creator-zh');
    expect(installed.status).toBe(200);
    expect(installed.body.version).toBe(1);
    expect(installed.body.replay.ledgerEntries).toBeGreaterThan(500);
    const cfg = await api('GET', '/v1/gamification/config');
    expect(cfg.body.config.preset).toBe('creator-zh');
    const cat = await api('GET', '/v1/gamification/catalogue');
    expect(cat.body.badges.length).toBeGreaterThan(3);
    expect(cat.body.badges.reduce((n: number, b: { awards: number }) => n + b.awards, 0)).toBe(installed.body.replay.badgeAwards);
    expect(cat.body.presets.map((p: { id: string }) => p.id).sort()).toEqual(['creator-zh', 'discourse', 'stackexchange']);
  });

  it('refuses an invalid configuration naming the field, and keeps the version in force', async () => {
    const cfg = (await api('GET', '/v1/gamification/config')).body.config;
    const broken = structuredClone(cfg);
    broken.points.rules[0].caps = { perDay: -5 };
    const r = await api('PUT', '/v1/gamification/config', { config: broken });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('config.points.rules.0.caps.perDay');
    expect((await api('GET', '/v1/gamification/config')).body.version).toBe(1);
    // The same checks without saving, with every problem listed.
    broken.points.rules[1].points = 'lots';
    const v = await api('POST', '/v1/gamification/config/validate', { config: broken });
    expect(v.status).toBe(200);
    expect(v.body.valid).toBe(false);
    expect(v.body.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['config.points.rules.0.caps.perDay', 'config.points.rules.1.points']));
    expect((await api('POST', '/v1/gamification/config/validate', { config: cfg })).body).toEqual({ valid: true, issues: [] });
    expect((await api('GET', '/v1/gamification/config/versions')).body.versions).toHaveLength(1);
  });

  it('awards idempotently by the app’s user id and shows the entry in the member’s ledger', async () => {
    const userId = 'e2e-award-user';
    await ingestMessages(app.sheyun.ingest, { workspaceId: app.workspaceId, defaultPlatform: 'app' }, [{ type: 'identify', userId, traits: { name: '测试用户' }, timestamp: '2026-10-31T08:00:00Z' }]);
    const body = { userId, points: 25, reason: 'event-host', idempotencyKey: 'host-2026-10-31', timestamp: '2026-10-31T09:00:00Z' };
    const first = await api('POST', '/v1/gamification/award', body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ duplicate: false, entry: { points: 25, ruleId: 'api_award', ref: 'event-host' } });
    const again = await api('POST', '/v1/gamification/award', body);
    expect(again.body).toMatchObject({ duplicate: true, points: first.body.points });
    const m = await api('GET', `/v1/gamification/members/${userId}`);
    expect(m.status).toBe(200);
    expect(m.body.points).toBe(first.body.points);
    const ledger = await api('GET', `/v1/gamification/members/${userId}/ledger`);
    expect(ledger.body.entries.filter((e: { ruleId: string }) => e.ruleId === 'api_award')).toHaveLength(1);
    expect(ledger.body.entries[0].ruleName).toEqual({ en: 'Awarded by the app', zh: '应用直接发放' });
    expect((await api('POST', '/v1/gamification/award', { ...body, points: 0, idempotencyKey: 'x' })).body.error.field).toBe('points');
    expect((await api('GET', '/v1/gamification/members/nobody-here')).status).toBe(404);
  });

  it('ranks members on leaderboards, and a member’s rank agrees with the board', async () => {
    const top = await api('GET', '/v1/gamification/leaderboards?limit=20');
    expect(top.status).toBe(200);
    const rows = top.body.rows as { member: string; points: number; rank: number }[];
    expect(rows.length).toBe(20);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.points).toBeLessThanOrEqual(rows[i - 1]!.points);
      expect(rows[i]!.rank).toBe(rows[i - 1]!.rank + (rows[i]!.points < rows[i - 1]!.points ? 1 : 0));
    }
    const fifth = rows[4]!;
    const r = await api('GET', `/v1/gamification/members/${fifth.member}/rank?around=2`);
    expect(r.body.member).toMatchObject({ member: fifth.member, rank: fifth.rank, points: fifth.points });
    expect(r.body.above.map((x: { member: string }) => x.member)).toEqual(rows.slice(2, 4).map((x) => x.member));
    const m = await api('GET', `/v1/gamification/members/${fifth.member}`);
    expect(m.body.rank.rank).toBe(fifth.rank);
    // Progress towards the next level: the points requirement reads the balance the ledger gives.
    expect(m.body.progress.level).not.toBeNull();
    const pts = m.body.progress.requirements.find((r: { requirement: string }) => r.requirement === 'points');
    expect(pts).toMatchObject({ value: m.body.points });
    expect(pts.met).toBe(pts.value >= pts.needed);
  });

  it('splits a revenue pool by points with largest remainder: the amounts add up to the pool', async () => {
    const req = { from: '2026-10-01', to: '2026-10-31', pool: { amount: 1_000_003, currency: 'CNY' }, minPoints: 10 };
    const r = await api('POST', '/v1/gamification/payouts', req);
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBeGreaterThan(5);
    expect(r.body.rows.reduce((n: number, x: { amount: number }) => n + x.amount, 0)).toBe(1_000_003);
    expect(r.body.excluded.every((x: { points: number; reason: string }) => x.points < 10 || x.reason !== 'below_min_points')).toBe(true);
    const csv = await api('POST', '/v1/gamification/payouts?format=csv', req);
    const rows = parse(csv.body as string, { columns: true }) as { amount: string }[];
    expect(rows.reduce((n, x) => n + Number(x.amount), 0)).toBe(1_000_003);
    const bad = await api('POST', '/v1/gamification/payouts', { ...req, pool: { amount: 10.5, currency: 'CNY' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('pool.amount');
  });
});
