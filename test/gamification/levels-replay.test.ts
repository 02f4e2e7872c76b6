/**
 * Incremental equals replay: the same events (and daily re-evaluations) cut into batches, with the state loaded by
 * `stateKeys` and round-tripped through JSON between batches as the ingest hook does, give the same level changes
 * and the same state as one pass over one in-memory map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvents, MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { LevelEngine, levelLadder, type LevelChange } from '../../src/gamification/levels/index.ts';

const DAY = 86_400_000_000;
const BASE = Date.UTC(2024, 0, 1) * 1000;
const n = (en: string) => ({ en, zh: en });

// Every kind of requirement and policy, with small bounds so random streams cross them often.
const ladder = levelLadder.parse({
  id: 'prop',
  levels: [
    { id: 'l0', name: n('L0'), privileges: ['a'] },
    { id: 'l1', name: n('L1'), privileges: ['b'], requirements: [{ kind: 'points', min: 20 }] },
    {
      id: 'l2',
      name: n('L2'),
      requirements: [
        { kind: 'count', id: 'posts', events: ['post'], windowDays: 10, min: 3 },
        { kind: 'active_days', id: 'visits', events: ['visit', 'post'], windowDays: 14, share: 0.3 },
        { kind: 'distinct', id: 'topics', events: ['reply'], windowDays: 20, by: { kind: 'property', name: 'topic' }, min: 2 },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 3 },
    },
    {
      id: 'l3',
      name: n('L3'),
      requirements: [
        { kind: 'count', id: 'viewed', events: ['view'], windowDays: 30, communityShare: { share: 0.25, of: ['post'], cap: 5 } },
        { kind: 'count', id: 'liked', events: ['like'], role: 'target', othersOnly: true, min: 4 },
        { kind: 'distinct', id: 'likers', events: ['like'], role: 'target', othersOnly: true, by: { kind: 'counterpart' }, min: 2 },
        { kind: 'active_days', id: 'days_ever', events: ['visit'], min: 5 },
        { kind: 'count', id: 'read', events: ['read'], sum: 'n', windowDays: 7, min: 6 },
        { kind: 'active_days', id: 'reading_days', events: ['read'], sum: 'n', windowDays: 7, min: 1 },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.8, graceDays: 5 },
    },
    { id: 'l4', name: n('L4'), requirements: [{ kind: 'points', min: 150 }], demotion: { kind: 'never' } },
  ],
});

type Op = { kind: 'event'; e: GamificationEvent } | { kind: 'tick'; ts: number; memberId: number };

const member = fc.integer({ min: 1, max: 5 });
const eventArb = (maxDay: number) => fc.record({
  name: fc.constantFrom('post', 'visit', 'reply', 'like', 'view', 'read', 'other'),
  day: fc.integer({ min: 0, max: maxDay }),
  second: fc.integer({ min: 0, max: 86_399 }),
  actor: fc.option(member, { nil: null, freq: 8 }),
  target: fc.option(member, { nil: null, freq: 2 }),
  topic: fc.constantFrom('t1', 't2', 't3', 't4'),
  points: fc.integer({ min: -5, max: 10 }),
  read: fc.integer({ min: 0, max: 6 }),
});

type Raw = { name: string; day: number; second: number; actor: number | null; target: number | null; topic: string; points: number; read: number };

function opsOf(raw: Raw[], ticks: { day: number; memberId: number }[]): Op[] {
  const events = raw.map(
    (r, i): GamificationEvent => ({
      eventId: `e${String(i).padStart(4, '0')}`,
      type: 'track',
      name: r.name,
      ts: BASE + r.day * DAY + r.second * 1_000_000,
      platform: 'p',
      // An event names somebody: a hidden actor needs a target.
      memberId: r.actor ?? (r.target === null ? 1 : null),
      targetMemberId: r.target,
      properties: { topic: r.topic, points: r.points, n: r.read },
    }),
  );
  events.sort(compareEvents);
  const ops: Op[] = events.map((e) => ({ kind: 'event', e }));
  // The daily job at 23:30 UTC on its days (15 minutes past midnight in Shanghai would do as well).
  for (const t of ticks) ops.push({ kind: 'tick', ts: BASE + t.day * DAY + 84_600_000_000, memberId: t.memberId });
  const tsOf = (o: Op) => (o.kind === 'event' ? o.e.ts : o.ts);
  // Stable: ticks after events of the same instant (events come first in `ops`).
  return ops.map((o, i) => ({ o, i })).sort((a, b) => tsOf(a.o) - tsOf(b.o) || a.i - b.i).map((x) => x.o);
}

/** Runs ops over `state`, with balances kept by the caller (the points engine's role). */
function runOps(engine: LevelEngine, ops: Op[], state: MapState, balances: Map<number, number>, out: LevelChange[]): void {
  for (const op of ops) {
    if (op.kind === 'tick') {
      const c = engine.evaluate(op.memberId, op.ts, state, balances.get(op.memberId) ?? 0);
      if (c) out.push(c);
      continue;
    }
    const e = op.e;
    if (e.memberId !== null) balances.set(e.memberId, (balances.get(e.memberId) ?? 0) + (e.properties['points'] as number));
    out.push(...engine.apply(e, state, (id) => balances.get(id) ?? 0));
  }
}

describe('levels: batches with JSON state equal one pass', () => {
  it('gives the same changes and the same stored state', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb(60), { minLength: 1, maxLength: 200 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 80 }), memberId: member }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 12 }),
        fc.constantFrom('UTC', 'Asia/Shanghai'),
        (raw, ticks, cuts, timeZone) => {
          const ops = opsOf(raw, ticks);
          const engine = new LevelEngine(ladder, { timeZone });

          const whole = new MapState();
          const expected: LevelChange[] = [];
          runOps(engine, ops, whole, new Map(), expected);

          const store = new Map<string, string>();
          const actual: LevelChange[] = [];
          const balances = new Map<number, number>();
          const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, ops.length)), ops.length])].sort((a, b) => a - b);
          for (let b = 0; b + 1 < bounds.length; b++) {
            const batch = ops.slice(bounds[b], bounds[b + 1]);
            const keys = new Set(batch.flatMap((op) => (op.kind === 'event' ? engine.stateKeys(op.e) : engine.memberStateKeys(op.memberId))));
            const loaded = new Map<string, unknown>();
            for (const k of keys) if (store.has(k)) loaded.set(k, JSON.parse(store.get(k)!));
            const state = new MapState(loaded);
            runOps(engine, batch, state, balances, actual);
            for (const k of state.changed) store.set(k, JSON.stringify(state.values.get(k)));
          }

          expect(actual).toEqual(expected);
          expect(Object.fromEntries([...store].sort())).toEqual(Object.fromEntries([...whole.values].map(([k, v]) => [k, JSON.stringify(v)]).sort()));
          for (let m = 1; m <= 5; m++) {
            const restored = new MapState(new Map([...store].map(([k, v]) => [k, JSON.parse(v)])));
            expect(engine.level(m, restored)).toEqual(engine.level(m, whole));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reaches every level of the ladder on some streams (the property is not vacuous)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(eventArb(30), { minLength: 150, maxLength: 300 }), (raw) => {
        const engine = new LevelEngine(ladder, { timeZone: 'UTC' });
        const out: LevelChange[] = [];
        const daily = Array.from({ length: 16 }, (_, i) => [1, 2, 3, 4, 5].map((memberId) => ({ day: 5 * i, memberId }))).flat();
        runOps(engine, opsOf(raw, daily), new MapState(), new Map(), out);
        const ids = ladder.levels.map((l) => l.id);
        const indexOf = (id: string | null) => (id === null ? -1 : ids.indexOf(id));
        for (const c of out) {
          // A jump passes every level between: each counts as reached.
          if (c.direction === 'up') for (let i = indexOf(c.from) + 1; i <= indexOf(c.to); i++) reached.add(ids[i]!);
          else reached.add(`down:${c.from}`);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
    expect([...reached].sort()).toEqual(expect.arrayContaining(['l0', 'l1', 'l2', 'l3', 'l4', 'down:l1', 'down:l2', 'down:l3']));
  });
});
