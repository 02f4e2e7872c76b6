/** Quantile scores (SQL NTILE), mid-rank percentile ranks and type-7 quantiles. */

/** Ascending order with NaN after every number, as DuckDB sorts NaN; equal values compare equal (−0 = 0). */
function compareValues(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 255) throw new RangeError(`ntile: k must be an integer in 1..255, got ${k}`);
}

/** Input positions in ascending order of values, then tieBreak, then input position (so the result is determined). */
function order(values: ArrayLike<number>, tieBreak?: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort(
    (i, j) => compareValues(values[i]!, values[j]!) || (tieBreak ? compareValues(tieBreak[i]!, tieBreak[j]!) : 0) || i - j,
  );
}

/**
 * The bucket (1..k) of sorted position i (0-based) of n, as PostgreSQL and DuckDB compute NTILE: the first n mod k
 * buckets hold one row more than the others, and with n < k each row is its own bucket 1..n. (The spec's
 * floor(i·k/n) + 1 differs from this, e.g. n = 10, k = 4 gives buckets of 3, 2, 3, 2 rows where SQL gives 3, 3, 2, 2.)
 */
function ntileOfPosition(i: number, n: number, k: number): number {
  const buckets = Math.min(k, n);
  const size = Math.floor(n / buckets);
  const large = n - buckets * size; // buckets holding size + 1 rows
  const inLarge = large * (size + 1);
  return i < inLarge ? 1 + Math.floor(i / (size + 1)) : 1 + large + Math.floor((i - inLarge) / size);
}

/**
 * Scores 1..k by quantile, exactly NTILE(k) OVER (ORDER BY value, tieBreak): NaN sorts last; rows equal in both
 * value and tieBreak keep their input order. Scores are returned in input order.
 */
export function ntile(values: ArrayLike<number>, tieBreak: ArrayLike<number>, k: number): Uint8Array {
  checkK(k);
  if (tieBreak.length !== values.length) {
    throw new RangeError(`ntile: values (${values.length}) and tieBreak (${tieBreak.length}) differ in length`);
  }
  const n = values.length;
  const idx = order(values, tieBreak);
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[idx[i]!] = ntileOfPosition(i, n, k);
  return scores;
}

/**
 * Like ntile, but equal values always share a score: every run of equal values takes the NTILE score of its first
 * (lowest) sorted position. The lower score, rather than the majority's or the last one's, because a tie should never
 * lift a member above what the lowest-ranked of the equals would get. Buckets may then be uneven or even empty.
 */
export function ntileTiesShared(values: ArrayLike<number>, k: number): Uint8Array {
  checkK(k);
  const n = values.length;
  const idx = order(values);
  const scores = new Uint8Array(n);
  let score = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || compareValues(values[idx[i - 1]!]!, values[idx[i]!]!) !== 0) score = ntileOfPosition(i, n, k);
    scores[idx[i]!] = score;
  }
  return scores;
}

/**
 * Mid-rank percentile rank in [0, 1]: (average rank − 1) / (n − 1), with ranks 1..n and ties given the mean of
 * their ranks (R's rank(ties.method = "average")). Equivalently (values strictly below + ½ · other values equal) /
 * (n − 1). Distinct values get SQL's PERCENT_RANK (min 0, max 1); a tied run gets the middle of its PERCENT_RANKs, so
 * the ranks of −v are 1 minus those of v. A single value (n = 1) gets ½. NaN ranks above every number.
 */
export function percentileRank(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const ranks = new Float64Array(n);
  if (n === 1) ranks[0] = 0.5;
  if (n <= 1) return ranks;
  const idx = order(values);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && compareValues(values[idx[start]!]!, values[idx[end]!]!) === 0) end++;
    // Positions start..end−1 are equal: below = start, others equal = end − start − 1.
    const rank = (start + (end - start - 1) / 2) / (n - 1);
    for (let i = start; i < end; i++) ranks[idx[i]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * The p-quantile of ascending data by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of R's quantile and numpy's quantile): h = (n − 1) p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: no data');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo === h || lo + 1 >= n) return below;
  const above = sorted[lo + 1]!;
  // Equal neighbours (infinite ones included) need no interpolation, which would give ∞ − ∞ = NaN.
  return below === above ? below : below + (h - lo) * (above - below);
}
