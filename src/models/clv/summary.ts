/**
 * Purchase summaries for the BTYD models: per customer the repeat count x, the time of the last repeat purchase
 * t_x and the age T, all in one time unit; identical (x, t_x, T) rows are compressed into one weighted row so that
 * a fit over a million customers costs what a few thousand distinct histories cost.
 */
import { DistinctTriples } from '../../stats/index.ts';

export interface CustomerSummary {
  /** Repeat purchases: purchase periods after the first. */
  x: number;
  /** Time from the first purchase to the last one (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to the end of the calibration period. */
  T: number;
  /** Mean value of the repeat purchases (Gamma-Gamma); absent or 0 when x = 0. */
  monetary?: number;
}

/** Columns of distinct (x, t_x, T) with how many customers share each. */
export interface WeightedSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Customers represented (the sum of weights). */
  customers: number;
}

export function compressSummaries(rows: readonly CustomerSummary[]): WeightedSummary {
  const histories = new DistinctTriples();
  for (const r of rows) histories.add(r.x, r.tx, r.T);
  const { a, b, c, count } = histories.columns();
  return { x: a, tx: b, T: c, weight: count, customers: rows.length };
}

/** Checks what the likelihoods assume; a row that breaks it is named by its position. */
export function summaryProblem(r: CustomerSummary, i: number): string | undefined {
  if (!Number.isInteger(r.x) || r.x < 0) return `row ${i + 1}: frequency must be a whole number ≥ 0 (got ${r.x})`;
  if (!(r.T > 0) || !Number.isFinite(r.T)) return `row ${i + 1}: T must be a positive number (got ${r.T})`;
  if (!(r.tx >= 0) || r.tx > r.T + 1e-9) return `row ${i + 1}: recency must be between 0 and T (got ${r.tx}, T ${r.T})`;
  if (r.x === 0 && r.tx !== 0) return `row ${i + 1}: recency must be 0 when frequency is 0 (got ${r.tx})`;
  if (r.monetary !== undefined && (!Number.isFinite(r.monetary) || r.monetary < 0)) return `row ${i + 1}: monetary_value must be a number ≥ 0 (got ${r.monetary})`;
  return undefined;
}
