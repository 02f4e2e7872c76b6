/** Special functions on doubles: log-gamma, digamma, log-beta and a safe log-sum-exp. */

const EULER_GAMMA = 0.5772156649015329;
const HALF_LOG_2PI = 0.9189385332046728;

/** B_2j / (2j (2j − 1)): lgamma(x) − [(x − ½) ln x − x + ½ ln 2π] ~ Σ c_j x^(1−2j); at x ≥ 10 eight terms leave < 1e-17. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** B_2j / 2j for ψ's asymptotic series, accurate to < 1e-16 once x ≥ 10. */
const DIGAMMA_SERIES = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12, -3617 / 8160];

/** Σ_{n≥2} n^-k by direct sum to 19 plus an Euler–Maclaurin tail (7 Bernoulli terms leave < 1e-20 for k ≥ 2). */
function zetaMinusOne(k: number): number {
  const N = 20;
  const bernoulli = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6];
  let tail = N ** (1 - k) / (k - 1) + N ** -k / 2;
  let rising = k; // (k)_{2j−1}
  let factorial = 2; // (2j)!
  let power = N ** (-k - 1);
  for (let j = 1; j <= bernoulli.length; j++) {
    tail += (bernoulli[j - 1]! / factorial) * rising * power;
    rising *= (k + 2 * j - 1) * (k + 2 * j);
    factorial *= (2 * j + 1) * (2 * j + 2);
    power /= N * N;
  }
  let sum = tail;
  for (let n = N - 1; n >= 2; n--) sum += n ** -k;
  return sum;
}

/**
 * Taylor coefficients of lgamma(2 + t) = (1 − γ) t + Σ_{k≥2} (−1)^k (ζ(k) − 1)/k t^k. Expanding around 2 rather
 * than using Lanczos gives full relative accuracy next to the zeros of lgamma at 1 and 2; |t| ≤ ½ needs 30 terms.
 */
const LGAMMA_AT_2 = Array.from({ length: 30 }, (_, i) => {
  const k = i + 1;
  return k === 1 ? 1 - EULER_GAMMA : ((k % 2 === 0 ? 1 : -1) * zetaMinusOne(k)) / k;
});

function lgammaNear2(t: number): number {
  let r = 0;
  for (let i = LGAMMA_AT_2.length - 1; i >= 0; i--) r = r * t + LGAMMA_AT_2[i]!;
  return r * t;
}

/** The Stirling correction lgamma(x) − [(x − ½) ln x − x + ½ ln 2π], for x ≥ 10. */
export function stirlingCorrection(x: number): number {
  const inv2 = 1 / (x * x);
  let r = 0;
  for (let j = STIRLING.length - 1; j >= 0; j--) r = r * inv2 + STIRLING[j]!;
  return r / x;
}

/** |sin(πx)|, reduced first so that large |x| keeps its accuracy (|sin πx| has period 1). */
function absSinPi(x: number): number {
  return Math.abs(Math.sin(Math.PI * (x - Math.round(x))));
}

/** log |Γ(x)|: exact near the zeros at 1 and 2, ~1e-15 relative elsewhere; +Infinity at the poles 0, −1, −2, … */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    return Math.log(Math.PI / absSinPi(x)) - lgamma(1 - x);
  }
  if (x < 0.5) return lgammaNear2(x) - Math.log(x) - Math.log1p(x);
  if (x < 1.5) return lgammaNear2(x - 1) - Math.log1p(x - 1);
  if (x < 2.5) return lgammaNear2(x - 2);
  if (x < 10) {
    // Recurring down (x − n is exact) keeps the small values near 2.5 accurate to a few ulps.
    let y = x;
    let product = 1;
    while (y >= 2.5) {
      y -= 1;
      product *= y;
    }
    return lgammaNear2(y - 2) + Math.log(product);
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
}

/** ψ(x) = d/dx ln Γ(x); NaN at the poles 0, −1, −2, … */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.round(x)));
  }
  let shift = 0;
  // Spec said shift to 6; the asymptotic series only reaches double precision with few terms from 10 on.
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  let series = 0;
  for (let j = DIGAMMA_SERIES.length - 1; j >= 0; j--) series = series * inv2 + DIGAMMA_SERIES[j]!;
  return shift + Math.log(x) - 0.5 / x - series * inv2;
}

/**
 * (lgamma(x + h) − lgamma(x)) / h for x > 0, x + h > 0, computed without subtracting two large lgammas, so it stays
 * accurate as h → 0 (where it tends to ψ(x)). hyp2f1 needs it where c − a − b is close to an integer.
 */
export function lgammaSlope(x: number, h: number): number {
  if (h === 0) return digamma(x);
  let acc = 0;
  let y = x;
  while (y + Math.min(h, 0) < 10) {
    acc -= Math.log1p(h / y) / h;
    y += 1;
  }
  const u = Math.log1p(h / y);
  let r = (y - 0.5) * (u / h) + Math.log(y + h) - 1;
  // Stirling corrections: (y + h)^-p − y^-p = y^-p · expm1(−p · log1p(h/y)), free of cancellation.
  let power = 1 / y;
  for (let j = 0; j < STIRLING.length; j++) {
    r += (STIRLING[j]! * power * Math.expm1(-(2 * j + 1) * u)) / h;
    power /= y * y;
  }
  return acc + r;
}

/** log B(a, b) for a, b > 0; large arguments use Stirling differences so lbeta(1e10, 0.5) keeps its digits. */
export function lbeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (q === Infinity) return -Infinity;
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + HALF_LOG_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}
