/** Identity resolution: hand-worked cases of chains, cross-platform verified merges, PostHog's guard, unmerge, replay. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberPublicId } from '../../src/core/index.ts';
import { mergeMembers, replayIdentities, unmergeIdentity } from '../../src/members/index.ts';
import { postgresUrl } from '../helpers/postgres.ts';
import { openTestRowStore, type TestRowStore } from '../helpers/stores.ts';

// The same contract on every row-store engine (Kysely's habit): SQLite always, PostgreSQL when one is available.
const pgUrl = postgresUrl();
const engines = [{ name: 'sqlite', url: undefined as string | undefined }, { name: 'postgres', url: pgUrl }];

let t: TestRowStore;

/** The partition of identities into live members, as sorted strings: independent of member ids. */
async function partition(): Promise<string[]> {
  const rows = await t.store.db
    .selectFrom('identities')
    .select(['member_id', 'platform', 'kind', 'value'])
    .where('workspace_id', '=', t.workspaceId)
    .execute();
  const by = new Map<number, string[]>();
  for (const r of rows) by.set(r.member_id, [...(by.get(r.member_id) ?? []), `${r.platform}/${r.kind}/${r.value}`]);
  return [...by.values()].map((v) => v.sort().join(' + ')).sort();
}

async function memberOf(platform: string, kind: string, value: string): Promise<number> {
  const r = await t.store.db
    .selectFrom('identities')
    .select('member_id')
    .where('workspace_id', '=', t.workspaceId)
    .where('platform', '=', platform)
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirstOrThrow();
  return r.member_id;
}

async function liveMembers(): Promise<{ id: number; event_count: number; target_count: number; first_seen: number | null; last_seen: number | null }[]> {
  return t.store.db
    .selectFrom('members')
    .select(['id', 'event_count', 'target_count', 'first_seen', 'last_seen'])
    .where('workspace_id', '=', t.workspaceId)
    .where('merged_into', 'is', null)
    .orderBy('id')
    .execute();
}

const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();

describe.each(engines)('identity resolution on $name', ({ name, url }) => {
  beforeEach(async (ctx) => {
    if (name === 'postgres' && !url) return ctx.skip();
    t = await openTestRowStore(url ? { postgresUrl: url } : {});
  });
  afterEach(async () => {
    const open = t as TestRowStore | undefined;
    t = undefined as unknown as TestRowStore;
    await open?.close();
  });

  it('links an anonymous visitor to the user who identifies, retroactively', async () => {
    await t.ingest([
      { type: 'track', anonymousId: 'a1', event: 'page_viewed', timestamp: at(1) },
      { type: 'track', anonymousId: 'a1', event: 'page_viewed', timestamp: at(2) },
    ]);
    await t.ingest([{ type: 'identify', anonymousId: 'a1', userId: 'u1', traits: { name: 'Li Lei' }, timestamp: at(3) }]);
    expect(await partition()).toEqual(['app/anonymous_id/a1 + app/user_id/u1']);
    const [m] = await liveMembers();
    expect(m).toMatchObject({ event_count: 3, first_seen: Date.parse(at(1)) * 1000, last_seen: Date.parse(at(3)) * 1000 });
  });

  it('merges chains across batches: A~B then B~C gives one member holding all events', async () => {
    await t.ingest([{ type: 'track', anonymousId: 'A', event: 'x', timestamp: at(1) }]);
    await t.ingest([{ type: 'track', anonymousId: 'C', event: 'x', timestamp: at(2) }]);
    await t.ingest([{ type: 'identify', anonymousId: 'A', userId: 'B', timestamp: at(3) }]);
    await t.ingest([{ type: 'alias', userId: 'B', previousId: 'C', timestamp: at(4) }]);
    expect(await partition()).toEqual(['app/anonymous_id/A + app/anonymous_id/C + app/user_id/B']);
    const live = await liveMembers();
    expect(live).toHaveLength(1);
    expect(live[0]!.event_count).toBe(4);
    const events = await t.store.db.selectFrom('events').select('member_id').distinct().execute();
    expect(events.map((e) => e.member_id)).toEqual([live[0]!.id]);
    const merges = await t.store.db.selectFrom('member_merges').selectAll().execute();
    // A~B needed no merge (B was new, so it joined A's member); B~C merged two stored members.
    expect(merges.map((m) => m.reason)).toEqual(['alias']);
  });

  it('merges a chain inside one batch as well', async () => {
    await t.ingest([
      { type: 'track', anonymousId: 'A', event: 'x', timestamp: at(1) },
      { type: 'track', anonymousId: 'C', event: 'x', timestamp: at(2) },
      { type: 'identify', anonymousId: 'A', userId: 'B', timestamp: at(3) },
      { type: 'identify', anonymousId: 'C', userId: 'B', timestamp: at(4) },
    ]);
    expect(await partition()).toEqual(['app/anonymous_id/A + app/anonymous_id/C + app/user_id/B']);
    expect((await liveMembers())[0]!.event_count).toBe(4);
  });

  it('merges members of two platforms that share a verified email, normalised', async () => {
    await t.ingest([{ type: 'identify', userId: 'gh-7', traits: { email: ' Mei@Example.COM', email_verified: true }, timestamp: at(1) }], 'github');
    await t.ingest([{ type: 'identify', userId: 'wx-9', traits: { email: 'mei@example.com', emailVerified: true }, timestamp: at(2) }], 'wechat');
    expect(await partition()).toEqual(['github/email/mei@example.com + github/user_id/gh-7 + wechat/email/mei@example.com + wechat/user_id/wx-9']);
  });

  it('merges by a verified phone written in different formats (E.164)', async () => {
    await t.ingest([{ type: 'identify', userId: 'p1', traits: { phone: '138 0013 8000', phone_verified: true } }], 'app');
    await t.ingest([{ type: 'identify', userId: 'p2', traits: { phone: '+86-13800138000', phone_verified: true } }], 'wechat');
    expect(await partition()).toEqual(['app/phone/+8613800138000 + app/user_id/p1 + wechat/phone/+8613800138000 + wechat/user_id/p2']);
  });

  it('does not merge on an unverified email', async () => {
    await t.ingest([{ type: 'identify', userId: 'gh-7', traits: { email: 'mei@example.com' } }], 'github');
    await t.ingest([{ type: 'identify', userId: 'wx-9', traits: { email: 'mei@example.com', email_verified: true } }], 'wechat');
    expect(await partition()).toHaveLength(2);
  });

  it('refuses to merge two identified members implicitly (different user ids on one platform) and says so', async () => {
    await t.ingest([{ type: 'identify', userId: 'u1', traits: { email: 'x@y.cn', email_verified: true } }]);
    await t.ingest([{ type: 'identify', userId: 'u2' }]);
    const r = await t.ingest([{ type: 'alias', userId: 'u2', previousId: 'u1' }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['merge_refused']);
    const r2 = await t.ingest([{ type: 'identify', userId: 'u2', traits: { email: 'x@y.cn', email_verified: true } }]);
    expect(r2.warnings.map((w) => w.code)).toEqual(['merge_refused', 'identity_taken']);
    expect(await partition()).toEqual(['app/email/x@y.cn + app/user_id/u1', 'app/user_id/u2']);
  });

  it('merges two identified members on an explicit request, and unmerge splits an identity back out with its events', async () => {
    await t.ingest([
      { type: 'track', userId: 'u1', event: 'post_created', timestamp: at(1) },
      { type: 'track', userId: 'u2', event: 'post_created', timestamp: at(2) },
      { type: 'track', userId: 'u2', event: 'comment_created', timestamp: at(3) },
      { type: 'track', userId: 'u3', event: 'post_liked', target: { userId: 'u2' }, timestamp: at(4) },
    ]);
    const u1 = await memberOf('app', 'user_id', 'u1');
    const u2 = await memberOf('app', 'user_id', 'u2');
    const ctx = { store: t.store, now: Date.now() * 1000 };
    const merged = await mergeMembers(ctx, t.workspaceId, [memberPublicId(u2), memberPublicId(u1)]);
    expect(merged.memberId).toBe(Math.min(u1, u2));
    expect(await partition()).toEqual(['app/user_id/u1 + app/user_id/u2', 'app/user_id/u3']);
    const after = (await liveMembers()).find((m) => m.id === merged.memberId)!;
    expect(after).toMatchObject({ event_count: 3, target_count: 1 });

    const split = await unmergeIdentity(ctx, t.workspaceId, memberPublicId(u1), { platform: 'app', kind: 'user_id', value: 'u2' });
    expect(await partition()).toEqual(['app/user_id/u1', 'app/user_id/u2', 'app/user_id/u3']);
    const live = await liveMembers();
    expect(live.find((m) => m.id === split.newMemberId)).toMatchObject({ event_count: 2, target_count: 1, first_seen: Date.parse(at(2)) * 1000 });
    // The $merge/$unmerge operations are logged, but count as no member's activity.
    expect(live.find((m) => m.id === split.memberId)).toMatchObject({ event_count: 1, target_count: 0 });

    // A split pair is not merged again automatically.
    const r = await t.ingest([{ type: 'alias', userId: 'u1', previousId: 'u2' }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['merge_refused']);
  });

  it('keeps a hidden actor: an event about a member with no actor', async () => {
    await t.ingest([{ type: 'identify', userId: 'owner' }]);
    const r = await t.ingest([{ type: 'track', event: 'post_upvoted', target: { userId: 'owner' }, properties: { post_id: 1 } }]);
    expect(r.accepted).toBe(1);
    const ev = await t.store.db.selectFrom('events').selectAll().where('name', '=', 'post_upvoted').executeTakeFirstOrThrow();
    expect(ev.member_id).toBeNull();
    expect(ev.target_member_id).toBe(await memberOf('app', 'user_id', 'owner'));
  });

  it('a replay of all events reproduces the same members, counters included', async () => {
    await t.ingest([
      { type: 'track', anonymousId: 'a1', event: 'page_viewed', timestamp: at(1) },
      { type: 'identify', anonymousId: 'a1', userId: 'u1', traits: { email: 'one@x.cn', email_verified: true }, timestamp: at(2) },
      { type: 'identify', userId: 'w1', traits: { email: 'one@x.cn', email_verified: true }, platform: 'wechat', timestamp: at(3) },
      { type: 'identify', userId: 'u2', traits: { email: 'one@x.cn', email_verified: true }, timestamp: at(4) },
      { type: 'track', anonymousId: 'a2', event: 'page_viewed', timestamp: at(5) },
      { type: 'alias', userId: 'u3', previousId: 'a2', timestamp: at(6) },
      { type: 'track', userId: 'u3', event: 'post_liked', target: { userId: 'u1' }, timestamp: at(7) },
    ]);
    const ctx = { store: t.store, now: Date.now() * 1000 };
    await mergeMembers(ctx, t.workspaceId, [memberPublicId(await memberOf('app', 'user_id', 'u2')), memberPublicId(await memberOf('app', 'user_id', 'u3'))]);
    await t.ingest([{ type: 'track', userId: 'u4', event: 'x', timestamp: at(8) }, { type: 'identify', userId: 'u4', anonymousId: 'a4', timestamp: at(9) }]);
    await unmergeIdentity(ctx, t.workspaceId, memberPublicId(await memberOf('app', 'user_id', 'u1')), { platform: 'wechat', kind: 'user_id', value: 'w1' });

    const before = await partition();
    const countersBefore = (await liveMembers()).map(({ id: _id, ...c }) => c).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const report = await replayIdentities(t.store, t.workspaceId, Date.now() * 1000, 3);
    expect(report.events).toBe(11);
    expect(await partition()).toEqual(before);
    const countersAfter = (await liveMembers()).map(({ id: _id, ...c }) => c).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(countersAfter).toEqual(countersBefore);
  });
});
