/**
 * A column as indices into its distinct values. The likelihoods evaluate lgamma, digamma and logs of terms that
 * depend on one column only (x: a few dozen repeat counts; t_x and T: a few hundred whole weeks); tabulating them
 * per distinct value once per evaluation replaces tens of thousands of special-function calls by a few hundred.
 */
export interface DistinctIndex {
  values: Float64Array;
  /** Per row, the index of its value in `values`. */
  at: Int32Array;
}

/** Values are matched as a Map does (SameValueZero): −0 with +0 and NaN with NaN, which no term can tell apart. */
export function distinctIndex(column: Float64Array): DistinctIndex {
  const index = new Map<number, number>();
  const values: number[] = [];
  const at = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let k = index.get(v);
    if (k === undefined) {
      k = values.length;
      index.set(v, k);
      values.push(v);
    }
    at[i] = k;
  }
  return { values: Float64Array.from(values), at };
}
