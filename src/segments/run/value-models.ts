/**
 * The CLV part of a scoring run: BG/NBD on every buyer's purchase days, Gamma-Gamma on repeat buyers' spend, then per
 * buyer P(alive), expected purchases over the horizon and a discounted lifetime value. Histories repeat a lot
 * (weeks are whole days ÷ 7), so the expensive expectations are computed once per distinct (x, t_x, T).
 */
import { DistinctTriples } from '../../stats/index.ts';
import {
  bgnbdConditionalDenominator,
  bgnbdConditionalNumerator,
  bgnbdPAlive,
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
  const { buyers, repeat } = buyerPositions(f);
  const out: ValueModels = { pAlive, expectedPurchases, clv, bgnbd: null, gammaGamma: null, buyers: buyers.length, repeatBuyers: repeat.length, warnings: [] };
  if (buyers.length < MIN_CUSTOMERS) {
    out.warnings.push(`only ${buyers.length} buyers with at least a day of history: lifetime value needs ${MIN_CUSTOMERS} or more`);
    return out;
  }
  // Keyed once per buyer: the distinct histories in order of first appearance with their counts are the summary
  // compressSummaries would build (same keys, same order, same weights), and each buyer's id indexes the
  // expectations computed once per distinct history below.
  const histories = new DistinctTriples();
  const historyOf = new Int32Array(buyers.length);
  for (let k = 0; k < buyers.length; k++) {
    const i = buyers[k]!;
    historyOf[k] = histories.add(f.x[i]!, f.tx[i]!, f.T[i]!);
  }
  const h = histories.columns();
  const bg = fitBgNbd({ x: h.a, tx: h.b, T: h.c, weight: h.count, customers: buyers.length });
  out.bgnbd = bg;
  out.warnings.push(...bg.warnings.map((w) => `purchase model: ${w}`));
  if (repeat.length >= MIN_CUSTOMERS) {
    const gg = fitGammaGamma({ x: pick(f.x, repeat), m: pick(f.repeatMean, repeat) });
    out.gammaGamma = gg;
    out.warnings.push(...gg.warnings.map((w) => `spend model: ${w}`));
  } else {
    out.warnings.push(`only ${repeat.length} repeat buyers: the spend model needs ${MIN_CUSTOMERS} or more, so lifetime value is not computed`);
  }
  const horizon = s.clv.horizonMonths;
  const d = s.clv.monthlyDiscountRate;
  const discount = Float64Array.from({ length: horizon + 1 }, (_, m) => (1 + d) ** m);
  const distinct = histories.size;
  const alive = new Float64Array(distinct);
  const expected = new Float64Array(distinct);
  const discounted = new Float64Array(distinct);
  // a = 1 exactly makes the closed forms 0/0; it has probability zero for a fitted value but is guarded anyway.
  const usable = bg.params.a !== 1;
  // The expectation's numerator (its hyp2f1) depends on x and T only: ~7.6 k distinct pairs against ~59 k histories.
  const pairs = new DistinctTriples();
  const numerators: Float64Array[] = [];
  for (let j = 0; j < distinct; j++) {
    const x = h.a[j]!;
    const tx = h.b[j]!;
    const T = h.c[j]!;
    let previous = 0;
    let sum = 0;
    if (usable) {
      const pair = pairs.add(x, T, 0);
      if (pair === numerators.length) {
        const row = new Float64Array(horizon + 1);
        for (let m = 1; m <= horizon; m++) row[m] = bgnbdConditionalNumerator(bg.params, m * WEEKS_PER_MONTH, x, T);
        numerators.push(row);
      }
      const numerator = numerators[pair]!;
      const denominator = bgnbdConditionalDenominator(bg.params, x, tx, T);
      for (let m = 1; m <= horizon; m++) {
        const cumulative = numerator[m]! / denominator;
        sum += (cumulative - previous) / discount[m]!;
        previous = cumulative;
      }
    }
    alive[j] = bgnbdPAlive(bg.params, x, tx, T);
    expected[j] = usable ? previous : NaN;
    discounted[j] = usable ? sum : NaN;
  }
  for (let k = 0; k < buyers.length; k++) {
    const i = buyers[k]!;
    const j = historyOf[k]!;
    pAlive[i] = alive[j]!;
    expectedPurchases[i] = expected[j]!;
    if (out.gammaGamma) clv[i] = discounted[j]! * gammaGammaExpectedSpend(out.gammaGamma.params, f.x[i]!, f.repeatMean[i]!);
  }
  return out;
}

// Plain loops into typed arrays: pushing, filtering, closures per member and TypedArray.from with a mapping function
// each cost tens of milliseconds over a million members.

/** Members with at least a day of purchase history, and those of them with repeat purchases of known spend. */
function buyerPositions(f: MemberFeatures): { buyers: Int32Array; repeat: Int32Array } {
  const buyers = new Int32Array(f.n);
  const repeat = new Int32Array(f.n);
  const { x, T, repeatMean } = f;
  let b = 0;
  let r = 0;
  for (let i = 0; i < f.n; i++) {
    if (!(x[i]! >= 0 && T[i]! > 0)) continue;
    buyers[b++] = i;
    if (x[i]! > 0 && repeatMean[i]! > 0) repeat[r++] = i;
  }
  return { buyers: buyers.subarray(0, b), repeat: repeat.subarray(0, r) };
}

function pick(column: Float64Array, at: Int32Array): Float64Array {
  const out = new Float64Array(at.length);
  for (let k = 0; k < at.length; k++) out[k] = column[at[k]!]!;
  return out;
}
