/**
 * The Gamma-Gamma log-likelihood and its gradient, arranged for a fit that evaluates it a few dozen times over every
 * repeat customer (spend rows are not compressed: m is continuous). lgamma and digamma depend on x alone and are
 * computed once per distinct x; ln x, ln m and x·m do not depend on the parameters and are computed once per fit.
 * The per-row expressions are the same operations in the same order as computing everything per row, so the sums
 * are the same to the last bit.
 */
import { digamma, lgamma } from '../../stats/index.ts';
import { distinctIndex, type DistinctIndex } from './distinct-index.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Customers with x > 0 repeat purchases of mean value m (the only ones that inform the spend model). */
export interface SpendRows {
  x: Float64Array;
  m: Float64Array;
}

export interface IndexedSpendRows {
  x: DistinctIndex;
  /** ln x per distinct x. */
  lnX: Float64Array;
  /** Per row: ln m and x·m. */
  lnM: Float64Array;
  xm: Float64Array;
}

export function indexSpendRows(s: SpendRows): IndexedSpendRows {
  const x = distinctIndex(s.x);
  const lnM = new Float64Array(s.m.length);
  const xm = new Float64Array(s.m.length);
  for (let i = 0; i < s.m.length; i++) {
    lnM[i] = Math.log(s.m[i]!);
    xm[i] = s.x[i]! * s.m[i]!;
  }
  return { x, lnX: x.values.map(Math.log), lnM, xm };
}

/** ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + px ln x + (px−1) ln m − (px+q) ln(γ + x m), summed. */
export function indexedSpendLikelihood(par: GammaGammaParams, ix: IndexedSpendRows, grad?: Float64Array): number {
  const { p, q, gamma } = par;
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  const lnG = Math.log(gamma);
  const xs = ix.x.values;
  const k = xs.length;
  // Per distinct x: ℓ's terms up to px ln x, px − 1, px + q, and the x-only parts of ∂p and ∂q.
  const head = new Float64Array(k);
  const pxMinus1 = new Float64Array(k);
  const pxq = new Float64Array(k);
  const gpHead = new Float64Array(k);
  const gqHead = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const px = p * xs[j]!;
    head[j] = lgamma(px + q) - lgamma(px) - lgQ + q * lnG + px * ix.lnX[j]!;
    pxMinus1[j] = px - 1;
    pxq[j] = px + q;
    if (grad) {
      const psiPQ = digamma(px + q);
      gpHead[j] = psiPQ - digamma(px) + ix.lnX[j]!;
      gqHead[j] = psiPQ - psiQ + lnG;
    }
  }
  const at = ix.x.at;
  const qOverGamma = q / gamma;
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let i = 0; i < at.length; i++) {
    const j = at[i]!;
    const lnM = ix.lnM[i]!;
    const d = gamma + ix.xm[i]!;
    const lnD = Math.log(d);
    ll += head[j]! + pxMinus1[j]! * lnM - pxq[j]! * lnD;
    if (grad) {
      gp += xs[j]! * (gpHead[j]! + lnM - lnD);
      gq += gqHead[j]! - lnD;
      gg += qOverGamma - pxq[j]! / d;
    }
  }
  if (grad) {
    grad[0]! += gp;
    grad[1]! += gq;
    grad[2]! += gg;
  }
  return ll;
}
