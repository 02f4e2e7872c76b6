/** Ranks with shared ties: how many values are strictly below each one. */

/**
 * For each value, the count of values strictly below it (equal values share the count; NaN is never counted and
 * gets −1). O(n log n); the building block of "ahead of x % of members" scores and tie-sharing quantile scores.
 */
export function countBelow(values: ArrayLike<number>): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) idx.push(i);
  idx.sort((a, b) => values[a]! - values[b]!);
  const out = new Int32Array(values.length).fill(-1);
  let below = 0;
  for (let k = 0; k < idx.length; k++) {
    if (k > 0 && values[idx[k]!]! !== values[idx[k - 1]!]!) below = k;
    out[idx[k]!] = below;
  }
  return out;
}

/**
 * Scores 1..k with shared ties: 1 + ⌊k · (values strictly below) ÷ n⌋ over the n non-NaN values (NaN gets 0).
 * Equal values always get equal scores, and the result does not depend on input order.
 */
export function tiedScores(values: ArrayLike<number>, k: number): Uint8Array {
  const below = countBelow(values);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (below[i]! >= 0) out[i] = 1 + Math.floor((k * below[i]!) / n);
  return out;
}
