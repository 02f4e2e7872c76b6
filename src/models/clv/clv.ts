/**
 * Customer lifetime value over a horizon: expected purchases in each future step (BG/NBD, conditional on the
 * customer's history) × expected spend per purchase (Gamma-Gamma), discounted per step. The same construction as
 * lifetimes' customer_lifetime_value, so figures can be compared with it.
 */
import { bgnbdConditionalExpected, type BgNbdParams } from './bgnbd.ts';
import { gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma.ts';

export interface ClvOptions {
  /** Number of steps in the horizon (e.g. 12 months). */
  steps: number;
  /** Length of one step in the model's time unit (e.g. 30/7 when the model is in weeks and a step is 30 days). */
  stepLength: number;
  /** Discount rate per step (e.g. 0.01 a month). */
  discountRate: number;
}

export function customerLifetimeValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  c: { x: number; tx: number; T: number; monetary: number },
  opts: ClvOptions,
): number {
  const spend = gammaGammaExpectedSpend(gg, c.x, c.monetary);
  let value = 0;
  let previous = 0;
  for (let i = 1; i <= opts.steps; i++) {
    const cumulative = bgnbdConditionalExpected(bg, i * opts.stepLength, c.x, c.tx, c.T);
    value += ((cumulative - previous) * spend) / (1 + opts.discountRate) ** i;
    previous = cumulative;
  }
  return value;
}
