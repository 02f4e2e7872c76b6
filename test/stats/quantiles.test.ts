/** ntile, ntileTiesShared, percentileRank and quantileSorted against brute-force definitions and numpy/R examples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ntile, ntileTiesShared, percentileRank, quantileSorted } from '../../src/stats/index.ts';

/** SQL NTILE by its definition: k groups as equal as possible, the first n mod k one row larger; n < k gives 1..n. */
function bruteNtile(values: number[], tieBreak: number[], k: number): number[] {
  const n = values.length;
  const rows = values.map((v, i) => ({ v, t: tieBreak[i]!, i }));
  rows.sort((a, b) => a.v - b.v || a.t - b.t || a.i - b.i);
  const buckets: number[] = [];
  for (let bucket = 1; bucket <= Math.min(k, n); bucket++) {
    const size = Math.floor(n / k) + (bucket <= n % k ? 1 : 0);
    for (let j = 0; j < size; j++) buckets.push(bucket);
  }
  const out = new Array<number>(n);
  rows.forEach((r, pos) => (out[r.i] = buckets[pos]!));
  return out;
}

const smallInts = fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 });

describe('ntile', () => {
  it('gives [1,1,2,2,3,3,4,4,5,5] for k = 5 on 1..10, in input order', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([...ntile(v, v, 5)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([...ntile([...v].reverse(), v, 5)]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('puts the larger buckets first, as SQL does (n = 10, k = 4: sizes 3, 3, 2, 2)', () => {
    const v = Array.from({ length: 10 }, (_, i) => i);
    expect([...ntile(v, v, 4)]).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
  });

  it('gives each row its own bucket when n < k, and nothing for n = 0', () => {
    expect([...ntile([30, 10, 20], [0, 1, 2], 5)]).toEqual([3, 1, 2]);
    expect(ntile([], [], 5)).toHaveLength(0);
  });

  it('breaks ties in value by tieBreak ascending', () => {
    expect([...ntile([7, 7, 7, 7], [4, 3, 2, 1], 2)]).toEqual([2, 2, 1, 1]);
  });

  it('agrees with the brute-force SQL definition on random inputs with ties', () => {
    fc.assert(
      fc.property(smallInts, fc.integer({ min: 1, max: 12 }), (values, k) => {
        const ids = values.map((_, i) => (i * 7919) % 101); // distinct ids in scrambled order
        expect([...ntile(values, ids, k)]).toEqual(bruteNtile(values, ids, k));
      }),
    );
  });

  it('rejects k outside 1..255 and mismatched lengths', () => {
    expect(() => ntile([1], [1], 0)).toThrow(RangeError);
    expect(() => ntile([1], [1], 256)).toThrow(RangeError);
    expect(() => ntile([1, 2], [1], 2)).toThrow(RangeError);
  });
});

describe('ntileTiesShared', () => {
  it('gives a run of equal values the score of its first sorted position', () => {
    // Sorted positions 0..9 with NTILE(5) scores 1,1,2,2,3,3,4,4,5,5; the 3s occupy positions 2..5.
    expect([...ntileTiesShared([1, 2, 3, 3, 3, 3, 4, 5, 6, 7], 5)]).toEqual([1, 1, 2, 2, 2, 2, 4, 4, 5, 5]);
    expect([...ntileTiesShared([9, 9, 9], 4)]).toEqual([1, 1, 1]);
  });

  it('equals ntile on distinct values and never splits equal values', () => {
    fc.assert(
      fc.property(smallInts, fc.integer({ min: 1, max: 10 }), (values, k) => {
        const shared = ntileTiesShared(values, k);
        const plain = bruteNtile(values, values.map(() => 0), k);
        values.forEach((v, i) => {
          const firstOfRun = Math.min(...plain.filter((_, j) => values[j] === v));
          expect(shared[i]).toBe(firstOfRun);
        });
      }),
    );
  });
});

describe('percentileRank', () => {
  it('is (average rank − 1)/(n − 1): 0 for the minimum, 1 for the maximum, ties at their mid-rank', () => {
    expect([...percentileRank([10, 20, 30, 40, 50])]).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // Ranks 1, 2.5, 2.5, 4 → (r − 1)/3.
    expect([...percentileRank([5, 1, 3, 3])]).toEqual([1, 0, 0.5, 0.5]);
    expect([...percentileRank([4, 4, 4])]).toEqual([0.5, 0.5, 0.5]);
    expect([...percentileRank([42])]).toEqual([0.5]);
    expect(percentileRank([])).toHaveLength(0);
  });

  it('matches counting below and equal, and is antisymmetric under negation', () => {
    fc.assert(
      fc.property(smallInts.filter((v) => v.length >= 2), (values) => {
        const n = values.length;
        const pr = percentileRank(values);
        const neg = percentileRank(values.map((v) => -v));
        values.forEach((v, i) => {
          const below = values.filter((u) => u < v).length;
          const equal = values.filter((u) => u === v).length - 1;
          expect(pr[i]).toBeCloseTo((below + equal / 2) / (n - 1), 14);
          expect(pr[i]! + neg[i]!).toBeCloseTo(1, 14);
        });
      }),
    );
  });
});

describe('quantileSorted (type 7)', () => {
  it("reproduces numpy.quantile's documented examples", () => {
    // a = [[10, 7, 4], [3, 2, 1]]: np.quantile(a, 0.5) = 3.5; axis=0 → [6.5, 4.5, 2.5]; axis=1 → [7, 2].
    expect(quantileSorted([1, 2, 3, 4, 7, 10], 0.5)).toBe(3.5);
    expect([quantileSorted([3, 10], 0.5), quantileSorted([2, 7], 0.5), quantileSorted([1, 4], 0.5)]).toEqual([6.5, 4.5, 2.5]);
    expect([quantileSorted([4, 7, 10], 0.5), quantileSorted([1, 2, 3], 0.5)]).toEqual([7, 2]);
  });

  it("reproduces R's quantile(1:10): 1, 3.25, 5.5, 7.75, 10", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(x, p))).toEqual([1, 3.25, 5.5, 7.75, 10]);
  });

  it('handles one value, infinite neighbours and bad input', () => {
    expect(quantileSorted([3], 0.3)).toBe(3);
    expect(quantileSorted([1, Infinity, Infinity], 0.75)).toBe(Infinity);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1, 2], 1.5)).toThrow(RangeError);
  });
});
