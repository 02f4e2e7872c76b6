/**
 * The creator revenue share of a period: points per member from the ledger between two days (optionally only some
 * rules or categories), split by largest remainder so the payouts add up to the pool exactly, labelled with the ids
 * members have in the community's own system.
 */
import { z } from 'zod';
import { memberPublicId } from '../../core/index.ts';
import { externalIds } from '../../members/index.ts';
import type { Tx } from '../../store/index.ts';
import { payoutReportCsv, splitRevenue, type RevenueSplit } from '../payouts/index.ts';
import { pointsInPeriod } from './queries.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const payoutRequest = z
  .object({
    from: day,
    to: day,
    pool: z.object({ amount: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY') }),
    rules: z.array(z.string().max(64)).max(100).optional(),
    categories: z.array(z.string().max(64)).max(100).optional(),
    minPoints: z.number().int().nonnegative().optional(),
    minPayout: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'to is before from' });
export type PayoutRequest = z.infer<typeof payoutRequest>;

export interface PayoutReport extends RevenueSplit {
  period: { from: string; to: string };
  /** Member id → the id in the source system (user id), for the report's rows. */
  labels: Record<number, string>;
}

export async function payoutReport(db: Tx, ws: number, input: unknown): Promise<PayoutReport> {
  const q = payoutRequest.parse(input);
  const shares = await pointsInPeriod(db, ws, { from: q.from, to: q.to, ...(q.rules ? { rules: q.rules } : {}), ...(q.categories ? { categories: q.categories } : {}) });
  const split = splitRevenue({ pool: q.pool, shares, ...(q.minPoints !== undefined ? { minPoints: q.minPoints } : {}), ...(q.minPayout !== undefined ? { minPayout: q.minPayout } : {}) });
  const ids = await externalIds(db, ws);
  const labels: Record<number, string> = {};
  for (const r of [...split.rows, ...split.excluded]) labels[r.memberId] = ids.get(r.memberId)?.value ?? memberPublicId(r.memberId);
  return { ...split, period: { from: q.from, to: q.to }, labels };
}

export function payoutCsv(report: PayoutReport): string {
  return payoutReportCsv(report, { period: `${report.period.from}..${report.period.to}`, currency: report.pool.currency, memberLabel: (m) => report.labels[m] ?? memberPublicId(m) });
}
