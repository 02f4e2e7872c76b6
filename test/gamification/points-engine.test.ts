/**
 * The points engine on hand-computed cases, one per semantic of src/gamification/points/README.md: the daily cap
 * with losses freeing room, exempt rules, per-rule day/week/lifetime caps, the floor and the starting balance,
 * effective dates, reversals, time-zone day boundaries, recipients, conditions and facts, and idempotency keys.
 */
import { describe, expect, it } from 'vitest';
import { MapState, type EngineState, type GamificationEvent } from '../../src/gamification/events.ts';
import { memberBalance, PointsEngine, type LedgerEntry } from '../../src/gamification/points/engine.ts';
import { pointsRuleSet, type PointsRuleSetInput } from '../../src/gamification/points/rules.ts';

let seq = 0;
/** An event at an ISO instant; ids increase in creation order, so same-instant events keep the order written. */
function ev(name: string, at: string, o: { actor?: number | null; target?: number | null; props?: Record<string, unknown> } = {}): GamificationEvent {
  seq++;
  return {
    eventId: `evt_${String(seq).padStart(6, '0')}`,
    type: 'track',
    name,
    ts: Date.parse(at) * 1000,
    platform: 'test',
    memberId: o.actor === undefined ? 1 : o.actor,
    targetMemberId: o.target ?? null,
    properties: o.props ?? {},
  };
}

const named = (id: string) => ({ en: id, zh: id });
const rule = (id: string, event: string, points: number | { property: string; factor?: number; round?: 'trunc' | 'floor' | 'ceil' | 'round' }, extra: Record<string, unknown> = {}) => ({
  id,
  name: named(id),
  when: { event },
  points,
  to: 'actor',
  ...extra,
});
const reversal = (id: string, event: string, rules: string[], extra: Record<string, unknown> = {}) => ({ id, name: named(id), when: { event }, to: 'actor', reverses: { rules }, ...extra });

/** Applies events in order to a fresh state and checks the two ledger invariants on the way. */
function run(input: unknown, events: GamificationEvent[], timeZone = 'UTC') {
  const engine = new PointsEngine(pointsRuleSet.parse(input as PointsRuleSetInput), { timeZone });
  const state = new MapState();
  const ledger: LedgerEntry[] = [];
  for (const e of events) ledger.push(...engine.apply(e, state));
  const sums = new Map<number, number>();
  for (const x of ledger) sums.set(x.memberId, (sums.get(x.memberId) ?? 0) + x.points);
  for (const [m, s] of sums) expect(memberBalance(state, m)).toBe(s);
  expect(new Set(ledger.map((x) => x.key)).size).toBe(ledger.length);
  return { engine, state, ledger, pts: ledger.map((x) => x.points), capped: ledger.map((x) => x.capped) };
}

describe('daily cap', () => {
  const set = { dailyCap: { points: 20, exempt: ['accept'] }, rules: [rule('up', 'up', 10), rule('down', 'down', -2), rule('accept', 'accept', 15)] };

  it('limits gains, and a loss lowers the running total so it frees room (Stack Exchange)', () => {
    const d = '2024-05-06T00:00:00Z';
    const { pts, capped, state } = run(set, [ev('up', d), ev('up', d), ev('up', d), ev('down', d), ev('up', d), ev('up', d)]);
    expect(pts).toEqual([10, 10, 0, -2, 2, 0]);
    expect(capped).toEqual([null, null, 'daily', null, 'daily', 'daily']);
    expect(memberBalance(state, 1)).toBe(20);
  });

  it('counts a day in (timestamp, event id) order and starts again the next day', () => {
    const e1 = ev('up', '2024-05-06T10:00:00Z');
    const e2 = ev('up', '2024-05-06T10:00:00Z');
    const e3 = ev('up', '2024-05-06T23:59:59Z');
    const e4 = ev('up', '2024-05-07T00:00:00Z');
    const { pts, ledger } = run(set, [e1, e2, e3, e4]);
    expect(pts).toEqual([10, 10, 0, 10]);
    expect(ledger.map((x) => x.day)).toEqual(['2024-05-06', '2024-05-06', '2024-05-06', '2024-05-07']);
  });

  it('lets a loss at the start of a day raise that day\'s room for gains above the cap', () => {
    const d = '2024-05-06T00:00:00Z';
    expect(run(set, [ev('down', d), ev('up', d), ev('up', d), ev('up', d)]).pts).toEqual([-2, 10, 10, 2]);
  });

  it('exempt rules neither count towards the cap nor are limited by it', () => {
    const d = '2024-05-06T00:00:00Z';
    const { pts, capped } = run(set, [ev('up', d), ev('accept', d), ev('up', d), ev('accept', d), ev('up', d)]);
    expect(pts).toEqual([10, 15, 10, 15, 0]);
    expect(capped).toEqual([null, null, null, null, 'daily']);
  });
});

describe('per-rule caps', () => {
  it('caps a rule per day, and a loss rule by magnitude', () => {
    const set = { rules: [rule('post', 'post', 2, { caps: { perDay: 3 } }), rule('spam', 'spam', -2, { caps: { perDay: 3 } })] };
    const d1 = '2024-05-06T08:00:00Z';
    const d2 = '2024-05-07T08:00:00Z';
    const { pts, capped } = run(set, [ev('post', d1), ev('post', d1), ev('post', d1), ev('post', d2), ev('spam', d2), ev('spam', d2), ev('spam', d2)]);
    expect(pts).toEqual([2, 1, 0, 2, -2, -1, 0]);
    expect(capped).toEqual([null, 'rule_day', 'rule_day', null, null, 'rule_day', 'rule_day']);
  });

  it('caps a rule per ISO week, Monday first', () => {
    const set = { rules: [rule('post', 'post', 2, { caps: { perWeek: 5 } })] };
    // 2024-05-06 is a Monday; 05-12 the Sunday of the same week; 05-13 the next Monday.
    const days = ['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-12', '2024-05-13'].map((d) => ev('post', `${d}T12:00:00Z`));
    const { pts, capped } = run(set, days);
    expect(pts).toEqual([2, 2, 1, 0, 2]);
    expect(capped).toEqual([null, null, 'rule_week', 'rule_week', null]);
  });

  it('caps a rule for a lifetime, per member', () => {
    const set = { rules: [rule('edit', 'edit', 2, { caps: { lifetime: 5 } })] };
    const evs = [1, 2, 3, 4].map((i) => ev('edit', `2024-0${i}-01T00:00:00Z`));
    const { pts, capped } = run(set, [...evs, ev('edit', '2024-05-01T00:00:00Z', { actor: 2 })]);
    expect(pts).toEqual([2, 2, 1, 0, 2]);
    expect(capped).toEqual([null, null, 'lifetime', 'lifetime', null]);
  });

  it('applies the rule caps before the daily cap, and the daily cap counts what was applied', () => {
    const set = { dailyCap: { points: 10, exempt: [] }, rules: [rule('a', 'a', 6, { caps: { perDay: 8 } }), rule('b', 'b', 6)] };
    const d = '2024-05-06T08:00:00Z';
    const { pts, capped } = run(set, [ev('a', d), ev('a', d), ev('b', d)]);
    expect(pts).toEqual([6, 2, 2]);
    expect(capped).toEqual([null, 'rule_day', 'daily']);
  });
});

describe('floor and starting balance', () => {
  const set = { startingBalance: 1, floor: 1, rules: [rule('up', 'up', 10, { to: 'target' }), rule('down', 'down', -2, { to: 'target' })] };

  it('opens a balance with one $start entry, and cuts a loss at the floor', () => {
    const d = '2024-05-06T00:00:00Z';
    const { ledger, state } = run(set, [ev('down', d, { actor: null, target: 7 }), ev('up', d, { actor: null, target: 7 }), ...[1, 2, 3, 4, 5, 6].map(() => ev('down', d, { actor: null, target: 7 }))]);
    expect(ledger[0]).toMatchObject({ key: '$start:7', ruleId: '$start', memberId: 7, points: 1, requested: 1, kind: 'award' });
    expect(ledger.slice(1).map((x) => [x.points, x.capped])).toEqual([
      [0, 'floor'],
      [10, null],
      [-2, null],
      [-2, null],
      [-2, null],
      [-2, null],
      [-2, null],
      [0, 'floor'],
    ]);
    expect(memberBalance(state, 7)).toBe(1);
    expect(ledger.filter((x) => x.ruleId === '$start')).toHaveLength(1);
  });

  it('cuts a loss to exactly the floor, and to nothing when the balance is already below it', () => {
    const { pts } = run({ floor: 1, rules: set.rules }, [ev('up', '2024-05-06T00:00:00Z', { target: 3 }), ev('down', '2024-05-06T01:00:00Z', { target: 3 }), ...[1, 2, 3, 4, 5].map(() => ev('down', '2024-05-06T02:00:00Z', { target: 3 })), ev('down', '2024-05-06T03:00:00Z', { target: 4 })]);
    // member 3: 10, then -2 ×4 = 2, then -1 (to the floor), then 0; member 4 starts at 0 < floor: the loss is cut to 0.
    expect(pts).toEqual([10, -2, -2, -2, -2, -1, 0, 0]);
  });
});

describe('effective dates', () => {
  const old = rule('q5', 'q_up', 5, { to: 'target', effective: { until: '2019-11-12' } });
  const next = (extra: Record<string, unknown>) => rule('q10', 'q_up', 10, { to: 'target', effective: { from: '2019-11-13', ...extra } });
  const votes = () => [ev('q_up', '2019-11-12T12:00:00Z', { target: 2 }), ev('q_up', '2019-11-13T12:00:00Z', { target: 2 })];

  it('applies a rule change from its date', () => {
    expect(run({ rules: [old, next({})] }, votes()).ledger.map((x) => [x.ruleId, x.points])).toEqual([
      ['q5', 5],
      ['q10', 10],
    ]);
  });

  it('ends the replaced version where the new one starts, or everywhere when the new one is retroactive', () => {
    const open = rule('q5', 'q_up', 5, { to: 'target' });
    expect(run({ rules: [open, next({ replaces: 'q5' })] }, votes()).pts).toEqual([5, 10]);
    expect(run({ rules: [open, next({ replaces: 'q5', retroactive: true })] }, votes()).ledger.map((x) => [x.ruleId, x.points])).toEqual([
      ['q10', 10],
      ['q10', 10],
    ]);
  });

  it('a retroactive rule without replaces also applies before its date, beside the old rule', () => {
    expect(run({ rules: [old, next({ retroactive: true })] }, votes()).ledger.map((x) => x.ruleId)).toEqual(['q5', 'q10', 'q10']);
  });

  it('reads the dates in the zone: 20:00 UTC on the 12th is already the 13th in Shanghai', () => {
    const e = () => ev('q_up', '2019-11-12T20:00:00Z', { target: 2 });
    expect(run({ rules: [old, next({})] }, [e()], 'UTC').ledger.map((x) => [x.ruleId, x.day])).toEqual([['q5', '2019-11-12']]);
    expect(run({ rules: [old, next({})] }, [e()], 'Asia/Shanghai').ledger.map((x) => [x.ruleId, x.day])).toEqual([['q10', '2019-11-13']]);
  });
});

describe('time zones', () => {
  const set = { dailyCap: { points: 10, exempt: [] }, rules: [rule('up', 'up', 10)] };
  // 15:30 and 16:30 UTC are the same UTC day but 23:30 and 00:30 of two days in Shanghai (UTC+8).
  const evs = () => [ev('up', '2024-03-01T15:30:00Z'), ev('up', '2024-03-01T16:30:00Z')];

  it('puts day boundaries where the zone has them', () => {
    expect(run(set, evs(), 'UTC').pts).toEqual([10, 0]);
    const sh = run(set, evs(), 'Asia/Shanghai');
    expect(sh.pts).toEqual([10, 10]);
    expect(sh.ledger.map((x) => x.day)).toEqual(['2024-03-01', '2024-03-02']);
  });

  it("lets the rule set's zone override the workspace's", () => {
    const { engine, pts } = run({ ...set, timeZone: 'UTC' }, evs(), 'Asia/Shanghai');
    expect(engine.timeZone).toBe('UTC');
    expect(pts).toEqual([10, 0]);
  });

  it('starts ISO weeks on Monday in the zone', () => {
    const weekly = { rules: [rule('up', 'up', 10, { caps: { perWeek: 10 } })] };
    // Sunday 2024-03-03 17:00 UTC is Monday 01:00 in Shanghai: a new week there, the same week in UTC.
    const e = () => [ev('up', '2024-03-03T10:00:00Z'), ev('up', '2024-03-03T17:00:00Z')];
    expect(run(weekly, e(), 'UTC').pts).toEqual([10, 0]);
    expect(run(weekly, e(), 'Asia/Shanghai').pts).toEqual([10, 10]);
  });
});

describe('reversals', () => {
  const like = rule('liked', 'liked', 10, { to: 'target', ref: 'post_id', caps: { perDay: 15 } });
  const deleted = reversal('deleted', 'post_deleted', ['liked'], { to: 'target_or_actor' });

  it('compensate exactly what was applied, even when it was capped', () => {
    const d = '2024-05-06T08:00:00Z';
    const p = { post_id: 9 };
    const { ledger, state } = run({ rules: [like, deleted] }, [ev('liked', d, { actor: 2, target: 1, props: p }), ev('liked', d, { actor: 3, target: 1, props: p }), ev('post_deleted', '2024-05-08T00:00:00Z', { actor: 1, props: p })]);
    expect(ledger.map((x) => [x.kind, x.points, x.requested, x.capped])).toEqual([
      ['award', 10, 10, null],
      ['award', 5, 10, 'rule_day'],
      ['reversal', -15, -15, null],
    ]);
    expect(ledger[2]).toMatchObject({ ruleId: 'deleted', reverses: 'liked', ref: '9', memberId: 1, day: '2024-05-08' });
    expect(memberBalance(state, 1)).toBe(0);
  });

  it('take back what was recorded, not what the rules say now', () => {
    const p = { post_id: 9 };
    const engine1 = new PointsEngine(pointsRuleSet.parse({ rules: [like, deleted] }), { timeZone: 'UTC' });
    const state = new MapState();
    engine1.apply(ev('liked', '2024-05-06T08:00:00Z', { target: 1, props: p }), state);
    // The operator raises the rule to 50 points; a later deletion still takes back the 10 that were applied.
    const engine2 = new PointsEngine(pointsRuleSet.parse({ rules: [{ ...like, points: 50 }, deleted] }), { timeZone: 'UTC' });
    const out = engine2.apply(ev('post_deleted', '2024-05-07T08:00:00Z', { actor: 1, props: p }), state);
    expect(out.map((x) => x.points)).toEqual([-10]);
  });

  it('reverse once, only for the thing named, and only the recipient\'s awards', () => {
    const given = rule('gave', 'liked', 1, { to: 'actor', ref: 'post_id' });
    const set = { rules: [like, given, deleted, reversal('gave_back', 'post_deleted', ['gave'], { to: 'target' })] };
    const d = '2024-05-06T08:00:00Z';
    const { ledger } = run(set, [
      ev('liked', d, { actor: 2, target: 1, props: { post_id: 9 } }),
      ev('liked', d, { actor: 2, target: 1, props: { post_id: 8 } }),
      ev('post_deleted', d, { actor: 1, props: { post_id: 9 } }),
      ev('post_deleted', d, { actor: 1, props: { post_id: 9 } }),
    ]);
    // The author (target_or_actor = the actor who deleted their own post) loses post 9's 10, once; the liker's point
    // stays: `gave_back` goes to the target, and a self-deletion has none.
    expect(ledger.filter((x) => x.kind === 'reversal').map((x) => [x.memberId, x.points, x.ref])).toEqual([[1, -10, '9']]);
  });

  it('match one award by item, then the rest by ref, and free lifetime room', () => {
    const vote = rule('voted', 'vote', 10, { to: 'target', ref: 'post_id', caps: { lifetime: 20 } });
    const withdrawn = reversal('withdrawn', 'unvote', ['voted'], { to: 'target', reverses: { rules: ['voted'], item: 'vote_id' } });
    const set = { rules: [vote, withdrawn, reversal('deleted', 'post_deleted', ['voted'], { to: 'target' })] };
    const v = (id: number) => ({ actor: null, target: 1, props: { post_id: 5, vote_id: id } });
    const d = '2024-05-06T08:00:00Z';
    const { ledger, state } = run(set, [
      ev('vote', d, v(1)),
      ev('vote', d, v(2)),
      ev('vote', d, v(3)), // lifetime cap: 0
      ev('unvote', d, v(1)), // -10, frees 10 of lifetime room
      ev('unvote', d, v(1)), // already withdrawn: nothing
      ev('unvote', d, v(3)), // its award was 0: nothing recorded, nothing to take back
      ev('vote', d, v(4)), // +10 again
      ev('post_deleted', d, { actor: 9, target: 1, props: { post_id: 5 } }), // the rest: votes 2 and 4
    ]);
    expect(ledger.map((x) => [x.ruleId, x.points])).toEqual([
      ['voted', 10],
      ['voted', 10],
      ['voted', 0],
      ['withdrawn', -10],
      ['voted', 10],
      ['deleted', -20],
    ]);
    expect(memberBalance(state, 1)).toBe(0);
  });

  it('respect the floor', () => {
    const set = { floor: 0, rules: [rule('post', 'post', 10, { ref: 'post_id' }), rule('fine', 'fine', -8), reversal('deleted', 'post_deleted', ['post'])] };
    const { ledger } = run(set, [ev('post', '2024-05-06T08:00:00Z', { props: { post_id: 1 } }), ev('fine', '2024-05-06T09:00:00Z'), ev('post_deleted', '2024-05-06T10:00:00Z', { props: { post_id: 1 } })]);
    expect(ledger.map((x) => [x.points, x.requested, x.capped])).toEqual([
      [10, 10, null],
      [-8, -8, null],
      [-2, -10, 'floor'],
    ]);
  });
});

describe('recipients, points and conditions', () => {
  it('awards nothing without a recipient', () => {
    const set = { rules: [rule('a', 'x', 1, { to: 'actor' }), rule('t', 'x', 1, { to: 'target' }), rule('ta', 'x', 1, { to: 'target_or_actor' })] };
    const { ledger } = run(set, [ev('x', '2024-01-01T00:00:00Z', { actor: null, target: null }), ev('x', '2024-01-01T00:00:00Z', { actor: 4, target: null })]);
    expect(ledger.map((x) => [x.ruleId, x.memberId])).toEqual([
      ['a', 4],
      ['ta', 4],
    ]);
  });

  it('takes points from a numeric property with a factor and rounding, and nothing from a missing one', () => {
    const set = {
      rules: [rule('bounty', 'bounty', { property: 'amount', factor: -1 }), rule('read', 'visit', { property: 'time_read', factor: 1 / 60, round: 'floor' }), rule('half', 'half', { property: 'n', factor: 0.5, round: 'round' })],
    };
    const d = '2024-01-01T00:00:00Z';
    const { pts } = run(set, [
      ev('bounty', d, { props: { amount: 50 } }),
      ev('bounty', d, { props: { amount: '50' } }),
      ev('bounty', d),
      ev('visit', d, { props: { time_read: 120 } }),
      ev('visit', d, { props: { time_read: 179 } }),
      ev('visit', d, { props: { time_read: 59 } }), // 0 points: no entry
      ev('half', d, { props: { n: 3 } }),
    ]);
    expect(pts).toEqual([-50, 2, 2, 2]);
  });

  it('evaluates every condition operator, envelope paths and nested properties', () => {
    const w = (where: unknown[]) => ({ event: 'x', where });
    const set = {
      rules: [
        rule('eq', 'x', 1, { when: w([{ path: 'k', op: 'eq', value: 'a' }]) }),
        rule('ne', 'x', 1, { when: w([{ path: 'k', op: 'ne', value: 'a' }]) }),
        rule('in', 'x', 1, { when: w([{ path: 'k', op: 'in', value: ['b', 'c'] }]) }),
        rule('gt', 'x', 1, { when: w([{ path: 'n', op: 'gt', value: 2 }]) }),
        rule('gte', 'x', 1, { when: w([{ path: 'n', op: 'gte', value: 2 }]) }),
        rule('lt', 'x', 1, { when: w([{ path: 'n', op: 'lt', value: 2 }]) }),
        rule('lte', 'x', 1, { when: w([{ path: 'n', op: 'lte', value: 2 }]) }),
        rule('exists', 'x', 1, { when: w([{ path: 'o.deep', op: 'exists' }]) }),
        rule('absent', 'x', 1, { when: w([{ path: 'o.deep', op: 'absent' }]) }),
        rule('has_target', 'x', 1, { when: w([{ path: '$target', op: 'exists' }, { path: '$platform', op: 'eq', value: 'test' }]) }),
      ],
    };
    const fired = (props: Record<string, unknown>, target: number | null = null) =>
      run(set, [ev('x', '2024-01-01T00:00:00Z', { props, target })]).ledger.map((x) => x.ruleId);
    expect(fired({ k: 'a', n: 2, o: { deep: 0 } })).toEqual(['eq', 'gte', 'lte', 'exists']);
    expect(fired({ k: 'b', n: 3 }, 5)).toEqual(['ne', 'in', 'gt', 'gte', 'absent', 'has_target']);
    expect(fired({ n: '1' })).toEqual(['ne', 'absent']);
  });

  it('remembers facts from earlier events for later conditions', () => {
    const set = {
      facts: [{ id: 'post', events: ['posted'], key: 'post_id', keep: ['wiki'] }],
      rules: [rule('up', 'up', 10, { to: 'target', when: { event: 'up', where: [{ path: '@post.wiki', op: 'ne', value: true }] } })],
    };
    const votes = [1, 2, 3].map((post_id) => ev('up', '2024-01-02T00:00:00Z', { actor: null, target: 1, props: { post_id } }));
    const { ledger, engine } = run(set, [
      ev('posted', '2024-01-01T00:00:00Z', { props: { post_id: 1, wiki: true } }),
      ev('posted', '2024-01-01T00:00:00Z', { props: { post_id: 2, wiki: false } }),
      ...votes, // post 3 is unknown: no fact, and `ne` holds
    ]);
    expect(ledger.map((x) => [x.eventId, x.points])).toEqual([
      [votes[1]!.eventId, 10],
      [votes[2]!.eventId, 10],
    ]);
    expect(engine.eventNames()).toEqual(['posted', 'up']);
  });
});

describe('keys and state', () => {
  it('keys entries by (rule, event), reversals by (rule, event, reversed rule)', () => {
    const set = { rules: [rule('a', 'x', 1, { ref: 'post_id' }), rule('b', 'x', 2, { ref: 'post_id' }), reversal('undo', 'y', ['a', 'b'])] };
    const x = ev('x', '2024-01-01T00:00:00Z', { props: { post_id: 1 } });
    const y = ev('y', '2024-01-02T00:00:00Z', { props: { post_id: 1 } });
    expect(run(set, [x, y]).ledger.map((e) => e.key)).toEqual([`a:${x.eventId}`, `b:${x.eventId}`, `undo:${y.eventId}:a`, `undo:${y.eventId}:b`]);
  });

  it('reads only the keys stateKeys named (what the ingest hook loads)', () => {
    const set = {
      startingBalance: 1,
      floor: 1,
      dailyCap: { points: 30, exempt: [] },
      facts: [{ id: 'post', events: ['posted'], key: 'post_id', keep: ['wiki'] }],
      rules: [
        rule('up', 'up', 10, { to: 'target', ref: 'post_id', caps: { perDay: 20 }, when: { event: 'up', where: [{ path: '@post.wiki', op: 'ne', value: true }] } }),
        reversal('undo', 'unvote', ['up'], { to: 'target', reverses: { rules: ['up'], item: 'vote_id' } }),
      ],
    };
    const engine = new PointsEngine(pointsRuleSet.parse(set), { timeZone: 'Asia/Shanghai' });
    const inner = new MapState();
    let allowed = new Set<string>();
    const guarded: EngineState = {
      get: <T>(k: string) => {
        if (!allowed.has(k)) throw new Error(`read of undeclared key ${k}`);
        return inner.get<T>(k);
      },
      set: (k, v) => {
        if (!allowed.has(k)) throw new Error(`write of undeclared key ${k}`);
        inner.set(k, v);
      },
    };
    const events = [
      ev('posted', '2024-01-01T00:00:00Z', { props: { post_id: 1, wiki: false } }),
      ev('up', '2024-01-01T00:00:00Z', { actor: null, target: 2, props: { post_id: 1, vote_id: 1 } }),
      ev('up', '2024-01-01T00:00:00Z', { actor: null, target: 2, props: { post_id: 1, vote_id: 2 } }),
      ev('unvote', '2024-01-03T00:00:00Z', { actor: null, target: 2, props: { post_id: 1, vote_id: 1 } }),
    ];
    const ledger: LedgerEntry[] = [];
    for (const e of events) {
      allowed = new Set(engine.stateKeys(e));
      ledger.push(...engine.apply(e, guarded));
    }
    expect(ledger.map((x) => x.points)).toEqual([1, 10, 10, -10]);
  });

  it('keeps state that survives JSON', () => {
    const set = { dailyCap: { points: 15, exempt: [] }, rules: [rule('up', 'up', 10, { caps: { perWeek: 100 }, ref: 'post_id' }), reversal('undo', 'undo', ['up'])] };
    const engine = new PointsEngine(pointsRuleSet.parse(set), { timeZone: 'UTC' });
    const state = new MapState();
    engine.apply(ev('up', '2024-01-01T00:00:00Z', { props: { post_id: 1 } }), state);
    const copy = new MapState(new Map(JSON.parse(JSON.stringify([...state.values]))));
    expect(copy.values).toEqual(state.values);
    expect(engine.apply(ev('up', '2024-01-01T01:00:00Z', { props: { post_id: 1 } }), copy).map((x) => x.points)).toEqual([5]);
    expect(engine.apply(ev('undo', '2024-01-01T02:00:00Z', { props: { post_id: 1 } }), copy).map((x) => x.points)).toEqual([-15]);
  });
});
