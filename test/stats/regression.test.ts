/** linearFit: exact lines, a weighted case worked by hand, weights as repeated points, degenerate inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearFit } from '../../src/stats/index.ts';

describe('linearFit', () => {
  it('recovers an exact line with r2 = 1, even at epoch-day sized x', () => {
    const x = [0, 1, 2, 3, 4].map((d) => 20_000 + d);
    const fit = linearFit(x, x.map((v) => 3 - 0.5 * v));
    expect(fit.slope).toBeCloseTo(-0.5, 10);
    expect(fit.intercept).toBeCloseTo(3, 6);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.n).toBe(5);
  });

  it('matches a weighted fit worked by hand', () => {
    // (0,1) w1, (1,3) w2, (2,2) w1: x̄ = 1, ȳ = 9/4, Sxx = 2, Sxy = 1, Syy = 11/4 → b = 1/2, a = 7/4, r² = 2/11.
    const fit = linearFit([0, 1, 2], [1, 3, 2], [1, 2, 1]);
    expect(fit.slope).toBeCloseTo(0.5, 14);
    expect(fit.intercept).toBeCloseTo(1.75, 14);
    expect(fit.r2).toBeCloseTo(2 / 11, 14);
    expect(fit.n).toBe(3);
  });

  it('matches the unweighted closed form (ordinary least squares, hand-worked)', () => {
    // (1,2), (2,3), (3,5), (4,4): x̄ = 2.5, ȳ = 3.5, Sxx = 5, Sxy = 4, Syy = 5 → b = 0.8, a = 1.5, r² = 0.64.
    const fit = linearFit([1, 2, 3, 4], [2, 3, 5, 4]);
    expect(fit.slope).toBeCloseTo(0.8, 14);
    expect(fit.intercept).toBeCloseTo(1.5, 14);
    expect(fit.r2).toBeCloseTo(0.64, 14);
  });

  it('treats an integer weight as that many copies of the point, and ignores zero weights', () => {
    const point = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 15 }), (pts) => {
        const xs = new Set(pts.filter(([, , w]) => w > 0).map(([x]) => x));
        fc.pre(xs.size >= 2);
        const weighted = linearFit(pts.map((p) => p[0]), pts.map((p) => p[1]), pts.map((p) => p[2]));
        const copies = pts.flatMap(([x, y, w]) => Array.from({ length: w }, () => [x, y] as const));
        const plain = linearFit(copies.map((p) => p[0]), copies.map((p) => p[1]));
        expect(weighted.slope).toBeCloseTo(plain.slope, 10);
        expect(weighted.intercept).toBeCloseTo(plain.intercept, 9);
        expect(weighted.r2).toBeCloseTo(plain.r2, 10);
        expect(weighted.n).toBe(pts.filter(([, , w]) => w > 0).length);
      }),
    );
  });

  it('gives the flat line through the mean when x has no spread, and r2 = 1 for constant y', () => {
    expect(linearFit([5, 5], [1, 3])).toEqual({ intercept: 2, slope: 0, r2: 0, n: 2 });
    expect(linearFit([7], [4])).toEqual({ intercept: 4, slope: 0, r2: 1, n: 1 });
    expect(linearFit([1, 2, 3], [6, 6, 6])).toEqual({ intercept: 6, slope: 0, r2: 1, n: 3 });
  });

  it('rejects mismatched lengths, bad weights, non-finite points and empty input', () => {
    expect(() => linearFit([1, 2], [1])).toThrow(RangeError);
    expect(() => linearFit([1, 2], [1, 2], [1])).toThrow(RangeError);
    expect(() => linearFit([1, 2], [1, 2], [1, -1])).toThrow(RangeError);
    expect(() => linearFit([1, NaN], [1, 2])).toThrow(RangeError);
    expect(() => linearFit([], [])).toThrow(RangeError);
    expect(() => linearFit([1], [1], [0])).toThrow(RangeError);
  });
});
