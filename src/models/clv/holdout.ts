/**
 * The calibration/holdout check of FHL 2005 (their Figure 4): customers grouped by calibration repeat purchases,
 * the mean purchases the model expected in the holdout period beside the mean they actually made.
 */
import { DistinctTriples } from '../../stats/index.ts';
import { bgnbdConditionalDenominator, bgnbdConditionalNumerator, type BgNbdParams } from './bgnbd.ts';

export interface HoldoutRow {
  /** Calibration repeat purchases; the last group is "this many or more". */
  frequency: number;
  orMore: boolean;
  customers: number;
  predicted: number;
  actual: number;
}

export function calibrationHoldout(
  p: BgNbdParams,
  rows: readonly { x: number; tx: number; T: number; holdoutPurchases: number }[],
  holdoutLength: number,
  maxGroup = 7,
): HoldoutRow[] {
  const groups = Array.from({ length: maxGroup + 1 }, (_, f) => ({ frequency: f, orMore: f === maxGroup, customers: 0, predicted: 0, actual: 0 }));
  // The numerator of the conditional expectation (its hyp2f1) depends on x and T only: computed once per distinct
  // (x, T), a few thousand for a few hundred thousand customers. The quotient is bgnbdConditionalExpected's.
  const numeratorIds = new DistinctTriples();
  const numerators: number[] = [];
  for (const r of rows) {
    const g = groups[Math.min(r.x, maxGroup)]!;
    g.customers++;
    const id = numeratorIds.add(r.x, r.T, holdoutLength);
    if (id === numerators.length) numerators.push(bgnbdConditionalNumerator(p, holdoutLength, r.x, r.T));
    g.predicted += numerators[id]! / bgnbdConditionalDenominator(p, r.x, r.tx, r.T);
    g.actual += r.holdoutPurchases;
  }
  return groups
    .filter((g) => g.customers > 0)
    .map((g) => ({ ...g, predicted: g.predicted / g.customers, actual: g.actual / g.customers }));
}
