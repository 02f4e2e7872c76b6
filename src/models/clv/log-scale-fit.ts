/**
 * Maximum likelihood for positive parameters: minimise the mean negative log-likelihood over θ = log(parameters)
 * with L-BFGS. Positivity comes for free, and dividing by the number of customers keeps the objective's scale
 * independent of the data size, so one set of tolerances fits a hundred customers and a million.
 */
import { minimize } from '../../stats/index.ts';

export interface FitReport<P> {
  params: P;
  /** Log-likelihood summed over customers at the estimate. */
  ll: number;
  converged: boolean;
  iterations: number;
  /** Readable for an operator: why the estimate should not be trusted, when it should not. */
  warnings: string[];
}

export function fitOnLogScale<K extends string>(
  names: readonly K[],
  start: Record<K, number>,
  customers: number,
  /** Σ log-likelihood at `p`; adds ∂/∂p (in `names` order) into `grad`. */
  logLikelihood: (p: Record<K, number>, grad: Float64Array) => number,
  maxIterations = 1000,
): FitReport<Record<K, number>> {
  const toParams = (th: ArrayLike<number>) => Object.fromEntries(names.map((k, i) => [k, Math.exp(th[i]!)])) as Record<K, number>;
  const g = new Float64Array(names.length);
  const result = minimize(
    (th, grad) => {
      const p = toParams(th);
      g.fill(0);
      const ll = logLikelihood(p, g);
      // Chain rule for θ = log p: ∂/∂θ = p · ∂/∂p.
      names.forEach((k, i) => (grad[i] = (-g[i]! * p[k]) / customers));
      return -ll / customers;
    },
    names.map((k) => Math.log(start[k])),
    { maxIterations, gradientTolerance: 1e-9 },
  );
  const params = toParams(result.x);
  const warnings: string[] = [];
  if (!result.converged) warnings.push(`the optimiser did not converge (${result.message}); the parameters may be far from the best fit`);
  for (const k of names) if (!Number.isFinite(params[k]) || params[k] > 1e6 || params[k] < 1e-6) warnings.push(`${k} = ${params[k]} is at the edge of what the data can identify`);
  return { params, ll: -result.value * customers, converged: result.converged, iterations: result.iterations, warnings };
}
