/**
 * The likelihoods tabulate per distinct x, T and t_x, compressSummaries keys rows by their bits and the holdout
 * table shares one hyp2f1 per (x, T): all for speed, none may change a result. Each is checked here against its
 * row-by-row definition (the code as it was before), bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lgamma } from '../../src/stats/index.ts';
import {
  bgnbdConditionalExpected,
  bgnbdLogLikelihood,
  calibrationHoldout,
  compressSummaries,
  gammaGammaLogLikelihood,
  type BgNbdParams,
  type CustomerSummary,
  type GammaGammaParams,
  type SpendRows,
  type WeightedSummary,
} from '../../src/models/index.ts';
import { cdnowSpend, cdnowSummary } from './cdnow.ts';

function bgnbdRowByRow(p: BgNbdParams, s: WeightedSummary, grad: Float64Array): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const lbAB = lgamma(a + b) - lgamma(b);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  let [ll, gr, ga, gA, gB] = [0, 0, 0, 0, 0];
  for (let i = 0; i < s.x.length; i++) {
    const [x, tx, T, w] = [s.x[i]!, s.tx[i]!, s.T[i]!, s.weight[i]!];
    const A1 = lgamma(r + x) - lgR + r * lnAlpha;
    const A2 = lbAB + lgamma(b + x) - lgamma(a + b + x);
    const lnAT = Math.log(alpha + T);
    const A3 = -(r + x) * lnAT;
    let dr = digamma(r + x) - psiR + lnAlpha;
    let dalpha = r / alpha;
    const psiABX = digamma(a + b + x);
    let da = psiAB - psiABX;
    let db = psiAB + digamma(b + x) - psiB - psiABX;
    let li: number;
    if (x > 0) {
      const lnAtx = Math.log(alpha + tx);
      const A4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * lnAtx;
      const m = Math.max(A3, A4);
      const e3 = Math.exp(A3 - m);
      const e4 = Math.exp(A4 - m);
      li = A1 + A2 + m + Math.log(e3 + e4);
      const w3 = e3 / (e3 + e4);
      const w4 = 1 - w3;
      dr += -w3 * lnAT - w4 * lnAtx;
      dalpha += (-w3 * (r + x)) / (alpha + T) - (w4 * (r + x)) / (alpha + tx);
      da += w4 / a;
      db += -w4 / (b + x - 1);
    } else {
      li = A1 + A2 + A3;
      dr += -lnAT;
      dalpha += -(r + x) / (alpha + T);
    }
    ll += w * li;
    gr += w * dr;
    gA += w * dalpha;
    ga += w * da;
    gB += w * db;
  }
  grad.set([gr, gA, ga, gB]);
  return ll;
}

function gammaGammaRowByRow(par: GammaGammaParams, s: SpendRows, grad: Float64Array): number {
  const { p, q, gamma } = par;
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  const lnG = Math.log(gamma);
  let [ll, gp, gq, gg] = [0, 0, 0, 0];
  for (let i = 0; i < s.x.length; i++) {
    const [x, m] = [s.x[i]!, s.m[i]!];
    const px = p * x;
    const lnX = Math.log(x);
    const lnM = Math.log(m);
    const lnD = Math.log(gamma + x * m);
    ll += lgamma(px + q) - lgamma(px) - lgQ + q * lnG + px * lnX + (px - 1) * lnM - (px + q) * lnD;
    const psiPQ = digamma(px + q);
    gp += x * (psiPQ - digamma(px) + lnX + lnM - lnD);
    gq += psiPQ - psiQ + lnG - lnD;
    gg += q / gamma - (px + q) / (gamma + x * m);
  }
  grad.set([gp, gq, gg]);
  return ll;
}

function conditionalExpectedInOnePiece(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const tail = x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 0;
  return (head * body) / (1 + tail);
}

function compressByStrings(rows: readonly CustomerSummary[]): WeightedSummary {
  const index = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  for (const r of rows) {
    const key = `${r.x}|${r.tx}|${r.T}`;
    const i = index.get(key);
    if (i === undefined) {
      index.set(key, x.length);
      x.push(r.x);
      tx.push(r.tx);
      T.push(r.T);
      w.push(1);
    } else w[i]!++;
  }
  return { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weight: Float64Array.from(w), customers: rows.length };
}

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const bgParams = fc.record({ r: positive(0.05, 5), alpha: positive(0.1, 50), a: positive(0.05, 5), b: positive(0.05, 5) });
/** Summaries with repeated x, T and t_x (whole weeks and days), as the scoring run's are. */
const summaries = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 5 })).map(([x, T, back, w]) => ({
    x,
    tx: x === 0 ? 0 : Math.max(0, T - back) / 7,
    T: T / 7,
    w,
  })),
  { minLength: 1, maxLength: 80 },
);

describe('row-by-row definitions', () => {
  const cdnow = compressSummaries(cdnowSummary());

  it('BG/NBD: the tabulated likelihood and gradient equal the row-by-row ones bit for bit', () => {
    const check = (p: BgNbdParams, s: WeightedSummary) => {
      const [g, h] = [new Float64Array(4), new Float64Array(4)];
      expect(bgnbdLogLikelihood(p, s, g)).toBe(bgnbdRowByRow(p, s, h));
      expect([...g]).toEqual([...h]);
    };
    check({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cdnow);
    fc.assert(
      fc.property(bgParams, summaries, (p, rows) => {
        check(p, { x: Float64Array.from(rows, (r) => r.x), tx: Float64Array.from(rows, (r) => r.tx), T: Float64Array.from(rows, (r) => r.T), weight: Float64Array.from(rows, (r) => r.w), customers: 0 });
      }),
    );
  });

  it('Gamma-Gamma: the tabulated likelihood and gradient equal the row-by-row ones bit for bit', () => {
    const repeat = cdnowSpend().filter((r) => r.x > 0);
    const rows = { x: Float64Array.from(repeat, (r) => r.x), m: Float64Array.from(repeat, (r) => r.monetary) };
    fc.assert(
      fc.property(fc.record({ p: positive(0.1, 20), q: positive(0.1, 20), gamma: positive(0.1, 100) }), (par) => {
        const [g, h] = [new Float64Array(3), new Float64Array(3)];
        expect(gammaGammaLogLikelihood(par, rows, g)).toBe(gammaGammaRowByRow(par, rows, h));
        expect([...g]).toEqual([...h]);
      }),
    );
  });

  it('compressSummaries equals the string-keyed compression', () => {
    const same = (a: WeightedSummary, b: WeightedSummary) => {
      expect(a.customers).toBe(b.customers);
      for (const k of ['x', 'tx', 'T', 'weight'] as const) expect([...a[k]]).toEqual([...b[k]]);
    };
    same(compressSummaries(cdnowSummary()), compressByStrings(cdnowSummary()));
    fc.assert(
      fc.property(summaries, (rows) => {
        same(compressSummaries(rows), compressByStrings(rows));
      }),
    );
  });

  it('the conditional expectation in two parts equals it in one piece, and calibrationHoldout sums it per customer', () => {
    fc.assert(
      fc.property(bgParams, summaries, positive(0.5, 60), (p, rows, t) => {
        for (const r of rows) expect(bgnbdConditionalExpected(p, t, r.x, r.tx, r.T)).toBe(conditionalExpectedInOnePiece(p, t, r.x, r.tx, r.T));
      }),
    );
    const p: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const rows = cdnowSummary().map((r, i) => ({ ...r, holdoutPurchases: i % 3 }));
    const groups = Array.from({ length: 8 }, () => ({ customers: 0, predicted: 0 }));
    for (const r of rows) {
      const g = groups[Math.min(r.x, 7)]!;
      g.customers++;
      g.predicted += conditionalExpectedInOnePiece(p, 39, r.x, r.tx, r.T);
    }
    expect(calibrationHoldout(p, rows, 39).map((g) => g.predicted)).toEqual(groups.map((g) => g.predicted / g.customers));
  });
});
