/**
 * The CLV part of a scoring run: BG/NBD on every buyer's purchase days, Gamma-Gamma on repeat buyers' spend, then per
 * buyer P(alive), expected purchases over the horizon and a discounted lifetime value. Histories repeat a lot
 * (weeks are whole days ÷ 7), so the expensive expectations are computed once per distinct (x, t_x, T).
 */
import {
  bgnbdConditionalExpected,
  bgnbdPAlive,
  compressSummaries,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type BgNbdParams,
  type FitReport,
  type GammaGammaParams,
  type MemberFeatures,
  type ScoringSettings,
} from '../../models/index.ts';

/** Below this many buyers (or repeat buyers for the spend model) a fit says more about noise than customers. */
export const MIN_CUSTOMERS = 20;
const WEEKS_PER_MONTH = 30.4375 / 7;

export interface ValueModels {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array;
  bgnbd: FitReport<BgNbdParams> | null;
  gammaGamma: FitReport<GammaGammaParams> | null;
  buyers: number;
  repeatBuyers: number;
  warnings: string[];
}

export function valueModels(f: MemberFeatures, s: ScoringSettings): ValueModels {
  const n = f.n;
  const pAlive = new Float64Array(n).fill(NaN);
  const expectedPurchases = new Float64Array(n).fill(NaN);
  const clv = new Float64Array(n).fill(NaN);
  const buyers: number[] = [];
  for (let i = 0; i < n; i++) if (f.x[i]! >= 0 && f.T[i]! > 0) buyers.push(i);
  const repeat = buyers.filter((i) => f.x[i]! > 0 && f.repeatMean[i]! > 0);
  const out: ValueModels = { pAlive, expectedPurchases, clv, bgnbd: null, gammaGamma: null, buyers: buyers.length, repeatBuyers: repeat.length, warnings: [] };
  if (buyers.length < MIN_CUSTOMERS) {
    out.warnings.push(`only ${buyers.length} buyers with at least a day of history: lifetime value needs ${MIN_CUSTOMERS} or more`);
    return out;
  }
  const bg = fitBgNbd(compressSummaries(buyers.map((i) => ({ x: f.x[i]!, tx: f.tx[i]!, T: f.T[i]! }))));
  out.bgnbd = bg;
  out.warnings.push(...bg.warnings.map((w) => `purchase model: ${w}`));
  if (repeat.length >= MIN_CUSTOMERS) {
    const gg = fitGammaGamma({ x: Float64Array.from(repeat, (i) => f.x[i]!), m: Float64Array.from(repeat, (i) => f.repeatMean[i]!) });
    out.gammaGamma = gg;
    out.warnings.push(...gg.warnings.map((w) => `spend model: ${w}`));
  } else {
    out.warnings.push(`only ${repeat.length} repeat buyers: the spend model needs ${MIN_CUSTOMERS} or more, so lifetime value is not computed`);
  }
  const horizon = s.clv.horizonMonths;
  const d = s.clv.monthlyDiscountRate;
  const cache = new Map<string, { alive: number; expected: number; discounted: number }>();
  // a = 1 exactly makes the closed forms 0/0; it has probability zero for a fitted value but is guarded anyway.
  const usable = bg.params.a !== 1;
  for (const i of buyers) {
    const x = f.x[i]!;
    const tx = f.tx[i]!;
    const T = f.T[i]!;
    const key = `${x}|${tx}|${T}`;
    let c = cache.get(key);
    if (!c) {
      let previous = 0;
      let discounted = 0;
      if (usable) {
        for (let m = 1; m <= horizon; m++) {
          const cumulative = bgnbdConditionalExpected(bg.params, m * WEEKS_PER_MONTH, x, tx, T);
          discounted += (cumulative - previous) / (1 + d) ** m;
          previous = cumulative;
        }
      }
      c = { alive: bgnbdPAlive(bg.params, x, tx, T), expected: usable ? previous : NaN, discounted: usable ? discounted : NaN };
      cache.set(key, c);
    }
    pAlive[i] = c.alive;
    expectedPurchases[i] = c.expected;
    if (out.gammaGamma) clv[i] = c.discounted * gammaGammaExpectedSpend(out.gammaGamma.params, x, f.repeatMean[i]!);
  }
  return out;
}
