/**
 * The three points presets on hand-computed scenarios (Stack Exchange, Discourse, the Chinese creator community),
 * and the creator preset over the demo generator's events: its caps hold for every member and day.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import { localDay } from '../../src/gamification/day.ts';
import { compareEvents, MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { memberBalance, PointsEngine, type LedgerEntry } from '../../src/gamification/points/engine.ts';
import type { PointsRuleSet } from '../../src/gamification/points/rules.ts';
import { creatorZhPoints } from '../../src/gamification/presets/creator-zh/points.ts';
import { discoursePoints } from '../../src/gamification/presets/discourse/points.ts';
import { stackExchangePoints } from '../../src/gamification/presets/stackexchange/points.ts';

let seq = 0;
function ev(name: string, at: string, actor: number | null, target: number | null = null, props: Record<string, unknown> = {}): GamificationEvent {
  seq++;
  return { eventId: `evt_${String(seq).padStart(6, '0')}`, type: 'track', name, ts: Date.parse(at) * 1000, platform: 'test', memberId: actor, targetMemberId: target, properties: props };
}

/** Runs a preset with a Shanghai workspace zone; returns entries as [member, rule, points] (the $start entries left out). */
function run(set: PointsRuleSet, events: GamificationEvent[]) {
  const engine = new PointsEngine(set, { timeZone: 'Asia/Shanghai' });
  const state = new MapState();
  const ledger: LedgerEntry[] = [];
  for (const e of events) ledger.push(...engine.apply(e, state));
  const rows = ledger.filter((x) => x.ruleId !== '$start').map((x) => [x.memberId, x.ruleId, x.points] as const);
  return { ledger, state, rows, balance: (m: number) => memberBalance(state, m) };
}

describe('Stack Exchange preset', () => {
  it('gives +5 for a question upvote before 2019-11-13 and +10 from that day (UTC)', () => {
    const q = { post_id: 1, post_type: 'question' };
    const { rows, balance } = run(stackExchangePoints, [ev('post_upvoted', '2019-11-12T23:00:00Z', null, 7, q), ev('post_upvoted', '2019-11-13T00:00:00Z', null, 7, q)]);
    expect(rows).toEqual([
      [7, 'question_upvoted_5', 5],
      [7, 'question_upvoted', 10],
    ]);
    expect(balance(7)).toBe(16); // starting balance 1
  });

  it('pays accepts to both sides, except self-accepts, and neither counts under the 200 cap', () => {
    const a = { post_id: 2, post_type: 'answer' };
    const day = '2021-06-01T00:00:00Z';
    const upvotes = Array.from({ length: 21 }, () => ev('post_upvoted', day, null, 7, a));
    const { rows, ledger, balance } = run(stackExchangePoints, [...upvotes, ev('answer_accepted', day, 8, 7, a), ev('answer_accepted', day, 9, null, { post_id: 3, post_type: 'answer' })]);
    expect(ledger.filter((x) => x.capped === 'daily')).toHaveLength(1);
    expect(rows.slice(-2)).toEqual([
      [7, 'answer_accepted', 15],
      [8, 'accepted_an_answer', 2],
    ]);
    expect(balance(7)).toBe(1 + 200 + 15);
    expect(balance(9)).toBe(0); // self-accept: no entries at all
  });

  it('takes −2 per downvote down to the floor of 1', () => {
    const q = { post_id: 1, post_type: 'question' };
    const { rows, balance } = run(stackExchangePoints, [ev('post_upvoted', '2021-06-01T00:00:00Z', null, 7, q), ...[1, 2, 3, 4, 5, 6].map(() => ev('post_downvoted', '2021-06-02T00:00:00Z', null, 7, q))]);
    expect(rows.map((r) => r[2])).toEqual([10, -2, -2, -2, -2, -2, 0]);
    expect(balance(7)).toBe(1);
  });

  it('gives nothing for votes on community wiki posts once the post is known', () => {
    const { rows } = run(stackExchangePoints, [
      ev('answer_posted', '2021-06-01T10:00:00Z', 7, null, { post_id: 5, post_type: 'answer', community_owned: true }),
      ev('answer_posted', '2021-06-01T10:00:00Z', 7, null, { post_id: 6, post_type: 'answer', community_owned: false }),
      ev('post_upvoted', '2021-06-02T00:00:00Z', null, 7, { post_id: 5, post_type: 'answer' }),
      ev('post_upvoted', '2021-06-02T00:00:00Z', null, 7, { post_id: 6, post_type: 'answer' }),
      ev('answer_accepted', '2021-06-02T00:00:00Z', 8, 7, { post_id: 5, post_type: 'answer' }),
    ]);
    expect(rows).toEqual([
      [7, 'answer_upvoted', 10],
      [8, 'accepted_an_answer', 2],
    ]);
  });

  it('moves bounties from the offerer to the awardee, outside the cap; an unawarded bounty pays nothing', () => {
    const { rows } = run(stackExchangePoints, [
      ev('bounty_started', '2021-06-01T00:00:00Z', 8, 7, { post_id: 1, post_type: 'question', bounty_amount: 50 }),
      ev('bounty_closed', '2021-06-08T00:00:00Z', null, 9, { post_id: 2, post_type: 'answer', bounty_amount: 50 }),
      ev('bounty_closed', '2021-06-08T00:00:00Z', null, 8, { post_id: 1, post_type: 'question' }),
    ]);
    expect(rows).toEqual([
      [8, 'bounty_offered', 0], // from the starting balance of 1 the floor keeps 1: a real offerer has 75+
      [9, 'bounty_awarded', 50],
    ]);
  });

  it('pays a visible editor +2 per approved edit up to 1,000, and nothing when the editor is hidden', () => {
    const edits = Array.from({ length: 501 }, (_, i) => ev('suggested_edit_approved', `2021-06-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z`, 7, 3, { post_id: i }));
    const { ledger, balance } = run(stackExchangePoints, [...edits.sort(compareEvents), ev('suggested_edit_approved', '2021-07-01T00:00:00Z', null, 3, { post_id: 1 })]);
    expect(balance(7)).toBe(1 + 1000);
    expect(ledger.filter((x) => x.capped === 'lifetime').map((x) => x.points)).toEqual([0]);
    expect(balance(3)).toBe(0);
  });
});

describe('Discourse preset (discourse-gamification defaults)', () => {
  it('scores a visit: 1 for the day, 1 per full minute read, 1 per 5 posts read; one visit a day', () => {
    const { rows } = run(discoursePoints, [ev('day_visited', '2024-01-01T10:00:00Z', 1, null, { time_read: 125, posts_read: 12 }), ev('day_visited', '2024-01-01T20:00:00Z', 1, null, { time_read: 30, posts_read: 4 })]);
    expect(rows).toEqual([
      [1, 'time_read', 2],
      [1, 'post_read', 2],
      [1, 'day_visited', 1],
      [1, 'day_visited', 0],
    ]);
  });

  it('scores topics, posts, likes both ways, solutions, invites and agreed flags; not wikis or private messages', () => {
    const { rows } = run(discoursePoints, [
      ev('topic_created', '2024-01-01T00:00:00Z', 1, null, { topic_id: 10 }),
      ev('post_created', '2024-01-01T00:00:00Z', 1, null, { post_id: 100, topic_id: 10 }),
      ev('post_created', '2024-01-01T00:00:00Z', 1, null, { post_id: 101, topic_id: 10, wiki: true }),
      ev('post_liked', '2024-01-01T00:00:00Z', 2, 1, { post_id: 100, like_id: 1 }),
      ev('post_liked', '2024-01-01T00:00:00Z', 2, 1, { post_id: 102, like_id: 2, private_message: true }),
      ev('solution_accepted', '2024-01-01T00:00:00Z', 2, 1, { post_id: 100 }),
      ev('invite_accepted', '2024-01-01T00:00:00Z', 3, 1, { invite_code: 'abc' }),
      ev('post_flag_agreed', '2024-01-01T00:00:00Z', 1, 9, { post_id: 300 }),
    ]);
    expect(rows).toEqual([
      [1, 'topic_created', 5],
      [1, 'post_created', 2],
      [1, 'like_received', 1],
      [2, 'like_given', 1],
      [1, 'solution', 10],
      [1, 'user_invited', 10],
      [1, 'flag_created', 10],
    ]);
  });

  it('takes back a withdrawn like from both sides, and a deleted post from its author', () => {
    const { rows, balance } = run(discoursePoints, [
      ev('post_created', '2024-01-01T00:00:00Z', 1, null, { post_id: 100 }),
      ev('post_liked', '2024-01-01T01:00:00Z', 2, 1, { post_id: 100, like_id: 1 }),
      ev('post_liked', '2024-01-01T01:00:00Z', 3, 1, { post_id: 100, like_id: 2 }),
      ev('post_unliked', '2024-01-02T00:00:00Z', 2, 1, { post_id: 100, like_id: 1 }),
      ev('post_deleted', '2024-01-03T00:00:00Z', 1, null, { post_id: 100 }),
    ]);
    expect(rows.slice(5)).toEqual([
      [1, 'like_removed', -1],
      [2, 'like_withdrawn', -1],
      [1, 'post_deleted', -2],
      [1, 'post_deleted', -1],
    ]);
    expect([balance(1), balance(2), balance(3)]).toEqual([0, 0, 1]);
  });
});

describe('creator-zh preset', () => {
  it('pays a check-in once per Shanghai day', () => {
    // 15:00 and 15:30 UTC are 23:00 and 23:30 in Shanghai; 16:30 UTC is 00:30 the next day there.
    const { rows } = run(creatorZhPoints, [ev('check_in', '2024-01-01T15:00:00Z', 1), ev('check_in', '2024-01-01T15:30:00Z', 1), ev('check_in', '2024-01-01T16:30:00Z', 1)]);
    expect(rows.map((r) => r[2])).toEqual([2, 0, 2]);
  });

  it('caps each rule per day, the day at 60, and pays the inviter outside the daily cap', () => {
    const day = '2024-01-01T02:00:00Z';
    const events = [
      ...Array.from({ length: 6 }, (_, i) => ev('post_created', day, 1, null, { post_id: `p${i}` })), // 25 (the 6th: 0)
      ...Array.from({ length: 11 }, (_, i) => ev('comment_created', day, 1, 2, { post_id: 'x', comment_id: `c${i}` })), // 20
      ev('check_in', day, 1), // 2
      ...Array.from({ length: 14 }, () => ev('post_liked', day, 3, 1, { post_id: 'p0' })), // 13 until the day reaches 60
      ev('invite_accepted', day, 4, 1, { inviter_id: 'u1', invite_code: 'i1' }), // +20, exempt
    ];
    const { ledger, balance } = run(creatorZhPoints, events);
    expect(ledger.map((x) => x.capped).filter((c) => c !== null)).toEqual(['rule_day', 'rule_day', 'daily']);
    expect(balance(1)).toBe(60 + 20);
    expect(ledger.at(-1)).toMatchObject({ memberId: 1, ruleId: 'invite_accepted', points: 20, category: 'growth' });
  });

  it('takes back a deleted post and its likes from the author, whoever deletes it', () => {
    const { rows, balance } = run(creatorZhPoints, [
      ev('post_created', '2024-01-01T02:00:00Z', 1, null, { post_id: 'p1' }),
      ev('post_created', '2024-01-01T02:00:00Z', 1, null, { post_id: 'p2' }),
      ev('post_liked', '2024-01-01T03:00:00Z', 2, 1, { post_id: 'p1' }),
      ev('post_liked', '2024-01-01T03:00:00Z', 3, 1, { post_id: 'p1' }),
      ev('post_deleted', '2024-01-02T03:00:00Z', 9, 1, { post_id: 'p1' }), // a moderator: the author is the target
    ]);
    expect(rows.slice(4)).toEqual([
      [1, 'post_deleted', -5],
      [1, 'post_deleted', -2],
    ]);
    expect(balance(1)).toBe(5);
  });

  it('holds its caps for every member and day of the demo community', () => {
    const ids = new Map<string, number>();
    const idOf = (u: unknown) => {
      if (typeof u !== 'string') return null;
      let v = ids.get(u);
      if (v === undefined) ids.set(u, (v = ids.size + 1));
      return v;
    };
    const events: GamificationEvent[] = [];
    for (const batch of generateDemo({ members: 1500, end: new Date('2025-06-30T00:00:00Z') })) {
      for (const m of batch) {
        if (m.type !== 'track') continue;
        const target = (m as { target?: { userId?: string } }).target;
        events.push({ eventId: m.messageId!, type: 'track', name: m.event, ts: Date.parse(m.timestamp as string) * 1000, platform: m.platform ?? '', memberId: idOf(m.userId), targetMemberId: idOf(target?.userId), properties: (m.properties ?? {}) as Record<string, unknown> });
      }
    }
    events.sort(compareEvents);
    const engine = new PointsEngine(creatorZhPoints, { timeZone: 'Asia/Shanghai' });
    expect(engine.eventNames()).toEqual(['check_in', 'comment_created', 'invite_accepted', 'post_created', 'post_deleted', 'post_liked']);
    const state = new MapState();
    const ledger: LedgerEntry[] = [];
    const byId = new Map(events.map((e) => [e.eventId, e]));
    for (const e of events) ledger.push(...engine.apply(e, state));
    expect(ledger.length).toBeGreaterThan(1000);

    const perDay = new Map<string, number>();
    const perRuleDay = new Map<string, number>();
    const sums = new Map<number, number>();
    for (const x of ledger) {
      expect(x.day).toBe(localDay(x.ts, 'Asia/Shanghai'));
      sums.set(x.memberId, (sums.get(x.memberId) ?? 0) + x.points);
      perRuleDay.set(`${x.memberId}|${x.ruleId}|${x.day}`, (perRuleDay.get(`${x.memberId}|${x.ruleId}|${x.day}`) ?? 0) + x.points);
      if (x.ruleId !== 'invite_accepted') perDay.set(`${x.memberId}|${x.day}`, (perDay.get(`${x.memberId}|${x.day}`) ?? 0) + x.points);
      const e = byId.get(x.eventId)!;
      // Likes and invitations pay the target (the author, the inviter); the rest pay the actor.
      expect(x.memberId).toBe(x.ruleId === 'post_liked' || x.ruleId === 'invite_accepted' ? e.targetMemberId : e.memberId);
    }
    const limits: Record<string, number> = { check_in: 2, post_created: 25, comment_created: 20, post_liked: 50 };
    for (const [k, v] of perRuleDay) {
      const ruleId = k.split('|')[1]!;
      if (limits[ruleId] !== undefined) expect(v).toBeLessThanOrEqual(limits[ruleId]);
    }
    for (const v of perDay.values()) expect(v).toBeLessThanOrEqual(60);
    for (const [m, s] of sums) {
      expect(memberBalance(state, m)).toBe(s);
      expect(s).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(ledger.map((x) => x.key)).size).toBe(ledger.length);
    // The demo's members do check in on consecutive days: some check-ins are paid on many days.
    expect([...perRuleDay.keys()].filter((k) => k.includes('|check_in|')).length).toBeGreaterThan(500);
  });
});
