/**
 * The largest-remainder (Hamilton) method in integer arithmetic: `total` units split in proportion to integer
 * weights, each part the floor of its exact quota plus at most one unit, so the parts always add up to `total`.
 * Remainders are compared as integers over the common denominator, never as floats (with totals near 1e12 and
 * weights near 1e9, float quotas lose the digits that order the remainders).
 */

export interface Apportioned {
  /** The part of each weight, in input order. */
  parts: bigint[];
  /** The exact quota of each weight is `(total × weight) / denominator`: floor plus remainder over the denominator. */
  remainders: bigint[];
  denominator: bigint;
}

/**
 * Splits `total` among `weights` (non-negative, not all zero). `tieBefore(i, j)` orders equal remainders: the units
 * go first to the weights it puts first; it must be a strict total order for the result to be deterministic.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[], tieBefore: (i: number, j: number) => number): Apportioned {
  const denominator = weights.reduce((a, w) => a + w, 0n);
  if (denominator <= 0n) throw new RangeError('weights must add up to more than zero');
  if (total < 0n) throw new RangeError('total must not be negative');
  const parts = weights.map((w) => (total * w) / denominator);
  const remainders = weights.map((w) => (total * w) % denominator);
  let left = total - parts.reduce((a, p) => a + p, 0n);
  // Σ remainders = left × denominator, so 0 ≤ left < number of weights with a non-zero remainder.
  const order = weights.map((_, i) => i).sort((i, j) => (remainders[j]! > remainders[i]! ? 1 : remainders[j]! < remainders[i]! ? -1 : tieBefore(i, j)));
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return { parts, remainders, denominator };
}
