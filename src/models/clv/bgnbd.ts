/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a customer buys as a
 * Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Fitted by maximum likelihood on log-parameters with L-BFGS and the analytic gradient.
 */
import { digamma, hyp2f1, lbeta, lgamma } from '../../stats/index.ts';
import { fitOnLogScale, type FitReport } from './log-scale-fit.ts';
import type { WeightedSummary } from './summary.ts';

export type { FitReport } from './log-scale-fit.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Per-customer log-likelihood (FHL 2005, eq. 6) as A1 + A2 + log(e^A3 + δ(x>0)·e^A4), with its gradient in
 * (r, α, a, b). Returns Σ weight·ℓ and adds Σ weight·∂ℓ into `grad` when given.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, s: WeightedSummary, grad?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const lbAB = lgamma(a + b) - lgamma(b);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gA = 0;
  let gB = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const tx = s.tx[i]!;
    const T = s.T[i]!;
    const w = s.weight[i]!;
    const A1 = lgamma(r + x) - lgR + r * lnAlpha;
    const A2 = lbAB + lgamma(b + x) - lgamma(a + b + x);
    const lnAT = Math.log(alpha + T);
    const A3 = -(r + x) * lnAT;
    // ∂A1, ∂A2, ∂A3
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
      dalpha += -w3 * (r + x) / (alpha + T) - w4 * (r + x) / (alpha + tx);
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
  if (grad) {
    grad[0]! += gr;
    grad[1]! += gA;
    grad[2]! += ga;
    grad[3]! += gB;
  }
  return ll;
}

export function fitBgNbd(s: WeightedSummary, opts: { maxIterations?: number } = {}): FitReport<BgNbdParams> {
  if (s.customers === 0) throw new RangeError('no customers to fit');
  const meanT = s.T.reduce((acc, t, i) => acc + t * s.weight[i]!, 0) / s.customers;
  // α is a time scale: starting it at the mean age keeps the first steps in the data's units.
  const start = { r: 1, alpha: Math.max(meanT, 1e-6), a: 1, b: 1 };
  return fitOnLogScale(['r', 'alpha', 'a', 'b'], start, s.customers, (p, grad) => bgnbdLogLikelihood(p, s, grad), opts.maxIterations);
}

/** P(alive | x, t_x, T) (FHL 2005, eq. 11). */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const lnRatio = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnRatio));
}

/**
 * E[X(t)]: purchases a new customer makes in (0, t] (FHL 2005, eq. 9). The formula holds for any a ≠ 1 (CDNOW's
 * a = 0.793 < 1: the negative factor and the negative bracket cancel).
 */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyp2f1(r, b, a + b - 1, z));
}

/** E[Y(t) | x, t_x, T]: purchases in the next t periods of a customer with this history (FHL 2005, eq. 10). */
export function bgnbdConditionalExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const tail = x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 0;
  return (head * body) / (1 + tail);
}

/** P(X(t) = n) for a new customer (FHL 2005, eq. 8): the calibration histogram of repeat purchases. */
export function bgnbdProbabilityOfN(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lnGammaPart = lgamma(r + n) - lgamma(r) - lgamma(n + 1) + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t));
  const first = Math.exp(lbeta(a, b + n) - lbeta(a, b) + lnGammaPart);
  if (n === 0) return first;
  // δ(n>0) · B(a+1, b+n−1)/B(a,b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + j * Math.log(t / (alpha + t)));
  const second = Math.exp(lbeta(a + 1, b + n - 1) - lbeta(a, b)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * sum);
  return first + second;
}
