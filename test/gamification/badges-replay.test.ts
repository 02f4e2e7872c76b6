/**
 * Incremental equals replay: cutting the events into arbitrary batches, loading only the keys `stateKeys` names from
 * a JSON row store before each batch and writing back the changed keys after it (what the ingest hook does) gives
 * exactly the awards of one pass with one in-memory state. Random communities exercise every criterion kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadgeEngine, type BadgeAward } from '../../src/gamification/badges/engine.ts';
import type { BadgeDefinitionInput, MetricInput } from '../../src/gamification/badges/criteria.ts';
import { parseBadgeDefinitions } from '../../src/gamification/badges/parse.ts';
import { MapState, type EngineState, type GamificationEvent } from '../../src/gamification/events.ts';

const SCORE: MetricInput = { kind: 'sum', events: [{ event: 'up', delta: 1 }, { event: 'down', delta: -1 }] };
const ANSWER = { events: ['answer_posted'] };
const QUESTION = { events: ['question_posted'] };
const PARENT = { events: ['question_posted'] };

const def = (id: string, criterion: BadgeDefinitionInput['criterion'], multiple = false): BadgeDefinitionInput => ({
  id,
  name: { en: id, zh: id },
  description: { en: id, zh: id },
  class: 'bronze',
  multiple,
  criterion,
});

const DEFS = parseBadgeDefinitions([
  def('first-comment', { kind: 'first', events: ['comment'] }),
  def('first-upvoted', { kind: 'first', events: ['up'], role: 'target' }),
  def('three-comments', { kind: 'count', events: ['comment'], n: 3 }),
  def('every-two-comments', { kind: 'count', events: ['comment'], n: 2 }, true),
  def('busy-days', { kind: 'count', events: ['comment', 'check_in'], n: 3, withinDays: 2 }),
  def('busy-days-again', { kind: 'count', events: ['comment'], n: 2, withinDays: 1 }, true),
  def('accepted-twice', { kind: 'accepted', n: 2 }),
  def('streak-3', { kind: 'streak', events: ['check_in'], days: 3 }),
  def('streak-2', { kind: 'streak', events: ['check_in', 'comment'], days: 2 }, true),
  def('teacher', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1 }),
  def('nice-answer', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 2 }, true),
  def('nice-question', { kind: 'content', item: QUESTION, metric: SCORE, atLeast: 2 }, true),
  def('guru', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, requires: ['answer_accepted'] }, true),
  def('self-learner', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, parent: { ...PARENT, sameOwner: true } }),
  def('enlightened', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, requires: ['answer_accepted'], parent: { ...PARENT, firstChild: true } }, true),
  def('necromancer', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 0, parent: { ...PARENT, afterDays: 2 } }, true),
  def('popular', { kind: 'content', item: QUESTION, metric: { kind: 'latest', property: 'view_count', events: ['viewed'] }, atLeast: 5 }),
]);

const HOUR_US = 3_600_000_000;
const START_US = Date.parse('2024-03-09T12:00:00Z') * 1000;

type Step = { gap: number; kind: number; member: number; other: number; post: number; value: number };

const step: fc.Arbitrary<Step> = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  kind: fc.integer({ min: 0, max: 8 }),
  member: fc.integer({ min: 1, max: 4 }),
  other: fc.integer({ min: 0, max: 4 }),
  post: fc.integer({ min: 1, max: 6 }),
  value: fc.integer({ min: 0, max: 9 }),
});

/**
 * A small Q&A community: posts 1–3 are questions and 4–6 answers (to question ((post − 1) mod 3) + 1); votes,
 * accepts and views may name posts not created yet, and `other` = 0 leaves the target out (hidden, or the actor).
 */
function community(steps: Step[]): GamificationEvent[] {
  const owner = new Map<number, number>();
  let ts = START_US;
  return steps.map((s, i): GamificationEvent => {
    ts += s.gap * HOUR_US;
    const target = s.other === 0 ? null : s.other;
    const base = { eventId: `evt_${String(i).padStart(5, '0')}`, type: 'track', ts, platform: 'test' };
    const at = (name: string, memberId: number | null, targetMemberId: number | null, properties: Record<string, unknown>) => ({ ...base, name, memberId, targetMemberId, properties });
    switch (s.kind) {
      case 0: {
        const post = ((s.post - 1) % 3) + 1;
        if (!owner.has(post)) owner.set(post, s.member);
        return at('question_posted', s.member, null, { post_id: post, view_count: s.value });
      }
      case 1: {
        const post = ((s.post - 1) % 3) + 4;
        const parent = ((post - 1) % 3) + 1;
        if (!owner.has(post)) owner.set(post, s.member);
        const qOwner = owner.get(parent) ?? null;
        return at('answer_posted', s.member, qOwner === s.member ? null : qOwner, { post_id: post, parent_id: parent });
      }
      case 2:
      case 3:
        return at(s.kind === 2 ? 'up' : 'down', null, owner.get(s.post) ?? target, { post_id: s.post });
      case 4:
        return at('answer_accepted', s.member, target, { post_id: ((s.post - 1) % 3) + 4 });
      case 5:
        return at('comment', s.member, target, { post_id: s.post });
      case 6:
        return at('check_in', s.member, null, {});
      case 7:
        return at('viewed', null, null, { post_id: s.post, view_count: s.value });
      default:
        return at('up', s.other === 0 ? null : s.other, target, { post_id: s.post });
    }
  });
}

/** Fails the run if `apply` reads a key that `stateKeys` did not name for the event. */
class DeclaredOnly implements EngineState {
  allowed = new Set<string>();
  constructor(private readonly inner: EngineState) {}
  get<T>(key: string): T | undefined {
    if (!this.allowed.has(key)) throw new Error(`read of undeclared key ${key}`);
    return this.inner.get<T>(key);
  }
  set(key: string, value: unknown): void {
    if (!this.allowed.has(key)) throw new Error(`write of undeclared key ${key}`);
    this.inner.set(key, value);
  }
}

function onePass(engine: BadgeEngine, events: readonly GamificationEvent[]): BadgeAward[] {
  const state = new DeclaredOnly(new MapState());
  const out: BadgeAward[] = [];
  for (const e of events) {
    state.allowed = new Set(engine.stateKeys(e));
    for (const a of engine.apply(e, state)) out.push(a);
  }
  return out;
}

/** The ingest hook's way: per batch, load the named keys from JSON rows, apply, write back what changed. */
function inBatches(engine: BadgeEngine, events: readonly GamificationEvent[], sizes: number[]): BadgeAward[] {
  const rows = new Map<string, string>();
  const out: BadgeAward[] = [];
  let i = 0;
  let b = 0;
  while (i < events.length) {
    const batch = events.slice(i, i + Math.max(1, sizes[b++ % Math.max(1, sizes.length)] ?? 1));
    i += batch.length;
    const loaded = new Map<string, unknown>();
    for (const e of batch) for (const k of engine.stateKeys(e)) if (rows.has(k)) loaded.set(k, JSON.parse(rows.get(k)!));
    const state = new MapState(loaded);
    for (const e of batch) for (const a of engine.apply(e, state)) out.push(a);
    for (const k of state.changed) rows.set(k, JSON.stringify(state.values.get(k)));
  }
  return out;
}

describe('badge engine: batches with JSON state equal one pass', () => {
  for (const timeZone of ['UTC', 'Asia/Shanghai']) {
    it(`in ${timeZone}`, () => {
      const engine = new BadgeEngine(DEFS, { timeZone });
      let granted = 0;
      fc.assert(
        fc.property(fc.array(step, { maxLength: 150, size: 'medium' }), fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 10 }), (steps, sizes) => {
          const events = community(steps);
          const whole = onePass(engine, events);
          granted += whole.length;
          expect(inBatches(engine, events, sizes)).toEqual(whole);
          expect(new Set(whole.map((a) => a.key)).size).toBe(whole.length);
        }),
        { numRuns: 300, seed: timeZone === 'UTC' ? 20240309 : 20240310 },
      );
      // The generated communities do earn badges, so the equality is not between two empty lists.
      expect(granted).toBeGreaterThan(300);
    });
  }

  it('every kind is granted at least once across the generated runs', () => {
    const engine = new BadgeEngine(DEFS, { timeZone: 'Asia/Shanghai' });
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 60, maxLength: 150 }), (steps) => {
        for (const a of onePass(engine, community(steps))) seen.add(a.badgeId);
      }),
      { numRuns: 200, seed: 7 },
    );
    expect([...seen].sort()).toEqual(DEFS.map((d) => d.id).sort());
  });
});
