/** Shared-tie ranks and scores, by hand and against a brute-force definition. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctValues } from '../../src/stats/distinct-values.ts';
import { countBelow, tiedScores } from '../../src/stats/index.ts';
import { sortDoubles } from '../../src/stats/radix-sort.ts';

/** The definition, O(n²): values strictly below (−0 < +0 is false, NaN compares false with everything). */
const bruteForce = (xs: readonly number[]) => xs.map((x) => (Number.isNaN(x) ? -1 : xs.filter((y) => y < x).length));

/** The same by one numeric sort and a lower-bound search per value, for arrays too long for the brute force. */
function bySort(xs: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(xs).sort();
  return Array.from(xs, (v) => {
    if (Number.isNaN(v)) return -1;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
}

/** Park–Miller, so the long inputs are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 0.1, -0.1];

describe('countBelow and tiedScores', () => {
  it('work a hand example with ties and NaN', () => {
    expect([...countBelow([5, 1, 5, NaN, 3])]).toEqual([2, 0, 2, -1, 1]);
    // n = 4 non-NaN: 1 + ⌊5·below/4⌋ → 5 → 1+⌊10/4⌋=3, 1 → 1, 3 → 1+⌊5/4⌋=2
    expect([...tiedScores([5, 1, 5, NaN, 3], 5)]).toEqual([3, 1, 3, 0, 2]);
    expect([...tiedScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 10], 5)]).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it('tie −0 with +0 and order infinities, subnormals and negatives', () => {
    expect([...countBelow([0, -0, -Infinity, Infinity, -Number.MIN_VALUE, Number.MIN_VALUE, -2, NaN, -0])]).toEqual([3, 3, 0, 7, 2, 6, 1, -1, 3]);
    expect([...countBelow([])]).toEqual([]);
    expect([...countBelow([NaN, NaN])]).toEqual([-1, -1]);
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

  it('equal the brute-force definition on any doubles, NaN, ±0 and ±Infinity included', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(...SPECIAL));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (xs) => {
        expect([...countBelow(xs)]).toEqual(bruteForce(xs));
      }),
    );
    // Few distinct values among many: ranked through the distinct values.
    const repeated = fc.array(fc.constantFrom(...SPECIAL, 2.5, 1e300, -7), { minLength: 100, maxLength: 400 });
    fc.assert(
      fc.property(repeated, (xs) => {
        expect([...countBelow(xs)]).toEqual(bruteForce(xs));
      }),
    );
  });

  it('equal a sort on long columns, whichever way they are ranked', () => {
    const rand = lcg(7);
    const n = 30_000;
    const columns: Record<string, Float64Array> = {
      // thousands of distinct values (the hash table grows several times), zeros of both signs, NaN
      counts: Float64Array.from({ length: n }, () => (rand() < 0.05 ? NaN : rand() < 0.3 ? (rand() < 0.5 ? -0 : 0) : Math.floor(rand() * 3000) - 500)),
      // continuous: sorted whole
      continuous: Float64Array.from({ length: n }, () => (rand() < 0.01 ? NaN : (rand() - 0.3) * 10 ** (rand() * 40 - 20))),
      // one high half for all: a single long run ordered by the low halves, with ties
      sameHighHalf: Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 20_000) * 2 ** -40),
      // both signs and many short runs of a shared high half
      shortRuns: Float64Array.from({ length: n }, () => (rand() < 0.5 ? -1 : 1) * (1 + Math.floor(rand() * 2 ** 40) * 2 ** -52) * 2 ** Math.floor(rand() * 10)),
      ascending: Float64Array.from({ length: n }, (_, i) => Math.floor(i / 3)),
    };
    for (const [name, xs] of Object.entries(columns)) expect([...countBelow(xs)], name).toEqual(bySort(xs));
  });
});

describe('sortDoubles', () => {
  it('orders positions by value, stably, without NaN', () => {
    const rand = lcg(11);
    const xs = Float64Array.from({ length: 5000 }, () => {
      const r = rand();
      return r < 0.1 ? SPECIAL[Math.floor(rand() * SPECIAL.length)]! : r < 0.5 ? 1 + Math.floor(rand() * 100) * 2 ** -45 : (rand() - 0.5) * 1e6;
    });
    const { order, count } = sortDoubles(xs);
    const expected = Array.from(xs.keys())
      .filter((i) => !Number.isNaN(xs[i]!))
      .sort((i, j) => (xs[i]! < xs[j]! ? -1 : xs[j]! < xs[i]! ? 1 : i - j));
    expect(count).toBe(expected.length);
    expect([...order.subarray(0, count)]).toEqual(expected);
  });
});

describe('distinctValues', () => {
  it('finds the distinct values in order of appearance with their counts, or gives up past the limit', () => {
    const d = distinctValues(Float64Array.from([3, -0, NaN, 0, 3, 3, -1]), 10)!;
    expect([...d.id]).toEqual([0, 1, -1, 1, 0, 0, 2]);
    expect([...d.values]).toEqual([3, 0, -1]);
    expect(Object.is(d.values[1], 0)).toBe(true);
    expect([...d.counts]).toEqual([3, 2, 1]);
    expect(distinctValues(Float64Array.from([1, 2, 3, 4]), 3)).toBeUndefined();
    expect(distinctValues(Float64Array.from([1, 2, 3, 3]), 3)).toBeDefined();
  });
});
