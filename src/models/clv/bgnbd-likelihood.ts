/**
 * The BG/NBD log-likelihood and its gradient over a weighted summary (FHL 2005, eq. 6), arranged for a fit that
 * evaluates it a few dozen times over tens of thousands of distinct histories: every term that depends on x alone
 * (the lgammas, digammas and log(b + x − 1)) is computed once per distinct x, and log(α + T), log(α + t_x) once per
 * distinct T and t_x. Each row then costs an exp and a log. The per-row expressions are the same operations in
 * the same order as computing everything per row, so the sums are the same to the last bit.
 */
import { digamma, lgamma } from '../../stats/index.ts';
import { distinctIndex, type DistinctIndex } from './distinct-index.ts';
import type { WeightedSummary } from './summary.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A summary with its columns indexed by distinct value: built once per fit, reused by every evaluation. */
export interface IndexedSummary {
  s: WeightedSummary;
  x: DistinctIndex;
  tx: DistinctIndex;
  T: DistinctIndex;
}

export function indexSummary(s: WeightedSummary): IndexedSummary {
  return { s, x: distinctIndex(s.x), tx: distinctIndex(s.tx), T: distinctIndex(s.T) };
}

/**
 * Per-customer ℓ = A1 + A2 + log(e^A3 + δ(x>0)·e^A4), with its gradient in (r, α, a, b). Returns Σ weight·ℓ and adds
 * Σ weight·∂ℓ into `grad` when given.
 */
export function indexedLogLikelihood(p: BgNbdParams, ix: IndexedSummary, grad?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const { s } = ix;
  const lnAlpha = Math.log(alpha);
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const lbAB = lgamma(a + b) - lgamma(b);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const lnA = Math.log(a);
  const rLnAlpha = r * lnAlpha;

  // Per distinct x: A1 + A2, r + x, b + x − 1, log a − log(b + x − 1), and the parts of ∂A1, ∂A2.
  const xs = ix.x.values;
  const k = xs.length;
  const A12 = new Float64Array(k);
  const rx = new Float64Array(k);
  const bx1 = new Float64Array(k);
  const A4base = new Float64Array(k);
  const dr0 = new Float64Array(k);
  const da0 = new Float64Array(k);
  const db0 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const x = xs[j]!;
    const A1 = lgamma(r + x) - lgR + rLnAlpha;
    const A2 = lbAB + lgamma(b + x) - lgamma(a + b + x);
    A12[j] = A1 + A2;
    rx[j] = r + x;
    bx1[j] = b + x - 1;
    A4base[j] = lnA - Math.log(b + x - 1);
    dr0[j] = digamma(r + x) - psiR + lnAlpha;
    const psiABX = digamma(a + b + x);
    da0[j] = psiAB - psiABX;
    db0[j] = psiAB + digamma(b + x) - psiB - psiABX;
  }
  const alphaT = shifted(ix.T.values, alpha);
  const lnAlphaT = logs(alphaT);
  const alphaTx = shifted(ix.tx.values, alpha);
  const lnAlphaTx = logs(alphaTx);

  const xAt = ix.x.at;
  const TAt = ix.T.at;
  const txAt = ix.tx.at;
  const dalpha0 = r / alpha;
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gA = 0;
  let gB = 0;
  for (let i = 0; i < s.x.length; i++) {
    const j = xAt[i]!;
    const w = s.weight[i]!;
    const rPlusX = rx[j]!;
    const aT = alphaT[TAt[i]!]!;
    const lnAT = lnAlphaT[TAt[i]!]!;
    const A3 = -rPlusX * lnAT;
    let dr = dr0[j]!;
    let dalpha = dalpha0;
    let da = da0[j]!;
    let db = db0[j]!;
    let li: number;
    if (xs[j]! > 0) {
      const aTx = alphaTx[txAt[i]!]!;
      const lnAtx = lnAlphaTx[txAt[i]!]!;
      const A4 = A4base[j]! - rPlusX * lnAtx;
      const m = Math.max(A3, A4);
      // One of the two is e^0 = 1 (exactly, by the spec of Math.exp): skipping that call keeps every bit.
      const d3 = A3 - m;
      const d4 = A4 - m;
      const e3 = d3 === 0 ? 1 : Math.exp(d3);
      const e4 = d4 === 0 ? 1 : Math.exp(d4);
      li = A12[j]! + m + Math.log(e3 + e4);
      const w3 = e3 / (e3 + e4);
      const w4 = 1 - w3;
      dr += -w3 * lnAT - w4 * lnAtx;
      dalpha += (-w3 * rPlusX) / aT - (w4 * rPlusX) / aTx;
      da += w4 / a;
      db += -w4 / bx1[j]!;
    } else {
      li = A12[j]! + A3;
      dr += -lnAT;
      dalpha += -rPlusX / aT;
    }
    ll += w * li;
    gr += w * dr;
    gA += w * dalpha;
    ga += w * da;
    gB += w * db;
  }
  if (grad) {
    grad[0]! += gr;
    grad[1]! += gA;
    grad[2]! += ga;
    grad[3]! += gB;
  }
  return ll;
}

function shifted(values: Float64Array, by: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) out[j] = by + values[j]!;
  return out;
}

function logs(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) out[j] = Math.log(values[j]!);
  return out;
}
