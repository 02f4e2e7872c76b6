/** hyp2f1 against closed forms and mpmath (50 digits), on both sides of z = 0.9 and with c − a − b near integers. */
import { describe, expect, it } from 'vitest';
import { hyp2f1 } from '../../src/stats/index.ts';

function expectRel(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

const ZS = [0, 0.1, 0.5, 0.9, 0.9000001, 0.95, 0.99, 0.999, 0.999999];

describe('hyp2f1 closed forms', () => {
  it('2F1(1, 1; 2; z) = −ln(1 − z)/z', () => {
    for (const z of ZS.slice(1)) expectRel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-14);
  });

  it('2F1(a, b; b; z) = (1 − z)^−a', () => {
    for (const z of ZS) for (const a of [0.3, 2.5, 7]) expectRel(hyp2f1(a, 1.7, 1.7, z), (1 - z) ** -a, 1e-13);
  });

  it('2F1(½, ½; 3/2; z²) = arcsin(z)/z', () => {
    for (const z of [0.1, 0.6, 0.96, Math.sqrt(0.95), Math.sqrt(0.99), 0.9999]) {
      expectRel(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-14);
    }
  });

  it('2F1(1, 1; 3/2; z²) = arcsin(z) / (z √(1 − z²)) (c − a − b = −½)', () => {
    for (const z of [0.5, Math.sqrt(0.95), Math.sqrt(0.995)]) {
      expectRel(hyp2f1(1, 1, 1.5, z * z), Math.asin(z) / (z * Math.sqrt(1 - z * z)), 1e-14);
    }
  });

  it('is a polynomial when a is a non-positive integer', () => {
    const [b, c] = [3.5, 1.25];
    for (const z of [0.4, 0.97]) expectRel(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 4e-15);
  });
});

describe('hyp2f1 against mpmath', () => {
  // [a, b, c, z, 2F1 by mpmath.hyp2f1 at 50 digits]
  const cases: [number, number, number, number, number][] = [
    [4.1, 0.5, 5.1, 0.5, 1.3011645849383111],
    [4.1, 0.5, 5.1, 0.9, 2.0920648411421983],
    [3, 4, 5, 0.95, 739.28074496990881], // c − a − b = −2 exactly
    [2, 3, 4, 0.999, 2967.4439006638379], // −1 exactly
    [0.3, 0.7, 1.0, 0.99, 2.1077109177178977], // 0 exactly: the logarithmic case
    [0.3, 0.7, 1.000000001, 0.95, 1.7008562675632594], // 1e-9 off an integer
    [1, 2, 3.000000000001, 0.99, 7.3771455687834106],
    [2.5, 1.5, 5.0000001, 0.99, 4.8620392556852972],
    [5.2, 1.3, 6.2, 0.97, 19.673486708468744], // Pareto/NBD shape: c = a + 1
    [12.5, 0.8, 14.3, 0.99, 6.9133144942259416],
    [25, 2, 30, 0.95, 30.823662666147837], // large a: the transformation cancels, the direct series takes over
    [1.5, 2, 1.2, 0.95, 1176.8242472693839], // c < a: direct series only
    [0.7, 2.2, 1.9, 0.99, 68.496901616034263],
  ];
  it.each(cases)('2F1(%f, %f; %f; %f)', (a, b, c, z, expected) => {
    expectRel(hyp2f1(a, b, c, z), expected, 5e-14);
  });

  it('keeps full accuracy as c − a − b approaches the integer 1 from both sides', () => {
    // [c, mpmath] for 2F1(0.4, 0.6; c; 0.98): at c = 2 the two halves of A&S 15.3.6 are each infinite.
    const near: [number, number][] = [
      [2, 1.2384847891823806],
      [2.00000000000001, 1.2384847891823783],
      [1.99999999999999, 1.2384847891823828],
      [2.0000000001, 1.238484789160305],
      [1.9999999999, 1.2384847892044561],
      [2.000001, 1.2384845684273643],
      [1.999999, 1.238485009937771],
    ];
    for (const [c, expected] of near) expectRel(hyp2f1(0.4, 0.6, c, 0.98), expected, 2e-15);
  });
});

describe('hyp2f1 errors', () => {
  it('rejects z outside [0, 1) and non-finite arguments, naming them', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/hyp2f1\(a=1, b=1, c=2, z=1\)/);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
    expect(() => hyp2f1(NaN, 1, 2, 0.5)).toThrow(RangeError);
  });

  it('rejects a pole at a non-positive integer c', () => {
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/c=-2.*pole/);
  });

  it('gives up with a RangeError rather than looping when the series cannot converge in time', () => {
    expect(() => hyp2f1(1.5, 2, 1.2, 0.9999999)).toThrow(/hyp2f1\(a=1.5, b=2, c=1.2, z=0.9999999\).*did not converge/);
  });
});
