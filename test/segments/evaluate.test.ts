/** A 20-node segment over a member with 1,000 events (the shape the segment-check benchmark times). */
import { describe, expect, it } from 'vitest';
import { evaluateSegment, MICROS_PER_DAY, type MemberFacts, type SegmentNode } from '../../src/segments/index.ts';

const AS_OF = Date.UTC(2024, 5, 1) * 1000;
const NAMES = ['post', 'reply', 'like', 'share', 'login'];

const member: MemberFacts = {
  traits: { city: '上海', age: 31, vip: true, address: { country: 'CN' } },
  scores: { recency_days: 2, frequency: 40, clv: 310.5, p_alive: 0.8 },
  tiers: { lifecycle_tier: 'active', rfm_segment: 'champions' },
  events: Array.from({ length: 1000 }, (_, i) => ({
    name: NAMES[i % NAMES.length] ?? 'post',
    ts: AS_OF - ((i * 7919) % 60) * MICROS_PER_DAY - i,
    role: i % 3 === 0 ? ('target' as const) : ('actor' as const),
  })),
};

const count = (event: string, windowDays: number, role: 'actor' | 'target' = 'actor'): SegmentNode => ({ kind: 'event_count', event, windowDays, op: 'gte', value: 1, role });

// 20 nodes; every event_count is distinct, so no count is served from the per-evaluation cache.
const segment: SegmentNode = {
  kind: 'and',
  of: [
    { kind: 'or', of: [count('post', 7), count('reply', 7), count('like', 30), count('share', 30)] },
    { kind: 'or', of: [count('login', 1), count('post', 30, 'target'), count('reply', 90, 'target')] },
    { kind: 'not', of: { kind: 'trait', path: 'address.country', op: 'eq', value: 'US' } },
    { kind: 'trait', path: 'city', op: 'contains', value: '上' },
    { kind: 'score', score: 'clv', op: 'gt', value: 100 },
    { kind: 'tier', tier: 'lifecycle_tier', op: 'in', value: ['active', 'new'] },
    {
      kind: 'or',
      of: [count('share', 3650), count('like', 365, 'target'), { kind: 'score', score: 'p_alive', op: 'lt', value: 0.5 }, { kind: 'trait', path: 'vip', op: 'eq', value: true }],
    },
  ],
};

const size = (n: SegmentNode): number =>
  n.kind === 'and' || n.kind === 'or' ? 1 + n.of.reduce((sum, c) => sum + size(c), 0) : n.kind === 'not' ? 1 + size(n.of) : 1;

// Its speed is measured by `npm run bench -- segments`, not here: timed unit tests are flaky on shared machines.
describe('evaluateSegment on a large member', () => {
  it('evaluates a 20-node segment over 1,000 events', () => {
    expect(size(segment)).toBe(20);
    expect(evaluateSegment(segment, member, AS_OF)).toBe(true);
  });
});
