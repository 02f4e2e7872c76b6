/**
 * Component scores are ranks, not raw values: "ahead of 80 % of members" means the same for a count of posts and for
 * a lifetime value, and one whale cannot squash everybody else to zero.
 */
import { countBelow } from '../../stats/index.ts';

/**
 * For each value, the share of the other members with a strictly lower value: 0 for the lowest (and for everyone
 * tied with the lowest, e.g. all members with no purchases), 1 for a unique highest. NaN stays NaN (absent).
 */
export function shareBelow(values: Float64Array): Float64Array {
  const below = countBelow(values);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const others = Math.max(1, n - 1);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = below[i]! < 0 ? NaN : below[i]! / others;
  return out;
}

/** Σ wᵢ·cᵢ / Σ wᵢ over the components that are present (not NaN), × 100; NaN when none is present. */
export function weightedScore(components: readonly { values: Float64Array; weight: number }[], i: number): number {
  let sum = 0;
  let wsum = 0;
  for (const c of components) {
    const v = c.values[i]!;
    if (Number.isNaN(v) || c.weight === 0) continue;
    sum += c.weight * v;
    wsum += c.weight;
  }
  return wsum === 0 ? NaN : (100 * sum) / wsum;
}
