/** Communication tiers by percentile cuts, against a brute-force ranking (ties by member id, unscored last). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communicationTiers } from '../../src/segments/index.ts';

function bruteForce(score: number[], ids: number[], corePct: number, potPct: number): string[] {
  const n = score.length;
  const order = score.map((_, i) => i).filter((i) => !Number.isNaN(score[i]!));
  order.sort((a, b) => score[b]! - score[a]! || ids[a]! - ids[b]!);
  const out = new Array<string>(n).fill('mass');
  order.forEach((i, rank) => {
    if (rank < Math.ceil((n * corePct) / 100)) out[i] = 'core';
    else if (rank < Math.ceil((n * (corePct + potPct)) / 100)) out[i] = 'potential';
  });
  return out;
}

describe('communicationTiers', () => {
  it('cuts 20 members at 5 % and 30 %, ties broken by member id', () => {
    const score = [10, 50, 50, 20, NaN, 90, 30, 30, 30, 5, 1, 2, 3, 4, 6, 7, 8, 9, 11, 12];
    const ids = score.map((_, i) => i + 1);
    const t = communicationTiers(Float64Array.from(score), Float64Array.from(ids), { corePercent: 5, potentialPercent: 25 });
    expect(t[5]).toBe('core'); // 90: the only core member (⌈20 × 5 %⌉ = 1)
    expect([1, 2, 6, 7, 8].map((i) => t[i])).toEqual(['potential', 'potential', 'potential', 'potential', 'potential']); // 50, 50, 30, 30, 30
    expect(t[3]).toBe('mass'); // 20 is 7th: ⌈20 × 30 %⌉ = 6 places
    expect(t[4]).toBe('mass'); // unscored
  });

  it('equals a full ranking on random scores with many ties', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(NaN)), { maxLength: 80 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 50 }), (xs, core, pot) => {
        const ids = xs.map((_, i) => i * 3 + 1);
        const got = communicationTiers(Float64Array.from(xs), Float64Array.from(ids), { corePercent: core, potentialPercent: pot });
        expect(got).toEqual(bruteForce(xs, ids, core, pot));
      }),
    );
  });

  it('equals a full ranking when member ids come in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(NaN)), fc.integer({ min: 1, max: 10_000 })), { maxLength: 80 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 50 }), (rows, core, pot) => {
        const unique = [...new Map(rows.map(([s, id]) => [id, s])).entries()];
        const ids = unique.map(([id]) => id);
        const xs = unique.map(([, s]) => s);
        const got = communicationTiers(Float64Array.from(xs), Float64Array.from(ids), { corePercent: core, potentialPercent: pot });
        expect(got).toEqual(bruteForce(xs, ids, core, pot));
      }),
    );
  });
});
