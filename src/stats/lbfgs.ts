/** Unconstrained minimisation by L-BFGS (Nocedal & Wright, Algorithm 7.5) with a strong Wolfe line search. */
import { strongWolfe } from './line-search.ts';

export interface MinimizeOptions {
  /** Default 500. */
  maxIterations?: number;
  /** Stop when the infinity norm of the gradient is at most this. Default 1e-8. */
  gradientTolerance?: number;
  /** Stop when (f_prev − f) ≤ this · max(|f_prev|, |f|, 1), as in L-BFGS-B's factr test. Default 1e-12. */
  functionTolerance?: number;
  /** Number of (s, y) pairs kept. Default 10. */
  memory?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

type Objective = (x: Float64Array, grad: Float64Array) => number;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function infNorm(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

function checkOption(name: string, value: number, integer: boolean, min: number): number {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new RangeError(`minimize: ${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got ${value}`);
  }
  return value;
}

/** The (s, y) pairs of the last `capacity` steps, oldest first; H·v is never formed, only applied (two-loop). */
class History {
  readonly s: Float64Array[] = [];
  readonly y: Float64Array[] = [];
  readonly rho: number[] = [];
  constructor(private readonly capacity: number) {}

  push(s: Float64Array, y: Float64Array, sy: number): void {
    if (this.s.length === this.capacity) {
      this.s.shift();
      this.y.shift();
      this.rho.shift();
    }
    this.s.push(s);
    this.y.push(y);
    this.rho.push(1 / sy);
  }

  clear(): void {
    this.s.length = 0;
    this.y.length = 0;
    this.rho.length = 0;
  }

  /** Writes −H·g into p; H₀ = (s·y / y·y) I from the newest pair, which makes a unit step usually acceptable. */
  direction(g: Float64Array, p: Float64Array): void {
    const k = this.s.length;
    const alpha = new Float64Array(k);
    p.set(g);
    for (let i = k - 1; i >= 0; i--) {
      const a = this.rho[i]! * dot(this.s[i]!, p);
      alpha[i] = a;
      const y = this.y[i]!;
      for (let j = 0; j < p.length; j++) p[j]! -= a * y[j]!;
    }
    if (k > 0) {
      const y = this.y[k - 1]!;
      const gamma = 1 / (this.rho[k - 1]! * dot(y, y));
      for (let j = 0; j < p.length; j++) p[j]! *= gamma;
    }
    for (let i = 0; i < k; i++) {
      const beta = this.rho[i]! * dot(this.y[i]!, p);
      const s = this.s[i]!;
      const coef = alpha[i]! - beta;
      for (let j = 0; j < p.length; j++) p[j]! += coef * s[j]!;
    }
    for (let j = 0; j < p.length; j++) p[j] = -p[j]!;
  }
}

/**
 * Minimises f from x0. f returns the value and writes the gradient into `grad`. A non-finite value or gradient at a
 * trial point shrinks the step, so the result is always a finite point where f was finite; a non-finite f at x0
 * throws a RangeError. converged is false, with the reason in message, when the iteration limit is hit or the line
 * search cannot lower f (then x is the best point found).
 */
export function minimize(f: Objective, x0: ArrayLike<number>, opts: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = checkOption('maxIterations', opts.maxIterations ?? 500, true, 0);
  const gtol = checkOption('gradientTolerance', opts.gradientTolerance ?? 1e-8, false, 0);
  const ftol = checkOption('functionTolerance', opts.functionTolerance ?? 1e-12, false, 0);
  const memory = checkOption('memory', opts.memory ?? 10, true, 1);

  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(fx) || !allFinite(g)) {
    throw new RangeError(`minimize: the objective or its gradient is not finite at the starting point (f = ${fx})`);
  }

  const history = new History(memory);
  const p = new Float64Array(n);
  const xt = new Float64Array(n);
  const gt = new Float64Array(n);
  let trialAlpha = NaN;
  const phi = (alpha: number) => {
    for (let i = 0; i < n; i++) xt[i] = x[i]! + alpha * p[i]!;
    trialAlpha = alpha;
    evaluations++;
    const value = f(xt, gt);
    return { f: value, slope: allFinite(gt) ? dot(gt, p) : NaN };
  };
  const result = (iterations: number, converged: boolean, message: string): MinimizeResult => ({
    x: Float64Array.from(x),
    value: fx,
    gradient: Float64Array.from(g),
    iterations,
    evaluations,
    converged,
    message,
  });

  for (let iteration = 0; ; ) {
    const gnorm = infNorm(g);
    if (gnorm <= gtol) return result(iteration, true, `gradient infinity norm ${gnorm} <= gradientTolerance ${gtol}`);
    if (iteration >= maxIterations) {
      return result(iteration, false, `iteration limit (maxIterations = ${maxIterations}) reached with gradient norm ${gnorm}`);
    }

    history.direction(g, p);
    let slope0 = dot(g, p);
    if (!(slope0 < 0)) {
      // Rounding can spoil H's positive definiteness on nearly singular problems: restart from steepest descent.
      history.clear();
      history.direction(g, p);
      slope0 = dot(g, p);
    }
    // Without curvature information the first step is scaled to move x by about 1 in the max norm.
    const alpha0 = history.s.length === 0 ? Math.min(1, 1 / gnorm) : 1;
    const ls = strongWolfe(phi, fx, slope0, alpha0);
    if (ls.status === 'failed') {
      if (history.s.length > 0) {
        history.clear();
        continue;
      }
      return result(iteration, false, `line search found no lower value along steepest descent (gradient norm ${gnorm})`);
    }
    if (trialAlpha !== ls.alpha) phi(ls.alpha);

    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xt[i]! - x[i]!;
      y[i] = gt[i]! - g[i]!;
    }
    const sy = dot(s, y);
    // Only pairs with positive curvature keep H positive definite; a Wolfe step guarantees it, an Armijo-only one not.
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) history.push(s, y, sy);

    const fprev = fx;
    x.set(xt);
    g.set(gt);
    fx = ls.f;
    iteration++;
    if (fprev - fx <= ftol * Math.max(Math.abs(fprev), Math.abs(fx), 1)) {
      return result(iteration, true, `relative reduction of f ${(fprev - fx) / Math.max(Math.abs(fprev), Math.abs(fx), 1)} <= functionTolerance ${ftol}`);
    }
  }
}
