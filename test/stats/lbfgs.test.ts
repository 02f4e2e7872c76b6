/** minimize (L-BFGS): known minima, objectives undefined outside a region, and honest non-convergence. */
import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/stats/index.ts';

function rosenbrock(x: Float64Array, g: Float64Array): number {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
}

/** A deterministic pseudo-random sequence (Park–Miller), so the quadratic is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('minimize', () => {
  it('takes Rosenbrock from (−1.2, 1) to (1, 1)', () => {
    const r = minimize(rosenbrock, [-1.2, 1]);
    expect(r.converged, r.message).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
    expect(r.value).toBeLessThan(1e-12);
    expect(r.evaluations).toBeGreaterThanOrEqual(r.iterations);
  });

  it('finds the minimum of a 50-dimensional convex quadratic with condition number 1000', () => {
    // f(x) = ½ (x − m)ᵀ A (x − m), A = Σ_k λ_k q_k q_kᵀ with orthonormal q_k and λ_k spread over [1, 1000].
    const n = 50;
    const rnd = lcg(12345);
    const m = Float64Array.from({ length: n }, () => 10 * rnd() - 5);
    const basis: Float64Array[] = [];
    const a = new Float64Array(n * n);
    for (let k = 0; k < n; k++) {
      const v = Float64Array.from({ length: n }, () => rnd() - 0.5);
      for (const q of basis) {
        const d = q.reduce((s, qi, i) => s + qi * v[i]!, 0);
        for (let i = 0; i < n; i++) v[i]! -= d * q[i]!;
      }
      const norm = Math.hypot(...v);
      for (let i = 0; i < n; i++) v[i]! /= norm;
      basis.push(v);
      const lambda = 1 + (999 * k) / (n - 1);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j]! += lambda * v[i]! * v[j]!;
    }
    const quad = (x: Float64Array, g: Float64Array) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        let gi = 0;
        for (let j = 0; j < n; j++) gi += a[i * n + j]! * (x[j]! - m[j]!);
        g[i] = gi;
        f += 0.5 * (x[i]! - m[i]!) * gi;
      }
      return f;
    };
    const r = minimize(quad, new Float64Array(n));
    expect(r.converged, r.message).toBe(true);
    for (let i = 0; i < n; i++) expect(Math.abs(r.x[i]! - m[i]!)).toBeLessThan(1e-6);
    // With only the gradient test, the error is bounded by |g|/λ_min.
    const tight = minimize(quad, new Float64Array(n), { functionTolerance: 0, gradientTolerance: 1e-10 });
    expect(tight.converged, tight.message).toBe(true);
    for (let i = 0; i < n; i++) expect(Math.abs(tight.x[i]! - m[i]!)).toBeLessThan(1e-9);
  });

  it('never returns NaN when the objective is undefined beyond a barrier, and finds the interior minimum', () => {
    // f(x) = Σ (x_i − 3)² − μ ln(1 − x_i): NaN for x_i > 1, +∞ at 1. Minimum: x = (4 − √(4 + 2μ))/2 per coordinate.
    const mu = 0.1;
    let outside = 0;
    const barrier = (x: Float64Array, g: Float64Array) => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (v >= 1) outside++;
        f += (v - 3) ** 2 - mu * Math.log(1 - v);
        g[i] = 2 * (v - 3) + mu / (1 - v);
      }
      return f;
    };
    const r = minimize(barrier, [0, 0.5, -2]);
    expect(outside).toBeGreaterThan(0); // the search did step outside, so the shrinking was exercised
    expect(r.converged, r.message).toBe(true);
    expect(Number.isFinite(r.value)).toBe(true);
    const expected = (4 - Math.sqrt(4 + 2 * mu)) / 2;
    for (const v of r.x) expect(Math.abs(v - expected)).toBeLessThan(1e-8);
    for (const gi of r.gradient) expect(Number.isFinite(gi)).toBe(true);
  });

  it('reports converged = false with a message when the iteration limit is hit', () => {
    const r = minimize(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect(r.message).toMatch(/maxIterations/);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.value).toBeLessThan(rosenbrock(Float64Array.of(-1.2, 1), new Float64Array(2)));
  });

  it('reports a line-search failure instead of a NaN when f is NaN at every step', () => {
    // Finite only at the start point: no step of any length lowers f.
    const r = minimize((x, g) => {
      g[0] = 1;
      return x[0] === 0 ? 0 : NaN;
    }, [0]);
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/line search/);
    expect(r.value).toBe(0);
    expect(r.x[0]).toBe(0);
  });

  it('stops at once at a stationary start and rejects a non-finite start', () => {
    const r = minimize(rosenbrock, [1, 1]);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(0);
    expect(() => minimize(() => NaN, [0])).toThrow(RangeError);
    expect(() => minimize(rosenbrock, [0, 0], { memory: 0 })).toThrow(RangeError);
  });
});
