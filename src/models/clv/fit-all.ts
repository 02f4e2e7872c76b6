/**
 * One CLV fit as an operator runs it: BG/NBD on every customer's (x, t_x, T), and Gamma-Gamma on those with repeat
 * purchases when spend is known. The report is what `sheyun clv fit` prints and what the console shows.
 */
import { fitBgNbd, type BgNbdParams } from './bgnbd.ts';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import { compressSummaries, summaryProblem, type CustomerSummary } from './summary.ts';

export interface ClvFitReport extends BgNbdParams {
  ll: number;
  customers: number;
  /** Distinct (x, t_x, T) rows the likelihood was summed over. */
  distinctHistories: number;
  converged: boolean;
  iterations: number;
  warnings: string[];
  /** Gamma-Gamma, present when monetary values were given. */
  p?: number;
  q?: number;
  gamma?: number;
  spendLl?: number;
  spendCustomers?: number;
}

export class SummaryError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

export function fitClv(rows: readonly CustomerSummary[]): ClvFitReport {
  rows.forEach((r, i) => {
    const problem = summaryProblem(r, i);
    if (problem) throw new SummaryError(problem, i + 1);
  });
  const summary = compressSummaries(rows);
  const bg = fitBgNbd(summary);
  const report: ClvFitReport = {
    ...bg.params,
    ll: bg.ll,
    customers: summary.customers,
    distinctHistories: summary.x.length,
    converged: bg.converged,
    iterations: bg.iterations,
    warnings: [...bg.warnings],
  };
  const spenders = rows.filter((r) => r.x > 0 && r.monetary !== undefined && r.monetary > 0);
  if (rows.some((r) => r.monetary !== undefined) && spenders.length > 0) {
    const gg = fitGammaGamma({ x: Float64Array.from(spenders.map((r) => r.x)), m: Float64Array.from(spenders.map((r) => r.monetary!)) });
    Object.assign(report, { ...gg.params, spendLl: gg.ll, spendCustomers: spenders.length } satisfies Partial<ClvFitReport>);
    report.converged &&= gg.converged;
    report.warnings.push(...gg.warnings.map((w) => `spend model: ${w}`));
    const zeroSpend = rows.filter((r) => r.x > 0 && r.monetary === 0).length;
    if (zeroSpend > 0) report.warnings.push(`spend model: ${zeroSpend} customers with repeat purchases but no spend were left out`);
  }
  return report;
}
