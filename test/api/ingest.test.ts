/** The tracking API over real HTTP: Segment's field names and auth, limits, partial batches, dedupe, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { authHeaders } from '../helpers/server.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const post = (path: string, body: unknown, key = app.writeKey) =>
  fetch(app.url + path, { method: 'POST', headers: authHeaders(key), body: typeof body === 'string' ? body : JSON.stringify(body) });

async function status() {
  const r = await fetch(app.url + '/v1/status', { headers: authHeaders(app.adminKey) });
  return (await r.json()) as { members: number; events: number; eventsByName: Record<string, number>; eventsByType: Record<string, number> };
}

describe('Segment-compatible tracking API', () => {
  it('stores track, identify, alias, page and group calls', async () => {
    const before = await status();
    expect((await post('/v1/identify', { userId: 'seg-1', traits: { name: 'Zhang Wei', email: 'zw@example.com' }, messageId: 'm-id-1' })).status).toBe(200);
    expect((await post('/v1/track', { userId: 'seg-1', event: 'Order Completed', properties: { revenue: 39.9 }, messageId: 'm-tr-1' })).status).toBe(200);
    expect((await post('/v1/page', { anonymousId: 'anon-9', name: 'Pricing', messageId: 'm-pg-1' })).status).toBe(200);
    expect((await post('/v1/alias', { userId: 'seg-1', previousId: 'anon-9', messageId: 'm-al-1' })).status).toBe(200);
    expect((await post('/v1/group', { userId: 'seg-1', groupId: 'g1', traits: { name: 'Acme' }, messageId: 'm-gr-1' })).status).toBe(200);
    const after = await status();
    expect(after.events - before.events).toBe(5);
    expect(after.eventsByName['Order Completed']).toBe(1);
    expect(after.eventsByType['page']).toBe(1);
    // anon-9 was aliased to seg-1: one member
    expect(after.members - before.members).toBe(1);
  });

  it('stores the valid messages of a batch and lists each rejected one with index, code and field', async () => {
    const res = await post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'b1', event: 'ok_one', messageId: 'b-ok-1' },
        { type: 'track', event: 'no_identity', messageId: 'b-bad-1' },
        { type: 'track', userId: 'b1', event: 'x'.repeat(300), messageId: 'b-bad-2' },
        { type: 'track', userId: 'b1', event: 'future', timestamp: new Date(Date.now() + 7 * 86_400_000).toISOString(), messageId: 'b-bad-3' },
        { type: 'track', userId: 'b1', event: 'old', timestamp: '2015-03-01T00:00:00Z', messageId: 'b-ok-2' },
        { type: 'teleport', userId: 'b1', messageId: 'b-bad-4' },
        { type: 'track', userId: 'b1', event: 'bad_ts', timestamp: 'yesterday-ish', messageId: 'b-bad-5' },
        { type: 'track', userId: 'b1', event: 'deep', properties: { s: 'y'.repeat(9000) }, messageId: 'b-bad-6' },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: { index: number; code: string; field?: string }[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => [r.index, r.code, r.field])).toEqual([
      [1, 'missing_identity', 'userId'],
      [2, 'too_long', 'event'],
      [3, 'timestamp_in_future', 'timestamp'],
      [5, 'invalid_type', 'type'],
      [6, 'invalid_timestamp', 'timestamp'],
      [7, 'too_long', 'properties.s'],
    ]);
    const st = await status();
    expect(st.eventsByName['ok_one']).toBe(1);
    expect(st.eventsByName['old']).toBe(1);
  });

  it('dedupes by message id: a retried batch stores nothing twice', async () => {
    const batch = { batch: [1, 2, 3].map((i) => ({ type: 'track', userId: 'd1', event: 'retry_me', messageId: `dup-${i}` })) };
    const first = (await (await post('/v1/batch', batch)).json()) as { accepted: number; duplicates: number };
    const second = (await (await post('/v1/batch', batch)).json()) as { accepted: number; duplicates: number };
    expect(first).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 3 });
    expect((await status()).eventsByName['retry_me']).toBe(3);
  });

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const res = await post('/v1/batch', '{"batch": [');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('rejects a batch over 500 KB with 413, storing nothing of it', async () => {
    const before = (await status()).events;
    const big = { batch: Array.from({ length: 600 }, (_, i) => ({ type: 'track', userId: 'big', event: 'big', messageId: `big-${i}`, properties: { pad: 'p'.repeat(1000) } })) };
    const res = await post('/v1/batch', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await status()).events).toBe(before);
  });

  it('answers 401 to an unknown key and to no key, 403 to a write key on admin endpoints', async () => {
    const res = await post('/v1/track', { userId: 'x', event: 'x' }, 'sy_w_notakey');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await fetch(app.url + '/v1/batch', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(app.url + '/v1/members', { headers: authHeaders(app.writeKey) })).status).toBe(403);
  });

  it('a single call with an invalid message is a 400 naming the field', async () => {
    const res = await post('/v1/track', { userId: 'x' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_type', field: 'event' } });
  });

  it('rejects a batch that is not a batch with a field', async () => {
    const res = await post('/v1/batch', { batch: 'nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', field: 'batch' } });
  });
});
