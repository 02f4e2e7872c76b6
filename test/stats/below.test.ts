/** Shared-tie ranks and scores, by hand and against a brute-force definition. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBelow, tiedScores } from '../../src/stats/index.ts';

describe('countBelow and tiedScores', () => {
  it('work a hand example with ties and NaN', () => {
    expect([...countBelow([5, 1, 5, NaN, 3])]).toEqual([2, 0, 2, -1, 1]);
    // n = 4 non-NaN: 1 + ⌊5·below/4⌋ → 5 → 1+⌊10/4⌋=3, 1 → 1, 3 → 1+⌊5/4⌋=2
    expect([...tiedScores([5, 1, 5, NaN, 3], 5)]).toEqual([3, 1, 3, 0, 2]);
    expect([...tiedScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 10], 5)]).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it('equal the brute-force definition on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const below = countBelow(xs);
        const scores = tiedScores(xs, 5);
        xs.forEach((x, i) => {
          const b = xs.filter((y) => y < x).length;
          expect(below[i]).toBe(b);
          expect(scores[i]).toBe(1 + Math.floor((5 * b) / xs.length));
        });
      }),
    );
  });
});
