/** Workspace isolation: a key reads and writes only its own workspace. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { authHeaders } from '../helpers/server.ts';

let app: TestApp;
let other: { admin: string; write: string };
beforeAll(async () => {
  app = await startTestApp({ workspace: 'alpha' });
  const ws = await app.sheyun.workspaces.ensure('beta', 'Europe/Berlin');
  other = {
    admin: (await app.sheyun.workspaces.createKey(ws.id, 'admin')).key,
    write: (await app.sheyun.workspaces.createKey(ws.id, 'write')).key,
  };
});
afterAll(async () => {
  await app.close();
});

const get = async (path: string, key: string) => fetch(app.url + path, { headers: authHeaders(key) });
const send = (key: string, userId: string) =>
  fetch(app.url + '/v1/track', { method: 'POST', headers: authHeaders(key), body: JSON.stringify({ userId, event: 'hello', messageId: `iso-${userId}` }) });

it("one workspace's keys can neither read nor write another's data", async () => {
  expect((await send(app.writeKey, 'alice')).status).toBe(200);
  expect((await send(other.write, 'bob')).status).toBe(200);

  const alpha = (await (await get('/v1/members?query=alice', app.adminKey)).json()) as { members: { id: string }[] };
  expect(alpha.members).toHaveLength(1);
  const aliceId = alpha.members[0]!.id;
  // Beta's admin key cannot see alpha's member, by id or by search.
  expect((await get(`/v1/members/${aliceId}`, other.admin)).status).toBe(404);
  expect((await get(`/v1/members/${aliceId}/events`, other.admin)).status).toBe(404);
  expect(((await (await get('/v1/members?query=alice', other.admin)).json()) as { members: unknown[] }).members).toHaveLength(0);
  // Beta's write key wrote bob into beta only.
  const alphaStatus = (await (await get('/v1/status', app.adminKey)).json()) as { members: number; workspace: string };
  const betaStatus = (await (await get('/v1/status', other.admin)).json()) as { members: number; workspace: string; timeZone: string };
  expect(alphaStatus).toMatchObject({ workspace: 'alpha', members: 1 });
  expect(betaStatus).toMatchObject({ workspace: 'beta', members: 1, timeZone: 'Europe/Berlin' });
  // A merge request naming another workspace's member finds nothing.
  const bob = (await (await get('/v1/members?query=bob', other.admin)).json()) as { members: { id: string }[] };
  const merge = await fetch(app.url + '/v1/members/merge', { method: 'POST', headers: authHeaders(app.adminKey), body: JSON.stringify({ memberIds: [aliceId, bob.members[0]!.id] }) });
  expect(merge.status).toBe(404);
  // Write keys cannot read at all.
  expect((await get('/v1/status', app.writeKey)).status).toBe(403);
});
