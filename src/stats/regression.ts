/** Weighted least-squares straight line, for activity trends. */

export interface LineFit {
  intercept: number;
  slope: number;
  /** Weighted coefficient of determination in [0, 1]. */
  r2: number;
  /** Points with positive weight. */
  n: number;
}

/**
 * Fits y = intercept + slope · x minimising Σ w (y − intercept − slope x)² (w defaults to 1). Sums are taken about
 * the weighted means, which keeps the slope accurate when x are large (e.g. epoch days). Points with w = 0 are
 * ignored entirely. When x has no spread (one point, or all x equal) the fit is the flat line through the weighted
 * mean of y. r2 = 1 − SS_res / SS_tot; when y has no spread the line fits exactly and r2 = 1 (scikit-learn's
 * convention). Throws a RangeError on mismatched lengths, a negative or non-finite weight, a non-finite x or y
 * with positive weight, or no point with positive weight.
 */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): LineFit {
  const len = x.length;
  if (y.length !== len || (w && w.length !== len)) {
    throw new RangeError(`linearFit: x (${len}), y (${y.length})${w ? ` and w (${w.length})` : ''} differ in length`);
  }
  const weight = (i: number) => (w ? w[i]! : 1);
  let n = 0;
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; i++) {
    const wi = weight(i);
    if (!(wi >= 0 && wi < Infinity)) throw new RangeError(`linearFit: weight ${i} is ${wi}`);
    if (wi === 0) continue;
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) throw new RangeError(`linearFit: point ${i} is (${x[i]}, ${y[i]})`);
    n++;
    sw += wi;
    sx += wi * x[i]!;
    sy += wi * y[i]!;
  }
  if (n === 0) throw new RangeError('linearFit: no point with positive weight');
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < len; i++) {
    const wi = weight(i);
    if (wi === 0) continue;
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += wi * dx * dx;
    sxy += wi * dx * dy;
    syy += wi * dy * dy;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const r2 = syy === 0 ? 1 : Math.min(1, Math.max(0, (slope * sxy) / syy));
  return { intercept: my - slope * mx, slope, r2, n };
}
