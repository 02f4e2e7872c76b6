/** A line search for the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and 3.6), safe against NaN. */

/** φ(α) = f(x + α p) and φ'(α) = ∇f(x + α p) · p at one trial step. */
export interface Probe {
  f: number;
  slope: number;
}

export interface LineSearchResult {
  /** 'wolfe': both strong Wolfe conditions hold; 'armijo': only sufficient decrease (the bracket collapsed or the
   * budget ran out, yet the step still lowers f); 'failed': no step lowering f was found. */
  status: 'wolfe' | 'armijo' | 'failed';
  alpha: number;
  f: number;
  evaluations: number;
}

const C1 = 1e-4;
/** 0.9 is the usual curvature constant for quasi-Newton directions: accept most unit steps. */
const C2 = 0.9;
const MAX_EVALUATIONS = 60;
const ALPHA_MAX = 1e20;

interface Point extends Probe {
  alpha: number;
}

/**
 * A trial point with a non-finite value or slope counts as "too far" (as if it broke sufficient decrease), so the
 * search falls back into the region where f is defined and the step shrinks; the caller never sees such a point.
 */
function finite(p: Probe): boolean {
  return Number.isFinite(p.f) && Number.isFinite(p.slope);
}

/** Minimiser of the cubic through (lo, hi) with their slopes, kept inside the middle 80% of the bracket. */
function interpolate(lo: Point, hi: Point): number {
  const left = Math.min(lo.alpha, hi.alpha);
  const right = Math.max(lo.alpha, hi.alpha);
  const width = right - left;
  const mid = left + width / 2;
  if (!finite(hi)) return mid;
  const d1 = lo.slope + hi.slope - (3 * (lo.f - hi.f)) / (lo.alpha - hi.alpha);
  const disc = d1 * d1 - lo.slope * hi.slope;
  if (!(disc >= 0)) return mid;
  const d2 = Math.sign(hi.alpha - lo.alpha) * Math.sqrt(disc);
  const a = hi.alpha - ((hi.alpha - lo.alpha) * (hi.slope + d2 - d1)) / (hi.slope - lo.slope + 2 * d2);
  if (!Number.isFinite(a)) return mid;
  return Math.min(Math.max(a, left + 0.1 * width), right - 0.1 * width);
}

/**
 * Finds α > 0 with φ(α) ≤ φ(0) + c1 α φ'(0) and |φ'(α)| ≤ c2 |φ'(0)|, starting from alpha0; slope0 must be < 0.
 * The last call of phi is not necessarily at the returned α: the caller re-evaluates if it needs that point.
 */
export function strongWolfe(phi: (alpha: number) => Probe, f0: number, slope0: number, alpha0: number): LineSearchResult {
  let evaluations = 0;
  const probe = (alpha: number): Point => {
    evaluations++;
    const p = phi(alpha);
    return { alpha, f: p.f, slope: p.slope };
  };
  const armijo = (p: Point) => finite(p) && p.f <= f0 + C1 * p.alpha * slope0;
  const done = (status: LineSearchResult['status'], p: Point): LineSearchResult => ({ status, alpha: p.alpha, f: p.f, evaluations });
  const curvature = (p: Point) => Math.abs(p.slope) <= -C2 * slope0;

  /** Algorithm 3.6: lo always satisfies sufficient decrease and has the lowest f seen; the minimiser lies between. */
  const zoom = (lo: Point, hi: Point): LineSearchResult => {
    while (evaluations < MAX_EVALUATIONS && Math.abs(hi.alpha - lo.alpha) > 1e-16 * Math.max(lo.alpha, hi.alpha)) {
      const t = probe(interpolate(lo, hi));
      if (!armijo(t) || t.f >= lo.f) {
        hi = t;
      } else {
        if (curvature(t)) return done('wolfe', t);
        if (t.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = t;
      }
    }
    return lo.alpha > 0 && lo.f < f0 ? done('armijo', lo) : done('failed', lo);
  };

  // Algorithm 3.5: grow the step until it overshoots (value rises, or slope turns positive), then zoom.
  let prev: Point = { alpha: 0, f: f0, slope: slope0 };
  let alpha = alpha0;
  for (let first = true; evaluations < MAX_EVALUATIONS; first = false) {
    const cur = probe(alpha);
    if (!armijo(cur) || (!first && cur.f >= prev.f)) return zoom(prev, cur);
    if (curvature(cur)) return done('wolfe', cur);
    if (cur.slope >= 0) return zoom(cur, prev);
    prev = cur;
    if (alpha >= ALPHA_MAX) break;
    alpha = Math.min(4 * alpha, ALPHA_MAX);
  }
  return prev.alpha > 0 ? done('armijo', prev) : done('failed', prev);
}
