/** Gauss's hypergeometric function 2F1(a, b; c; z) on 0 ≤ z < 1, for the Pareto/NBD and BG/NBD likelihoods. */
import { lbeta, lgamma, lgammaSlope } from './special.ts';

/** Relative size of the estimated remaining tail at which a series stops. */
const TOLERANCE = 1e-16;
/** The direct series needs ~37/(1 − z) terms; this allows z up to ~0.99996 before giving up. */
const MAX_TERMS = 1_000_000;
/** Above this z the 1 − z transformation replaces the slowly converging direct series (as in Cephes). */
const NEAR_ONE = 0.9;
/** The transformation carries ~round(c − a − b) extra terms; beyond this the direct series is quicker anyway. */
const MAX_FINITE_TERMS = 1000;
/**
 * The transformation's terms can cancel (large a or b just above z = 0.9). When Σ|terms| exceeds the result by more
 * than MAX_CANCELLATION and z ≤ DIRECT_LIMIT (the direct series then takes at most ~37 000 terms), the direct
 * series, whose terms are all positive there, is the more accurate of the two.
 */
const MAX_CANCELLATION = 8;
const DIRECT_LIMIT = 0.999;

interface Estimate {
  value: number;
  /** Σ |terms|: value/magnitude near 1 means no cancellation. */
  magnitude: number;
}

const isNonPositiveInteger = (v: number) => v <= 0 && Number.isInteger(v);

function describe(a: number, b: number, c: number, z: number): string {
  return `hyp2f1(a=${a}, b=${b}, c=${c}, z=${z})`;
}

/**
 * The defining series Σ (a)_n (b)_n / ((c)_n n!) z^n. It stops when the tail, bounded by the last term times
 * q/(1 − q) with q the larger of the current term ratio and z, is below TOLERANCE relative to the sum; only once
 * n is past every negative parameter, since before that the ratio can still change sign or grow.
 */
function series(a: number, b: number, c: number, z: number): number {
  // Neumaier-compensated: near z = 1 hundreds of thousands of terms would otherwise cost several digits.
  let sum = 1;
  let compensation = 0;
  let term = 1;
  const settled = Math.max(0, -a, -b, -c);
  for (let n = 0; n < MAX_TERMS; n++) {
    const num = (a + n) * (b + n);
    if (num === 0) return sum + compensation;
    if (c + n === 0) throw new RangeError('c is a non-positive integer, the series has a pole');
    const ratio = (num / ((c + n) * (n + 1))) * z;
    term *= ratio;
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    const q = Math.max(Math.abs(ratio), z);
    if (n + 1 > settled && q < 1 && (Math.abs(term) * q) / (1 - q) <= TOLERANCE * Math.abs(sum)) return sum + compensation;
  }
  throw new RangeError(`series did not converge in ${MAX_TERMS} terms`);
}

/**
 * Abramowitz & Stegun 15.3.6 in s = 1 − z, for d = c − a − b ≥ 0 and a, b, a + d, b + d, c > 0. The two series
 * of 15.3.6 each blow up as d nears an integer m (Γ(d − m) and Γ(m − d)); the term pairs that blow up are summed
 * together here, as one expression in ε = d − m that is smooth at ε = 0 (where it becomes A&S 15.3.10–12), so the
 * result is accurate whether or not c − a − b is close to an integer. aPlusD and bPlusD are passed in (c − b and
 * c − a) rather than recomputed, to keep them exact.
 */
function nearOne(a: number, b: number, aPlusD: number, bPlusD: number, c: number, d: number, s: number): Estimate {
  const m = Math.round(d);
  const eps = d - m;
  const lns = Math.log(s);
  // The m terms of the first series with no partner: Γ(c)Γ(d)/(Γ(c−a)Γ(c−b)) Σ_{n<m} (a)_n(b)_n/((1−d)_n n!) s^n.
  let finite = 0;
  let magnitude = 0;
  if (m > 0) {
    // Γ(c)/(Γ(a+d)Γ(b+d)) as a beta function and a slope: subtracting lgammas of large parameters loses digits.
    const sumAB = aPlusD + bPlusD;
    let term = Math.exp(lgamma(d) - lbeta(aPlusD, bPlusD) - d * lgammaSlope(sumAB, -d));
    finite = term;
    magnitude = term;
    for (let n = 0; n < m - 1; n++) {
      term *= (((a + n) * (b + n)) / ((1 - d + n) * (n + 1))) * s;
      finite += term;
      magnitude += Math.abs(term);
    }
  }
  // R_k = Γ(c)Γ(a+m+k)Γ(b+m+k) s^(m+k) / (Γ(a)Γ(b)Γ(a+d)Γ(b+d)Γ(1+m+k) k!), with Γ(a+m)/Γ(a+d) taken as a slope.
  const logGammaRatio = d * lgammaSlope(a + b, d) - lbeta(a, b); // log Γ(c)/(Γ(a)Γ(b))
  let r = Math.exp(logGammaRatio - lgamma(1 + m) + m * lns - eps * (lgammaSlope(a + m, eps) + lgammaSlope(b + m, eps)));
  let paired = 0;
  let pairedMagnitude = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    const da = lgammaSlope(a + m + k, eps);
    const db = lgammaSlope(b + m + k, eps);
    const dm = lgammaSlope(1 + m + k, eps);
    const q = lgammaSlope(1 + k, -eps) - lns - da - db + dm;
    const expm1Ratio = eps === 0 ? q : Math.expm1(eps * q) / eps;
    const pair = r * Math.exp(eps * (lns + da + db - dm)) * expm1Ratio;
    paired += pair;
    pairedMagnitude += Math.abs(pair);
    r *= (((a + m + k) * (b + m + k)) / ((1 + m + k) * (1 + k))) * s;
    if (Math.abs(pair) <= TOLERANCE * Math.abs(paired) && Math.abs(r * lns) <= TOLERANCE * Math.abs(paired)) break;
  }
  const sinc = eps === 0 ? 1 : (Math.PI * eps) / Math.sin(Math.PI * eps);
  const value = finite + (m % 2 === 0 ? 1 : -1) * sinc * paired;
  return { value, magnitude: magnitude + sinc * pairedMagnitude };
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real a, b, c and 0 ≤ z < 1. Up to z = 0.9 the defining series; above,
 * when a, b, c − a, c − b and c are all positive, A&S 15.3.6 in 1 − z (after Euler's transformation
 * 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a,c−b;c;z) when c − a − b < 0), which converges like (1 − z)^n. The Pfaff
 * transformation is of no use here: it maps z in (0.5, 1) outside the unit disc. Other parameters above 0.9 fall
 * back to the direct series (terminating ones are exact polynomials). Throws a RangeError naming the arguments for
 * z outside [0, 1), non-finite arguments, a pole (c a non-positive integer) or a series that does not converge.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  // No closures or arrays per call: the likelihoods call this for every distinct history at every iteration.
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(z)) || !(z >= 0 && z < 1)) {
    throw new RangeError(`${describe(a, b, c, z)}: needs finite a, b, c and 0 <= z < 1`);
  }
  try {
    return evaluate(a, b, c, z);
  } catch (err) {
    throw err instanceof RangeError ? new RangeError(`${describe(a, b, c, z)}: ${err.message}`) : err;
  }
}

function evaluate(a: number, b: number, c: number, z: number): number {
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z > NEAR_ONE && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
    const s = 1 - z;
    const d = c - a - b;
    if (isNonPositiveInteger(c - a) || isNonPositiveInteger(c - b)) {
      return s ** d * series(c - a, c - b, c, z);
    }
    if (a > 0 && b > 0 && c - a > 0 && c - b > 0 && Math.abs(d) <= MAX_FINITE_TERMS) {
      const est = d >= 0 ? nearOne(a, b, c - b, c - a, c, d, s) : nearOne(c - a, c - b, b, a, c, -d, s);
      const value = d >= 0 ? est.value : s ** d * est.value;
      if (est.magnitude <= MAX_CANCELLATION * Math.abs(est.value) || z > DIRECT_LIMIT) return value;
    }
  }
  return series(a, b, c, z);
}
