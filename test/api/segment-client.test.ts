/** The official Segment Node client, pointed at Sheyun, works unchanged (batching, Basic auth, messageIds). */
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { authHeaders } from '../helpers/server.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

it('accepts identify, track, page, group and alias from @segment/analytics-node', async () => {
  const analytics = new Analytics({ writeKey: app.writeKey, host: app.url, flushAt: 3, maxRetries: 0 });
  const errors: unknown[] = [];
  analytics.on('error', (e) => errors.push(e));
  analytics.identify({ userId: 'sdk-user-1', traits: { name: '王芳', email: 'wangfang@example.com', plan: 'pro' } });
  analytics.track({ userId: 'sdk-user-1', event: 'Post Created', properties: { post_id: 'p1', length: 320 } });
  analytics.track({ anonymousId: 'sdk-anon-1', event: 'Pricing Viewed' });
  analytics.page({ userId: 'sdk-user-1', name: 'Home', properties: { url: 'https://example.com/' } });
  analytics.group({ userId: 'sdk-user-1', groupId: 'team-1', traits: { name: 'Team One' } });
  analytics.alias({ userId: 'sdk-user-1', previousId: 'sdk-anon-1' });
  await analytics.closeAndFlush({ timeout: 10_000 });
  expect(errors).toEqual([]);

  const status = (await (await fetch(app.url + '/v1/status', { headers: authHeaders(app.adminKey) })).json()) as {
    members: number;
    eventsByName: Record<string, number>;
  };
  expect(status.eventsByName).toMatchObject({ $identify: 1, 'Post Created': 1, 'Pricing Viewed': 1, $page: 1, $group: 1, $alias: 1 });
  // The alias joined the anonymous visitor to the user: one member.
  expect(status.members).toBe(1);

  const search = (await (await fetch(app.url + '/v1/members?query=wangfang', { headers: authHeaders(app.adminKey) })).json()) as { members: { id: string; displayName: string; eventCount: number }[] };
  expect(search.members).toHaveLength(1);
  expect(search.members[0]).toMatchObject({ displayName: '王芳', eventCount: 6 });
  const timeline = (await (await fetch(`${app.url}/v1/members/${search.members[0]!.id}/events?limit=10`, { headers: authHeaders(app.adminKey) })).json()) as { events: { name: string; properties: Record<string, unknown> }[] };
  const post = timeline.events.find((e) => e.name === 'Post Created')!;
  expect(post.properties).toEqual({ post_id: 'p1', length: 320 });
});
