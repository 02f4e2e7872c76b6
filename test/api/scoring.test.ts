/**
 * Member value and segments over real HTTP: settings with validation errors naming the field, a scoring run on the
 * demo community, the page data, a member's scores, segments defined, previewed, exported and checked per member.
 */
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
  for (const batch of generateDemo({ members: 800, seed: 3, end: new Date(NOW) })) await ingestMessages(app.sheyun.ingest, { workspaceId: app.workspaceId, defaultPlatform: 'app' }, batch);
  await app.sheyun.columnizer!.drain();
}, 120_000);
afterAll(async () => app.close());

describe('member value API', () => {
  it('validates settings and names the offending field', async () => {
    const bad = await api('PUT', '/v1/scoring/settings', { windowDays: 3, communication: { corePercent: 'five' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.field).toBe('windowDays');
    const ok = await api('PUT', '/v1/scoring/settings', { communication: { corePercent: 10 } });
    expect(ok.status).toBe(200);
    expect(ok.body.communication).toEqual({ score: 'composite', corePercent: 10, potentialPercent: 25 });
    expect((await api('GET', '/v1/scoring/settings')).body.windowDays).toBe(365);
  });

  it('runs scoring and serves the page data, the flows and a member’s scores', async () => {
    expect((await api('GET', '/v1/scoring/overview')).body.report).toBeNull();
    const both = await Promise.all([api('POST', '/v1/scoring/runs', {}), api('POST', '/v1/scoring/runs', {})]);
    const [run, concurrent] = both.sort((a, b) => a.status - b.status) as [typeof both[0], typeof both[0]];
    expect([run.status, concurrent.status]).toEqual([200, 409]); // one run at a time per workspace
    expect(concurrent.body.error.code).toBe('conflict');
    const members = run.body.members as number;
    expect(run.body.sizes.communication.core).toBe(Math.ceil(members * 0.1)); // the 10 % set above
    const page = await api('GET', '/v1/scoring/overview');
    expect(page.body.report.runId).toBe(run.body.runId);
    expect(page.body.rules.lifecycle.map((r: { tier: string }) => r.tier)).toEqual(['churned', 'new', 'core_koc', 'churn_warning', 'dormant', 'potential', 'active']);
    const gridTotal = page.body.rfmGrid.reduce((s: number, c: { members: number }) => s + c.members, 0);
    expect(gridTotal).toBe(run.body.buyers);
    expect(page.body.clv.buckets.reduce((s: number, b: { members: number }) => s + b.members, 0)).toBe(page.body.clv.buyers);
    const flows = await api('GET', '/v1/scoring/flows?kind=lifecycle_tier');
    expect(flows.body.runs).toHaveLength(1);
    expect(flows.body.runs[0].moves.reduce((s: number, m: { members: number }) => s + m.members, 0)).toBe(members);

    const list = await api('GET', '/v1/members?limit=1');
    const id = list.body.members[0].id as string;
    const scores = await api('GET', `/v1/members/${id}/scores`);
    expect(scores.status).toBe(200);
    expect(scores.body.scores.memberId).toBe(id);
    expect(['core', 'potential', 'mass']).toContain(scores.body.scores.communicationTier);
    expect(scores.body.scores.components.bond).toBeNull();
  });

  it('defines, previews, exports and checks segments; membership history follows the next run', async () => {
    const definition = { kind: 'and', of: [{ kind: 'tier', tier: 'communication_tier', op: 'eq', value: 'core' }, { kind: 'event_count', event: 'post_created', windowDays: 365, op: 'gte', value: 1 }] };
    const bad = await api('POST', '/v1/segments', { key: 'core-posters', name: 'Core posters', definition: { kind: 'and', of: [{ kind: 'score', score: 'clv', op: 'gte', value: 'lots' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('definition.of.0.value');
    const badKey = await api('POST', '/v1/segments', { key: 'Core Posters!', name: 'Core posters', definition });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.field).toBe('key');
    const created = await api('POST', '/v1/segments', { key: 'core-posters', name: 'Core posters', definition });
    expect(created.status).toBe(201);
    expect((await api('POST', '/v1/segments', { key: 'core-posters', name: 'again', definition })).status).toBe(409);

    const preview = await api('POST', '/v1/segments/preview', { definition, sample: 5 });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBeGreaterThan(0);
    expect(preview.body.sample.length).toBe(Math.min(5, preview.body.count));

    const csv = await api('GET', '/v1/segments/core-posters/export.csv');
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('member_id,name,lifecycle_tier,communication_tier,rfm_segment,rfm_code,clv,p_alive,relationship_density,value_density,potential_density');
    expect(lines.length - 1).toBe(preview.body.count);
    expect(lines.slice(1).every((l) => l.split(',')[3] === 'core')).toBe(true);

    // The in-memory check agrees with the column store for members in and out of the segment.
    const inside = preview.body.sample[0] as string;
    expect((await api('GET', `/v1/segments/core-posters/members/${inside}`)).body.member).toBe(true);
    const outsider = (await api('POST', '/v1/segments/preview', { definition: { kind: 'not', of: definition }, sample: 1 })).body.sample[0] as string;
    expect((await api('GET', `/v1/segments/core-posters/members/${outsider}`)).body.member).toBe(false);

    const completed: { runId: number; segmentChanges: number }[] = [];
    const off = app.sheyun.events.on('scoring.completed', (e) => completed.push(e));
    const run = await api('POST', '/v1/scoring/runs', {});
    off();
    expect(run.body.segments).toEqual([{ key: 'core-posters', members: preview.body.count, entered: preview.body.count, left: 0 }]);
    expect(completed).toMatchObject([{ runId: run.body.runId, segmentChanges: preview.body.count }]);
    // The changes a run recorded, paged: everyone who entered the segment, as the export lists them.
    const entered: string[] = [];
    let cursor: number | null = null;
    do {
      const page = await api('GET', `/v1/scoring/changes?run=${run.body.runId}&kind=segment&subject=core-posters&limit=7${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.status).toBe(200);
      for (const c of page.body.changes) {
        expect(c).toMatchObject({ kind: 'segment', subject: 'core-posters', from: null, to: 'member' });
        entered.push(c.memberId);
      }
      cursor = page.body.next;
    } while (cursor !== null);
    expect(entered.sort()).toEqual(lines.slice(1).map((l) => l.split(',')[0]!).sort());
    const again = await api('POST', '/v1/scoring/runs', {});
    expect(again.body.segments[0]).toMatchObject({ entered: 0, left: 0 });
    expect((await api('DELETE', '/v1/segments/core-posters')).status).toBe(204);
    expect((await api('GET', '/v1/segments/core-posters')).status).toBe(404);
  });
});
