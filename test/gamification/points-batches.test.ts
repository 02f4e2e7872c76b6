/**
 * The ingest path and replay agree (fast-check). Ingest applies events a batch at a time: it loads the keys
 * `stateKeys` names from the row store (JSON), applies the batch, and writes back the changed keys as JSON; replay
 * applies everything to one in-memory state. For arbitrary events and arbitrary batch boundaries both give the same
 * ledger, and every member's Σ ledger points equals memberBalance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvents, MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { memberBalance, PointsEngine, type LedgerEntry } from '../../src/gamification/points/engine.ts';
import { pointsRuleSet } from '../../src/gamification/points/rules.ts';

const n = (id: string) => ({ en: id, zh: id });
/** Every feature at once: caps of each kind, a daily cap with an exemption, floor, starting balance, facts, reversals. */
const RULES = pointsRuleSet.parse({
  startingBalance: 1,
  floor: 1,
  dailyCap: { points: 25, exempt: ['accepted', 'bounty'] },
  facts: [{ id: 'post', events: ['posted'], key: 'post_id', keep: ['wiki'] }],
  rules: [
    { id: 'up', name: n('up'), when: { event: 'up', where: [{ path: '@post.wiki', op: 'ne', value: true }] }, points: 10, to: 'target', ref: 'post_id', caps: { perDay: 30 } },
    { id: 'down', name: n('down'), when: { event: 'down' }, points: -2, to: 'target', ref: 'post_id' },
    { id: 'accepted', name: n('accepted'), when: { event: 'accept' }, points: 15, to: 'target', ref: 'post_id' },
    { id: 'acceptor', name: n('acceptor'), when: { event: 'accept', where: [{ path: '$target', op: 'exists' }] }, points: 2, to: 'actor' },
    { id: 'post', name: n('post'), when: { event: 'posted' }, points: 3, to: 'actor', ref: 'post_id', caps: { perWeek: 7 } },
    { id: 'edit', name: n('edit'), when: { event: 'edit' }, points: 2, to: 'actor', caps: { lifetime: 5 } },
    { id: 'bounty', name: n('bounty'), when: { event: 'bounty' }, points: { property: 'amount', factor: -1 }, to: 'actor' },
    { id: 'unvote', name: n('unvote'), when: { event: 'unvote' }, to: 'target', reverses: { rules: ['up', 'down'], item: 'vote_id' } },
    { id: 'deleted', name: n('deleted'), when: { event: 'deleted' }, to: 'target_or_actor', reverses: { rules: ['up', 'down', 'accepted', 'post'] } },
  ],
});

const BASE = Date.parse('2024-03-01T00:00:00Z') * 1000;
const member = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 4 });
const rawEvent = fc.record({
  name: fc.constantFrom('up', 'up', 'up', 'down', 'accept', 'posted', 'edit', 'bounty', 'unvote', 'deleted', 'ignored'),
  // Ten days in steps of 3 hours (day boundaries in UTC and in Shanghai both fall in the range), often colliding.
  slot: fc.integer({ min: 0, max: 80 }),
  actor: member,
  target: member,
  post: fc.integer({ min: 1, max: 3 }),
  vote: fc.integer({ min: 1, max: 6 }),
  amount: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  wiki: fc.boolean(),
});

type RawEvent = typeof rawEvent extends fc.Arbitrary<infer T> ? T : never;

function toEvents(raws: RawEvent[]): GamificationEvent[] {
  return raws
    .map((r, i) => ({
      eventId: `evt_${String(i).padStart(4, '0')}`,
      type: 'track',
      name: r.name,
      ts: BASE + r.slot * 3 * 3_600_000_000,
      platform: 'test',
      memberId: r.actor,
      targetMemberId: r.target,
      properties: { post_id: r.post, vote_id: r.vote, wiki: r.wiki, ...(r.amount === undefined ? {} : { amount: r.amount }) },
    }))
    .sort(compareEvents);
}

/** Replay: one in-memory state for everything. */
function onePass(engine: PointsEngine, events: GamificationEvent[]): { ledger: LedgerEntry[]; state: MapState } {
  const state = new MapState();
  const ledger: LedgerEntry[] = [];
  for (const e of events) for (const x of engine.apply(e, state)) ledger.push(x);
  return { ledger, state };
}

/** Ingest: per batch, load the named keys from a JSON row store, apply, write back what changed. */
function batched(engine: PointsEngine, events: GamificationEvent[], cuts: number[]): { ledger: LedgerEntry[]; rows: Map<string, string> } {
  const rows = new Map<string, string>();
  const ledger: LedgerEntry[] = [];
  const bounds = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const end of [...bounds, events.length]) {
    const batch = events.slice(start, end);
    start = Math.max(start, end);
    const values = new Map<string, unknown>();
    for (const e of batch) for (const k of engine.stateKeys(e)) if (rows.has(k)) values.set(k, JSON.parse(rows.get(k)!));
    const state = new MapState(values);
    for (const e of batch) for (const x of engine.apply(e, state)) ledger.push(JSON.parse(JSON.stringify(x)) as LedgerEntry);
    for (const k of state.changed) rows.set(k, JSON.stringify(state.values.get(k) ?? null));
  }
  return { ledger, rows };
}

function sums(ledger: LedgerEntry[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const x of ledger) out.set(x.memberId, (out.get(x.memberId) ?? 0) + x.points);
  return out;
}

describe('points engine: batches with JSON state round trips equal one pass', () => {
  for (const timeZone of ['Asia/Shanghai', 'UTC']) {
    it(`gives the same ledger and balances (${timeZone})`, () => {
      const engine = new PointsEngine(RULES, { timeZone });
      fc.assert(
        fc.property(fc.array(rawEvent, { maxLength: 80, size: 'max' }), fc.array(fc.nat({ max: 200 }), { maxLength: 12, size: 'max' }), (raws, cuts) => {
          const events = toEvents(raws);
          const one = onePass(engine, events);
          const many = batched(engine, events, cuts);
          expect(many.ledger).toEqual(one.ledger);
          expect(new Set(one.ledger.map((x) => x.key)).size).toBe(one.ledger.length);
          const rowState = new MapState(new Map([...many.rows].map(([k, v]) => [k, JSON.parse(v) as unknown])));
          for (const [m, total] of sums(one.ledger)) {
            expect(memberBalance(one.state, m)).toBe(total);
            expect(memberBalance(rowState, m)).toBe(total);
            expect(total).toBeGreaterThanOrEqual(1); // starting balance 1 and floor 1
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
