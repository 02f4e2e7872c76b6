/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, note 025; Colombo & Jiang 1999): each transaction's value is
 * Gamma(p, ν) around a customer's mean, with ν ~ Gamma(q, γ) across customers. Fitted on customers with repeat
 * purchases only, by maximum likelihood on log-parameters with L-BFGS and the analytic gradient.
 */
import { indexedSpendLikelihood, indexSpendRows, type GammaGammaParams, type SpendRows } from './gamma-gamma-likelihood.ts';
import { fitOnLogScale, type FitReport } from './log-scale-fit.ts';

export type { GammaGammaParams, SpendRows } from './gamma-gamma-likelihood.ts';

/** ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + px ln x + (px−1) ln m − (px+q) ln(γ + x m), summed. */
export function gammaGammaLogLikelihood(par: GammaGammaParams, s: SpendRows, grad?: Float64Array): number {
  return indexedSpendLikelihood(par, indexSpendRows(s), grad);
}

export function fitGammaGamma(s: SpendRows, opts: { maxIterations?: number } = {}): FitReport<GammaGammaParams> {
  const n = s.x.length;
  if (n === 0) throw new RangeError('no customers with repeat purchases to fit the spend model');
  const meanM = s.m.reduce((a, v) => a + v, 0) / n;
  // p = 1, q = 2 with γ at the mean spend puts the prior mean pγ/(q−1) in the data's units from the start.
  const indexed = indexSpendRows(s);
  const fit = fitOnLogScale(['p', 'q', 'gamma'], { p: 1, q: 2, gamma: Math.max(meanM, 1e-6) }, n, (par, grad) => indexedSpendLikelihood(par, indexed, grad), opts.maxIterations);
  if (fit.params.q <= 1) fit.warnings.push('q ≤ 1: the mean spend of a new customer is infinite under the model');
  return fit;
}

/**
 * E[Z | x, m]: the expected mean transaction value of a customer, a weighted average of their observed mean and
 * the population mean pγ/(q−1) (note 025, eq. 5). With no repeat purchases it is the population mean.
 */
export function gammaGammaExpectedSpend(par: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = par;
  if (x <= 0) return (p * gamma) / (q - 1);
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
