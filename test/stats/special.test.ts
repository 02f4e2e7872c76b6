/** lgamma, digamma and lbeta against closed forms, published constants and mpmath (50 digits). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, lbeta, lgamma } from '../../src/stats/index.ts';

const EULER_GAMMA = 0.5772156649015329;

/** |actual − expected| ≤ tol · |expected| (absolute when expected is 0). */
function expectRel(actual: number, expected: number, tol: number): void {
  const err = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(err, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

describe('lgamma', () => {
  it('is log((n−1)!) at integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 25; n++) {
      expectRel(lgamma(n), Math.log(factorial), 1e-14);
      factorial *= n;
    }
    expectRel(lgamma(10), Math.log(362880), 1e-15);
  });

  it('matches Γ(½) = √π, Γ(1/3), Γ(1/4) and Γ(−½) = −2√π', () => {
    expectRel(lgamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
    expectRel(lgamma(1 / 3), Math.log(2.678938534707747633), 1e-14);
    expectRel(lgamma(0.25), Math.log(3.625609908221908312), 1e-14);
    expectRel(lgamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14);
  });

  it('matches mpmath, keeping relative accuracy next to its zeros at 1 and 2', () => {
    expectRel(lgamma(1e-8), 18.420680738180209, 1e-15);
    expectRel(lgamma(100), 359.1342053695754, 1e-15);
    expectRel(lgamma(171.5), 709.14316303092824, 1e-15);
    expectRel(lgamma(1e10), 220258509288.81058, 1e-15);
    expectRel(lgamma(3.7), 1.4280723266653881, 1e-14);
    expectRel(lgamma(1 + 1e-8), -5.7721565316885122e-9, 1e-14);
    expectRel(lgamma(2 - 1e-6), -4.2278401259658537e-7, 1e-14);
    expect(lgamma(1)).toBe(0);
    expect(lgamma(2)).toBe(0);
  });

  it('satisfies Γ(x + 1) = x Γ(x) across its branches', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 300, noNaN: true }), (x) => {
        expect(Math.abs(lgamma(x + 1) - lgamma(x) - Math.log(x))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(lgamma(x + 1))));
      }),
    );
  });

  it('has poles at 0 and the negative integers', () => {
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
    expect(lgamma(NaN)).toBeNaN();
  });
});

describe('digamma', () => {
  it('matches ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(−½) = 2 − γ − 2 ln 2', () => {
    expectRel(digamma(1), -EULER_GAMMA, 1e-15);
    expectRel(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-15);
    expectRel(digamma(-0.5), 2 - EULER_GAMMA - 2 * Math.LN2, 1e-13);
  });

  it('matches mpmath', () => {
    expectRel(digamma(1e-8), -100000000.57721565, 1e-15);
    expectRel(digamma(100), 4.6001618527380874, 1e-15);
    expectRel(digamma(7.25), 1.910453526883736, 1e-15);
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThanOrEqual(1e-13 * Math.max(1, 1 / x, Math.abs(digamma(x))));
      }),
    );
  });

  it('is the derivative of lgamma', () => {
    for (const x of [0.3, 1.7, 4.2, 12.5, 250]) {
      const h = 1e-5 * x;
      expectRel(digamma(x), (lgamma(x + h) - lgamma(x - h)) / (2 * h), 1e-7);
    }
  });
});

describe('lbeta', () => {
  it('is log of the beta function', () => {
    expectRel(lbeta(3, 4), Math.log(1 / 60), 1e-15);
    expectRel(lbeta(0.5, 0.5), Math.log(Math.PI), 1e-15);
    expectRel(lbeta(2.5, 40), -8.9836273392981518, 1e-14);
    expect(lbeta(2.5, 40)).toBe(lbeta(40, 2.5));
  });

  it('keeps its digits with huge arguments, where lgamma sums cancel (mpmath)', () => {
    expectRel(lbeta(1e10, 0.5), -10.940560522033028, 1e-13);
    expectRel(lbeta(1e6, 1e6), -1386300.0033629211, 1e-15);
  });

  it('is NaN outside a, b > 0', () => {
    expect(lbeta(0, 1)).toBeNaN();
    expect(lbeta(1, -2)).toBeNaN();
  });
});
