/** The level engine on hand-computed cases: point thresholds, privileges, progress, local days, counters' edges. */
import { describe, expect, it } from 'vitest';
import { MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { LevelEngine, levelLadder, type LevelChange, type LevelLadderInput, type MemberLevelState } from '../../src/gamification/levels/index.ts';

const DAY = 86_400_000_000;
const HOUR = 3_600_000_000;
const BASE = Date.UTC(2024, 0, 1) * 1000;
const at = (day: number, hour = 12) => BASE + day * DAY + hour * HOUR;

let seq = 0;
function ev(name: string, ts: number, memberId: number | null, targetMemberId: number | null = null, properties: Record<string, unknown> = {}): GamificationEvent {
  seq++;
  return { eventId: `e${String(seq).padStart(6, '0')}`, type: 'track', name, ts, platform: 'test', memberId, targetMemberId, properties };
}

const engineOf = (ladder: LevelLadderInput, timeZone = 'UTC') => new LevelEngine(levelLadder.parse(ladder), { timeZone });
const n = (en: string) => ({ en, zh: en });

const points: LevelLadderInput = {
  levels: [
    { id: 'bronze', name: n('Bronze'), privileges: ['vote_up'], requirements: [{ kind: 'points', min: 10 }] },
    { id: 'silver', name: n('Silver'), privileges: ['comment_everywhere', 'vote_up'], requirements: [{ kind: 'points', min: 100 }] },
    { id: 'gold', name: n('Gold'), privileges: ['vote_down'], requirements: [{ kind: 'points', min: 1000 }] },
  ],
};

/** Applies `earn` events carrying the new balance in `balance`; returns member 1's changes. */
function walkBalances(engine: LevelEngine, balances: number[]): LevelChange[] {
  const state = new MapState();
  const out: LevelChange[] = [];
  balances.forEach((b, i) => out.push(...engine.apply(ev('earn', at(i), 1), state, () => b)));
  return out;
}

describe('point thresholds (no policy: promote and demote immediately)', () => {
  it('moves up and down with the balance, one change per evaluation even across several levels', () => {
    const changes = walkBalances(engineOf(points), [5, 10, 99, 150, 1200, 50, 9]);
    expect(changes.map((c) => [c.from, c.to, c.direction, c.at])).toEqual([
      [null, 'bronze', 'up', at(1)],
      ['bronze', 'silver', 'up', at(3)],
      ['silver', 'gold', 'up', at(4)],
      ['gold', 'bronze', 'down', at(5)],
      ['bronze', null, 'down', at(6)],
    ]);
    expect(changes[3]!.reason).toBe('points 50 < 1000');
  });

  it('names every level passed in a jump', () => {
    const [c] = walkBalances(engineOf(points), [5000]);
    expect(c).toMatchObject({ from: null, to: 'gold', reason: 'requirements of bronze, silver, gold met' });
  });

  it('never demotes levels marked never (a Stack Exchange-like ladder configured to keep privileges)', () => {
    const keep = { levels: points.levels!.map((l) => ({ ...l, demotion: { kind: 'never' as const } })) };
    expect(walkBalances(engineOf(keep), [150, 0]).map((c) => c.to)).toEqual(['silver']);
  });

  it('holds the union of the privileges of its level and all below, each once', () => {
    const engine = engineOf(points);
    const state = new MapState();
    engine.apply(ev('earn', at(0), 1), state, () => 1000);
    expect(engine.level(1, state)).toEqual({ level: 'gold', since: at(0), privileges: ['vote_up', 'comment_everywhere', 'vote_down'] });
    expect(engine.hasPrivilege(1, 'comment_everywhere', state)).toBe(true);
    expect(engine.level(2, state)).toEqual({ level: null, since: null, privileges: [] });
    expect(engine.privilegesOf('bronze')).toEqual(['vote_up']);
  });

  it('re-evaluates on evaluate() with a new balance (the daily job), and not before the member’s clock', () => {
    const engine = engineOf(points);
    const state = new MapState();
    engine.apply(ev('earn', at(3), 1), state, () => 150);
    expect(engine.evaluate(1, at(5), state, 150)).toBeNull();
    // A stale `now` is evaluated at the member's last change instead: the change is never dated before it.
    expect(engine.evaluate(1, at(1), state, 20)).toMatchObject({ from: 'silver', to: 'bronze', at: at(3) });
  });
});

describe('a requirement-free first level', () => {
  it('is entered on the first event of the member, as a change from no level', () => {
    const engine = engineOf({ levels: [{ id: 'newcomer', name: n('Newcomer'), privileges: ['post'] }, points.levels![0]!] });
    const state = new MapState();
    expect(engine.apply(ev('anything', at(0), 7), state, () => 0)).toEqual([
      { memberId: 7, from: null, to: 'newcomer', at: at(0), direction: 'up', reason: 'requirements of newcomer met' },
    ]);
    expect(engine.apply(ev('anything', at(1), 7), state, () => 0)).toEqual([]);
  });
});

describe('progress', () => {
  const ladder: LevelLadderInput = {
    levels: [
      { id: 'newcomer', name: n('Newcomer') },
      {
        id: 'active',
        name: n('Active'),
        requirements: [
          { kind: 'points', min: 100 },
          { kind: 'count', id: 'posts_30d', events: ['post_created'], windowDays: 30, min: 3 },
          { kind: 'active_days', id: 'days_30d', events: ['post_created', 'check_in'], windowDays: 30, min: 4 },
          { kind: 'count', id: 'likes_received', events: ['post_liked'], role: 'target', othersOnly: true, min: 2 },
        ],
      },
    ],
  };

  it('lists what the next level needs, with values as of now', () => {
    const engine = engineOf(ladder);
    const state = new MapState();
    const events = [
      ev('post_created', at(0), 1),
      ev('post_created', at(0, 13), 1),
      ev('check_in', at(2), 1),
      ev('post_liked', at(3), 1, 1), // a self-like: not counted (othersOnly)
      ev('post_liked', at(3), 2, 1),
    ];
    for (const e of events) engine.apply(e, state, () => 40);
    expect(engine.progress(1, at(20), state, 40)).toEqual([
      { requirement: 'points', value: 40, needed: 100, met: false },
      { requirement: 'posts_30d', value: 2, needed: 3, met: false },
      { requirement: 'days_30d', value: 2, needed: 4, met: false },
      { requirement: 'likes_received', value: 1, needed: 2, met: false },
    ]);
    engine.apply(ev('post_created', at(40), 1), state, () => 40);
    // Day 40 (window 11–40): the posts of day 0 have left the window.
    expect(engine.progress(1, at(40, 23), state, 40).map((p) => p.value)).toEqual([40, 1, 1, 1]);
  });

  it('shows the top level’s requirements to a member on it', () => {
    const engine = engineOf(points);
    const state = new MapState();
    engine.apply(ev('earn', at(0), 1), state, () => 2000);
    expect(engine.progress(1, at(0), state, 2000)).toEqual([{ requirement: 'points', value: 2000, needed: 1000, met: true }]);
  });
});

describe('local days', () => {
  const twoDays: LevelLadderInput = {
    levels: [{ id: 'regular', name: n('Regular'), requirements: [{ kind: 'active_days', events: ['visit'], windowDays: 7, min: 2 }] }],
  };
  // 15:30 and 16:30 UTC on 1 January: the same day in UTC, 23:30 on 1 January and 00:30 on 2 January in Shanghai.
  const visits = () => [ev('visit', Date.UTC(2024, 0, 1, 15, 30) * 1000, 1), ev('visit', Date.UTC(2024, 0, 1, 16, 30) * 1000, 1)];

  it('counts days visited in the workspace time zone', () => {
    const engine = engineOf(twoDays, 'Asia/Shanghai');
    const state = new MapState();
    expect(visits().flatMap((e) => engine.apply(e, state, () => 0)).map((c) => c.to)).toEqual(['regular']);
  });

  it('gives one day in UTC for the same two instants', () => {
    const engine = engineOf(twoDays, 'UTC');
    const state = new MapState();
    expect(visits().flatMap((e) => engine.apply(e, state, () => 0))).toEqual([]);
  });

  it('slides the window at local midnight', () => {
    // Visits on Shanghai days 1 and 2 January; the 7-day window ending 8 January (Shanghai) still holds 2 January only.
    const engine = engineOf(twoDays, 'Asia/Shanghai');
    const state = new MapState();
    for (const e of visits()) engine.apply(e, state, () => 0);
    // 7 January 23:59 Shanghai = 15:59 UTC: window 1–7 January holds both days.
    expect(engine.evaluate(1, Date.UTC(2024, 0, 7, 15, 59) * 1000, state, 0)).toBeNull();
    // 8 January 00:01 Shanghai = 7 January 16:01 UTC: window 2–8 January: one day, demoted (immediate).
    expect(engine.evaluate(1, Date.UTC(2024, 0, 7, 16, 1) * 1000, state, 0)).toMatchObject({ to: null, direction: 'down' });
  });
});

describe('counters', () => {
  it('takes a share of the community-wide count, rounded as Discourse does, at most the cap', () => {
    const engine = engineOf({
      levels: [
        {
          id: 'reader',
          name: n('Reader'),
          requirements: [{ kind: 'count', id: 'topics_viewed', events: ['topic_viewed'], windowDays: 10, communityShare: { share: 0.25, of: ['topic_created'], cap: 3 } }],
        },
      ],
    });
    const state = new MapState();
    const progress = () => engine.progress(1, at(0, 23), state, 0)[0]!;
    for (let i = 0; i < 6; i++) engine.apply(ev('topic_created', at(0, 1), 2), state, () => 0);
    // round(6 × 0.25) = round(1.5) = 2.
    expect(progress()).toMatchObject({ value: 0, needed: 2 });
    for (let i = 0; i < 20; i++) engine.apply(ev('topic_created', at(0, 1), 3), state, () => 0);
    expect(progress()).toMatchObject({ needed: 3 }); // 26 × 0.25 = 6.5, capped at 3
    expect(engine.memberStateKeys(1)).toEqual(['lvl:levels:m:1', 'lvl:levels:community']);
  });

  it('keeps distinct values exact up to the bound and no more than the bound in state', () => {
    const engine = engineOf({
      levels: [{ id: 'helper', name: n('Helper'), requirements: [{ kind: 'distinct', id: 'topics', events: ['reply'], windowDays: 10, by: { kind: 'property', name: 'topic_id' }, min: 3 }] }],
    });
    const state = new MapState();
    const changes = ['a', 'b', 'a', 'c', 'd', 'e'].flatMap((t, day) => engine.apply(ev('reply', at(day), 1, null, { topic_id: t }), state, () => 0));
    expect(changes.map((c) => [c.to, c.at])).toEqual([['helper', at(3)]]);
    const s = state.get<MemberLevelState>('lvl:levels:m:1')!;
    expect(Object.values(s.distinct)[0]).toEqual([['e', 5], ['d', 4], ['c', 3]].map(([v, d]) => [v, (BASE / DAY) + (d as number)]));
    // Day 13 (window 4–13): d and e; 2 < 3 → lost (immediate).
    expect(engine.evaluate(1, at(13), state, 0)).toMatchObject({ to: null, reason: 'topics 2 < 3' });
  });

  it('treats a max as a ceiling that is lost as soon as it is passed', () => {
    const engine = engineOf({
      levels: [
        { id: 'member', name: n('Member') },
        {
          id: 'trusted',
          name: n('Trusted'),
          requirements: [{ kind: 'distinct', id: 'flagged_posts', events: ['flag_agreed'], role: 'target', windowDays: 100, by: { kind: 'property', name: 'post_id' }, max: 1 }],
          demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 0 },
        },
      ],
    });
    const state = new MapState();
    const changes = [
      ev('visit', at(0), 1),
      ev('flag_agreed', at(1), 2, 1, { post_id: 'p1' }),
      ev('flag_agreed', at(2), 3, 1, { post_id: 'p1' }),
      ev('flag_agreed', at(3), 2, 1, { post_id: 'p2' }),
    ].flatMap((e) => engine.apply(e, state, () => 0)).filter((c) => c.memberId === 1);
    expect(changes.map((c) => [c.to, c.at, c.reason])).toEqual([
      ['trusted', at(0), 'requirements of member, trusted met'],
      ['member', at(3), 'flagged_posts 2 > 1'],
    ]);
  });

  it('sums a numeric property and ignores what is not a positive number', () => {
    const engine = engineOf({ levels: [{ id: 'reader', name: n('Reader'), requirements: [{ kind: 'count', id: 'read', events: ['read'], sum: 'seconds', min: 600 }] }] });
    const state = new MapState();
    for (const seconds of [300, -50, 'x', '250.5', null]) engine.apply(ev('read', at(0), 1, null, { seconds }), state, () => 0);
    expect(engine.progress(1, at(0), state, 0)[0]).toMatchObject({ value: 550.5, met: false });
  });

  it('counts only days whose summed property is positive when active_days has a sum (visits with posts read)', () => {
    const engine = engineOf({
      levels: [
        {
          id: 'x',
          name: n('X'),
          requirements: [
            { kind: 'active_days', id: 'reading_days', events: ['day_visited'], sum: 'posts_read', windowDays: 10, min: 2 },
            { kind: 'active_days', id: 'reading_days_ever', events: ['day_visited'], sum: 'posts_read', min: 2 },
            { kind: 'active_days', id: 'visits', events: ['day_visited'], windowDays: 10, min: 3 },
          ],
        },
      ],
    });
    const state = new MapState();
    for (const [day, postsRead] of [[0, 4], [1, 0], [2, 0], [3, 7]] as const) engine.apply(ev('day_visited', at(day), 1, null, { posts_read: postsRead }), state, () => 0);
    expect(engine.progress(1, at(3), state, 0).map((p) => [p.requirement, p.value])).toEqual([['reading_days', 2], ['reading_days_ever', 2], ['visits', 4]]);
  });

  it('counts a late event into its day while it is inside the ring', () => {
    const engine = engineOf({ levels: [{ id: 'x', name: n('X'), requirements: [{ kind: 'count', id: 'c', events: ['post'], windowDays: 5, min: 3 }] }] });
    const state = new MapState();
    engine.apply(ev('post', at(10), 1), state, () => 0);
    engine.apply(ev('post', at(8), 1), state, () => 0); // inside days 6–10
    engine.apply(ev('post', at(2), 1), state, () => 0); // outside the ring: dropped
    expect(engine.progress(1, at(10), state, 0)[0]).toMatchObject({ value: 2 });
    // Rings are sparse (day, count) pairs, newest first: days 10 and 8, one post each.
    const ring = Object.values(state.get<MemberLevelState>('lvl:levels:m:1')!.daily)[0]!;
    expect([ring.length, ring[0]! - ring[2]!, ring[1], ring[3]]).toEqual([4, 2, 1, 1]);
  });

  it('keeps only the days inside the longest window in a ring', () => {
    const engine = engineOf({ levels: [{ id: 'x', name: n('X'), requirements: [{ kind: 'active_days', id: 'd', events: ['visit'], windowDays: 7, min: 7 }] }] });
    const state = new MapState();
    for (let d = 0; d < 30; d += 2) engine.apply(ev('visit', at(d), 1), state, () => 0);
    // Visits on days 28, 26, 24 and 22 are inside the 7 days ending on day 28: four (day, 1) pairs, newest first.
    const ring = Object.values(state.get<MemberLevelState>('lvl:levels:m:1')!.daily)[0]!;
    expect(ring.filter((_, i) => i % 2 === 1)).toEqual([1, 1, 1, 1]);
    expect(ring.filter((_, i) => i % 2 === 0).map((d) => ring[0]! - d)).toEqual([0, 2, 4, 6]);
    engine.apply(ev('visit', at(100), 1), state, () => 0);
    expect(Object.values(state.get<MemberLevelState>('lvl:levels:m:1')!.daily)[0]!.length).toBe(2);
  });
});

describe('state keys and event names', () => {
  it('names the actor’s and the target’s keys, and the counted events', () => {
    const engine = engineOf({
      id: 'club',
      levels: [{ id: 'x', name: n('X'), requirements: [{ kind: 'count', events: ['post_liked', 'post_created'], role: 'target', min: 1 }, { kind: 'points', min: 1 }] }],
    });
    expect(engine.eventNames()).toEqual(['post_created', 'post_liked']);
    expect(engine.stateKeys(ev('post_liked', at(0), 1, 2))).toEqual(['lvl:club:m:1', 'lvl:club:m:2']);
    expect(engine.stateKeys(ev('post_liked', at(0), null, 2))).toEqual(['lvl:club:m:2']);
    expect(engine.stateKeys(ev('post_liked', at(0), 3, 3))).toEqual(['lvl:club:m:3']);
  });

  it('writes state only for members whose counters or level changed', () => {
    const engine = engineOf(points);
    const state = new MapState();
    engine.apply(ev('earn', at(0), 1, 2), state, () => 0);
    expect([...state.changed]).toEqual([]);
    engine.apply(ev('earn', at(0), 1, 2), state, (id) => (id === 2 ? 10 : 0));
    expect([...state.changed]).toEqual(['lvl:levels:m:2']);
  });
});
