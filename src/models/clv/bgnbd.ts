/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a customer buys as a
 * Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Fitted by maximum likelihood on log-parameters with L-BFGS and the analytic gradient.
 */
import { hyp2f1, lbeta, lgamma } from '../../stats/index.ts';
import { indexedLogLikelihood, indexSummary, type BgNbdParams } from './bgnbd-likelihood.ts';
import { fitOnLogScale, type FitReport } from './log-scale-fit.ts';
import type { WeightedSummary } from './summary.ts';

export type { FitReport } from './log-scale-fit.ts';
export type { BgNbdParams } from './bgnbd-likelihood.ts';

/**
 * Per-customer log-likelihood (FHL 2005, eq. 6) as A1 + A2 + log(e^A3 + δ(x>0)·e^A4), with its gradient in
 * (r, α, a, b). Returns Σ weight·ℓ and adds Σ weight·∂ℓ into `grad` when given.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, s: WeightedSummary, grad?: Float64Array): number {
  return indexedLogLikelihood(p, indexSummary(s), grad);
}

export function fitBgNbd(s: WeightedSummary, opts: { maxIterations?: number } = {}): FitReport<BgNbdParams> {
  if (s.customers === 0) throw new RangeError('no customers to fit');
  const meanT = s.T.reduce((acc, t, i) => acc + t * s.weight[i]!, 0) / s.customers;
  // α is a time scale: starting it at the mean age keeps the first steps in the data's units.
  const start = { r: 1, alpha: Math.max(meanT, 1e-6), a: 1, b: 1 };
  const indexed = indexSummary(s);
  return fitOnLogScale(['r', 'alpha', 'a', 'b'], start, s.customers, (p, grad) => indexedLogLikelihood(p, indexed, grad), opts.maxIterations);
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
  return bgnbdConditionalNumerator(p, t, x, T) / bgnbdConditionalDenominator(p, x, tx, T);
}

/**
 * The numerator of E[Y(t) | x, t_x, T], which holds its one hyp2f1 and does not depend on t_x: customers with the
 * same x and T (far fewer than distinct histories) share it.
 */
export function bgnbdConditionalNumerator(p: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return head * body;
}

/** The denominator of E[Y(t) | x, t_x, T]: 1 + δ(x>0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x). */
export function bgnbdConditionalDenominator(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const tail = x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 0;
  return 1 + tail;
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
