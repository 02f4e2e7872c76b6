/**
 * Cluster mode's row store: the whole HTTP flow (ingest with merges, profile, timeline, status, overview after the
 * columnizer) on PostgreSQL instead of SQLite. Skipped, saying so, when no PostgreSQL is available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { freshDatabase, postgresUrl } from '../helpers/postgres.ts';
import { authHeaders } from '../helpers/server.ts';

const server = postgresUrl();

describe.skipIf(!server)('the API on a PostgreSQL row store', () => {
  let app: TestApp;
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(server!);
    app = await startTestApp({ config: { rowStore: 'postgres', databaseUrl: db.url } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('ingests, merges, reads and counts like the embedded store', async () => {
    const batch = [
      { type: 'track', anonymousId: 'pa', event: 'page_viewed', timestamp: '2026-02-01T00:00:00Z', messageId: 'pg-1' },
      { type: 'identify', anonymousId: 'pa', userId: 'pu', traits: { name: '陈静', email: 'cj@example.com', email_verified: true }, timestamp: '2026-02-01T00:01:00Z', messageId: 'pg-2' },
      { type: 'identify', userId: 'wx', platform: 'wechat', traits: { email: 'cj@example.com', email_verified: true }, timestamp: '2026-02-02T00:00:00Z', messageId: 'pg-3' },
      { type: 'track', userId: 'other', event: 'post_liked', target: { userId: 'pu' }, timestamp: '2026-02-03T00:00:00Z', messageId: 'pg-4' },
      { type: 'track', event: 'bad' },
    ];
    const r = await fetch(app.url + '/v1/batch', { method: 'POST', headers: authHeaders(app.writeKey), body: JSON.stringify({ batch }) });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ accepted: 4, rejected: [{ index: 4, code: 'missing_identity' }] });
    const again = await fetch(app.url + '/v1/batch', { method: 'POST', headers: authHeaders(app.writeKey), body: JSON.stringify({ batch: batch.slice(0, 4) }) });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 4 });

    const get = async <T>(path: string) => (await (await fetch(app.url + path, { headers: authHeaders(app.adminKey) })).json()) as T;
    const status = await get<{ members: number; events: number }>('/v1/status');
    expect(status).toMatchObject({ members: 2, events: 4 });
    const found = await get<{ members: { id: string }[] }>('/v1/members?query=cj@example');
    const profile = await get<{ displayName: string; eventCount: number; targetCount: number; identities: unknown[] }>(`/v1/members/${found.members[0]!.id}`);
    expect(profile).toMatchObject({ displayName: '陈静', eventCount: 3, targetCount: 1 });
    expect(profile.identities).toHaveLength(5);
    const timeline = await get<{ events: { id: string }[] }>(`/v1/members/${found.members[0]!.id}/events`);
    expect(timeline.events.map((e) => e.id)).toEqual(['pg-4', 'pg-3', 'pg-2', 'pg-1']);

    await app.sheyun.columnizer!.drain();
    const o = await get<{ columnizerLag: number; eventsPerDay: { day: string; count: number }[] }>('/v1/stats/overview?days=366');
    expect(o.columnizerLag).toBe(0);
    expect(o.eventsPerDay.filter((d) => d.count > 0).map((d) => [d.day, d.count])).toEqual([
      ['2026-02-01', 2],
      ['2026-02-02', 1],
      ['2026-02-03', 1],
    ]);
  });
});
