/** Member endpoints over HTTP: profile, search, paginated timeline, merge and unmerge, docs. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { authHeaders } from '../helpers/server.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const batch = [
    { type: 'identify', userId: 'm1', traits: { name: '李娜', email: 'lina@example.com', email_verified: true }, timestamp: '2026-03-01T08:00:00Z', messageId: 'mm-1' },
    ...Array.from({ length: 25 }, (_, i) => ({ type: 'track', userId: 'm1', event: 'post_created', properties: { title: `帖子 ${i}` }, timestamp: new Date(Date.UTC(2026, 2, 2, 0, i)).toISOString(), messageId: `mm-p-${i}` })),
    { type: 'identify', userId: 'wx-1', platform: 'wechat', traits: { name: 'Lina W' }, timestamp: '2026-03-05T00:00:00Z', messageId: 'mm-2' },
    { type: 'track', userId: 'wx-1', platform: 'wechat', event: 'check_in', timestamp: '2026-03-06T00:00:00Z', messageId: 'mm-3' },
    { type: 'track', userId: 'm2', event: 'post_liked', target: { userId: 'm1' }, timestamp: '2026-03-07T00:00:00Z', messageId: 'mm-4' },
  ];
  const r = await fetch(app.url + '/v1/batch', { method: 'POST', headers: authHeaders(app.writeKey), body: JSON.stringify({ batch }) });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await app.close();
});

const get = async <T>(path: string) => {
  const r = await fetch(app.url + path, { headers: authHeaders(app.adminKey) });
  return { status: r.status, body: (await r.json()) as T };
};
const post = async <T>(path: string, body: unknown) => {
  const r = await fetch(app.url + path, { method: 'POST', headers: authHeaders(app.adminKey), body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as T };
};

interface Profile {
  id: string;
  displayName: string;
  eventCount: number;
  targetCount: number;
  firstSeen: string;
  lastSeen: string;
  identities: { platform: string; kind: string; value: string; verified: boolean }[];
  eventsByName: { name: string; count: number }[];
  redirectedFrom?: string;
}

it('shows a profile with identities, first/last seen and counters', async () => {
  const { body } = await get<{ members: { id: string }[] }>('/v1/members?query=lina@example');
  const id = body.members[0]!.id;
  const p = await get<Profile>(`/v1/members/${id}`);
  expect(p.status).toBe(200);
  expect(p.body).toMatchObject({ displayName: '李娜', eventCount: 26, targetCount: 1, firstSeen: '2026-03-01T08:00:00.000Z', lastSeen: '2026-03-02T00:24:00.000Z' });
  expect(p.body.identities.map((i) => `${i.platform}/${i.kind}/${i.value}/${i.verified}`)).toEqual(['app/user_id/m1/false', 'app/email/lina@example.com/true']);
  expect(p.body.eventsByName).toEqual([
    { name: 'post_created', count: 25 },
    { name: '$identify', count: 1 },
  ]);
});

it('searches by display name and pages through a timeline with a cursor', async () => {
  const { body } = await get<{ members: { id: string; displayName: string }[] }>('/v1/members?query=' + encodeURIComponent('李'));
  expect(body.members.map((m) => m.displayName)).toEqual(['李娜']);
  const id = body.members[0]!.id;
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { events: { id: string; timestamp: string; role: string }[]; nextCursor: string | null } } = await get(`/v1/members/${id}/events?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.body.events.map((e) => e.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(27);
  expect(new Set(seen).size).toBe(27);
  expect(seen[0]).toBe('mm-4'); // newest: the like received (role target)
});

it('merges two identified members on request and splits them again', async () => {
  const a = (await get<{ members: { id: string }[] }>('/v1/members?query=m1')).body.members[0]!.id;
  const b = (await get<{ members: { id: string }[] }>('/v1/members?query=wx-1')).body.members[0]!.id;
  expect(a).not.toBe(b);
  const merged = await post<{ memberId: string; merged: string[] }>('/v1/members/merge', { memberIds: [a, b] });
  expect(merged.status).toBe(200);
  const survivor = merged.body.memberId;
  const gone = survivor === a ? b : a;
  const viaOld = await get<Profile>(`/v1/members/${gone}`);
  expect(viaOld.body).toMatchObject({ id: survivor, redirectedFrom: gone, eventCount: 28 });

  const split = await post<{ memberId: string; newMemberId: string }>(`/v1/members/${survivor}/unmerge`, { identity: { platform: 'wechat', kind: 'user_id', value: 'wx-1' } });
  expect(split.status).toBe(200);
  const fresh = await get<Profile>(`/v1/members/${split.body.newMemberId}`);
  expect(fresh.body).toMatchObject({ eventCount: 2, firstSeen: '2026-03-05T00:00:00.000Z' });
  const bad = await post<{ error: { code: string; field: string } }>(`/v1/members/${split.body.newMemberId}/unmerge`, { identity: { platform: 'wechat', kind: 'user_id', value: 'wx-1' } });
  expect(bad.status).toBe(409);
});

it('answers 404 for unknown members and 400 for bad parameters', async () => {
  expect((await get('/v1/members/mem_zzzzzz')).status).toBe(404);
  expect((await get('/v1/members/not-an-id')).status).toBe(404);
  const bad = await get<{ error: { code: string; field: string } }>('/v1/members?limit=5000');
  expect(bad.status).toBe(400);
  expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'limit' });
});

it('publishes an OpenAPI document generated from the schemas, and the docs page', async () => {
  const doc = (await (await fetch(app.url + '/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  expect(doc.openapi).toBe('3.1.0');
  for (const p of ['/v1/batch', '/v1/track', '/v1/identify', '/v1/alias', '/v1/members', '/v1/members/{id}', '/v1/members/{id}/events', '/v1/members/merge', '/v1/members/{id}/unmerge', '/v1/stats/overview', '/v1/status']) {
    expect(doc.paths, p).toHaveProperty([p]);
  }
  expect(doc.components.schemas).toHaveProperty('MemberProfile');
  const html = await (await fetch(app.url + '/docs')).text();
  expect(html).toContain('swagger-ui');
  expect((await fetch(app.url + '/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
});
