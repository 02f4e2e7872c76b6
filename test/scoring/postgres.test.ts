/**
 * Scoring and segments on a PostgreSQL row store (cluster mode) give the same members the same scores and tiers as
 * the embedded SQLite store, from the same demo community. Skipped, saying so, when no PostgreSQL is available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { ingestMessages } from '../../src/ingest/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { freshDatabase, postgresUrl } from '../helpers/postgres.ts';

const server = postgresUrl();
const NOW = '2026-11-01T00:00:00Z';

async function loaded(config: Parameters<typeof startTestApp>[0]): Promise<TestApp> {
  const app = await startTestApp({ ...config, clock: fixedClock(NOW) });
  for (const batch of generateDemo({ members: 400, seed: 5, end: new Date(NOW) })) await ingestMessages(app.sheyun.ingest, { workspaceId: app.workspaceId, defaultPlatform: 'app' }, batch);
  await app.sheyun.columnizer!.drain();
  return app;
}

const call = async (app: TestApp, method: string, path: string, body?: unknown) =>
  (await (await fetch(app.url + path, { method, headers: { authorization: `Bearer ${app.adminKey}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })).json()) as any;

describe.skipIf(!server)('scoring on PostgreSQL equals scoring on SQLite', () => {
  let pg: TestApp;
  let lite: TestApp;
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(server!);
    pg = await loaded({ config: { rowStore: 'postgres', databaseUrl: db.url } });
    lite = await loaded({});
  }, 180_000);
  afterAll(async () => {
    await pg?.close();
    await lite?.close();
    await db?.drop();
  });

  it('scores, tiers, changes and segment memberships match member for member', async () => {
    const definition = { kind: 'tier', tier: 'communication_tier', op: 'eq', value: 'core' };
    for (const app of [pg, lite]) await call(app, 'POST', '/v1/segments', { key: 'core', name: 'Core', definition });
    const [a, b] = await Promise.all([call(pg, 'POST', '/v1/scoring/runs', {}), call(lite, 'POST', '/v1/scoring/runs', {})]);
    expect(a.members).toBe(b.members);
    expect(a.sizes).toEqual(b.sizes);
    expect(a.tierChanges).toBe(2 * a.members);
    expect(a.segments).toEqual(b.segments);
    expect(a.bgnbd.r).toBeCloseTo(b.bgnbd.r, 6);

    const rows = async (app: TestApp) =>
      (await app.sheyun.rows.db.selectFrom('member_scores').selectAll().where('workspace_id', '=', app.workspaceId).orderBy('member_id').execute()).map(({ run_id: _r, workspace_id: _w, ...rest }) => rest);
    expect(await rows(pg)).toEqual(await rows(lite));

    const again = await call(pg, 'POST', '/v1/scoring/runs', {});
    expect(again.tierChanges).toBe(0);
    expect(again.segments[0]).toMatchObject({ entered: 0, left: 0 });
    const member = (await rows(pg))[0]!;
    const scores = await call(pg, 'GET', `/v1/members/mem_${member.member_id.toString(36).padStart(6, '0')}/scores`);
    expect(scores.scores.lifecycleTier).toBe(member.lifecycle_tier);
  });
});
