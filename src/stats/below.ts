/** Ranks with shared ties: how many values are strictly below each one. */

/**
 * For each value, the count of values strictly below it (equal values share the count; NaN is never counted and
 * gets −1). O(n log n); the building block of "ahead of x % of members" scores and tie-sharing quantile scores.
 */
export function countBelow(values: ArrayLike<number>): Int32Array {
  // A typed-array sort (native, numeric), then a binary search per value over the distinct values only: counts,
  // days and scores repeat a lot, and a search over a few thousand distinct values stays in the CPU cache where one
  // over a million sorted values does not. (Sorting an index array with a comparator takes seconds.)
  const sorted = Float64Array.from(values).sort();
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1]!)) n--; // NaN sorts last
  const distinct = new Float64Array(n);
  const firstAt = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (k === 0 || sorted[i] !== distinct[k - 1]) {
      distinct[k] = sorted[i]!;
      firstAt[k++] = i;
    }
  }
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = firstAt[lo]!;
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
