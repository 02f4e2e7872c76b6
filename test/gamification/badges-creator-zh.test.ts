/**
 * The Chinese creator preset on the demo generator's community, against a naive oracle written straight from the
 * badge descriptions (sort, count, walk the days): the engine must grant the same badges to the same members on the
 * same Asia/Shanghai days, for the same subjects.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import { BadgeEngine } from '../../src/gamification/badges/engine.ts';
import { dayString, localDayNumber } from '../../src/gamification/day.ts';
import { compareEvents, MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { CREATOR_ZH_BADGES } from '../../src/gamification/presets/creator-zh/badges.ts';

const TZ = 'Asia/Shanghai';

/** Demo messages as engine events; members are numbered per (platform, user id), without identity merging. */
function demoEvents(members: number): GamificationEvent[] {
  const ids = new Map<string, number>();
  const idOf = (platform: string, user: string) => {
    const k = `${platform}:${user}`;
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size + 1));
    return id;
  };
  const out: GamificationEvent[] = [];
  for (const batch of generateDemo({ members, seed: 7, end: new Date('2025-06-30T00:00:00Z') })) {
    for (const m of batch) {
      if (m.type !== 'track' || m.userId === undefined) continue;
      const platform = m.platform ?? 'app';
      const target = m.target?.userId === undefined ? null : idOf(m.target.platform ?? platform, String(m.target.userId));
      out.push({
        eventId: m.messageId!,
        type: 'track',
        name: m.event,
        ts: Date.parse(String(m.timestamp)) * 1000,
        platform,
        memberId: idOf(platform, String(m.userId)),
        targetMemberId: target,
        properties: (m.properties ?? {}) as Record<string, unknown>,
      });
    }
  }
  return out.sort(compareEvents);
}

/** `badge m<member> <day> [#subject]` for every award the descriptions call for, computed the plain way. */
function oracle(events: readonly GamificationEvent[]): string[] {
  const out: string[] = [];
  const day = (e: GamificationEvent) => localDayNumber(e.ts, TZ);
  const grant = (id: string, member: number, e: GamificationEvent, subject?: string) => out.push(`${id} m${member} ${dayString(day(e))}${subject === undefined ? '' : ` #${subject}`}`);
  const byMember = new Map<number, GamificationEvent[]>();
  const of = (m: number) => byMember.get(m) ?? (byMember.set(m, []), byMember.get(m)!);
  for (const e of events) {
    if (e.memberId !== null && ['post_created', 'comment_created', 'check_in', 'purchase'].includes(e.name)) of(e.memberId).push(e);
    if (e.targetMemberId !== null && ['post_liked', 'invite_accepted'].includes(e.name)) of(e.targetMemberId).push(e);
  }
  for (const [m, list] of byMember) {
    const own = (name: string) => list.filter((e) => e.name === name && e.memberId === m);
    const received = (name: string) => list.filter((e) => e.name === name && e.targetMemberId === m);
    const posts = own('post_created');
    if (posts[0]) grant('first-post', m, posts[0]);
    if (posts[49]) grant('prolific-writer', m, posts[49]);
    if (posts[199]) grant('master-writer', m, posts[199]);
    const likes = received('post_liked');
    if (likes[0]) grant('first-like', m, likes[0]);
    const comments = own('comment_created');
    if (comments[19]) grant('commentator', m, comments[19]);
    const lively = comments.find((c, i) => comments.slice(0, i + 1).filter((x) => day(x) > day(c) - 7).length >= 30);
    if (lively) grant('lively-week', m, lively);
    const invites = received('invite_accepted');
    if (invites[0]) grant('first-invite', m, invites[0]);
    if (invites[9]) grant('invite-master', m, invites[9]);
    const purchases = own('purchase');
    if (purchases[0]) grant('first-purchase', m, purchases[0]);
    // Streaks: runs of consecutive check-in days, each with the event that first reached the day.
    let start = NaN;
    let prev = NaN;
    const done = new Set<string>();
    for (const e of own('check_in')) {
      const d = day(e);
      if (d === prev) continue;
      if (d !== prev + 1) start = d;
      prev = d;
      const len = d - start + 1;
      if (len === 7) grant('check-in-7', m, e, dayString(start));
      for (const n of [30, 100]) if (len >= n && !done.has(`${n}`)) (done.add(`${n}`), grant(`check-in-${n}`, m, e));
    }
  }
  // Likes per post: the 10th like grants liked-post for that post; the author's first post to reach 100, popular-author.
  const likesOf = new Map<string, number>();
  const popular = new Set<number>();
  for (const e of events) {
    if (e.name !== 'post_liked' || e.targetMemberId === null) continue;
    const post = String(e.properties['post_id']);
    const n = (likesOf.get(post) ?? 0) + 1;
    likesOf.set(post, n);
    if (n === 10) grant('liked-post', e.targetMemberId, e, post);
    if (n === 100 && !popular.has(e.targetMemberId)) (popular.add(e.targetMemberId), grant('popular-author', e.targetMemberId, e, post));
  }
  return out.sort();
}

describe('creator-zh badges on the demo community', () => {
  it('match a naive oracle of the descriptions, badge by badge', () => {
    const events = demoEvents(4000);
    const engine = new BadgeEngine(CREATOR_ZH_BADGES, { timeZone: TZ });
    const state = new MapState();
    const ours: string[] = [];
    for (const e of events) for (const a of engine.apply(e, state)) ours.push(`${a.badgeId} m${a.memberId} ${a.day}${a.subject === null ? '' : ` #${a.subject}`}`);
    const expected = oracle(events);
    expect(ours.sort()).toEqual(expected);
    const counts = new Map<string, number>();
    for (const line of expected) counts.set(line.split(' ')[0]!, (counts.get(line.split(' ')[0]!) ?? 0) + 1);
    // The comparison is not vacuous: the common badges are earned many times, the streaks and the likes at least once.
    for (const id of ['first-post', 'first-like', 'first-invite', 'first-purchase', 'commentator', 'check-in-7', 'check-in-30', 'liked-post', 'prolific-writer']) {
      expect(counts.get(id) ?? 0, id).toBeGreaterThan(0);
    }
  });
});
