/**
 * The payout report a finance team imports: one row per member paid, amounts in the smallest currency unit, with
 * the period on every row so reports of several periods can be concatenated.
 */
import { stringify } from 'csv-stringify/sync';
import { invalid } from '../../core/index.ts';
import type { RevenueSplit } from './split.ts';

export const PAYOUT_REPORT_COLUMNS = ['member_external_id', 'points', 'share', 'amount', 'currency', 'period'] as const;

export interface PayoutReportOptions {
  /** The period the pool belongs to, as the operator names it ('2025-06', '2025-Q2'). */
  period: string;
  /** Must be the pool's currency: a report never relabels money. */
  currency: string;
  /** The member's stable external id (`mem_…`, or the id in the creator's own system). */
  memberLabel: (memberId: number) => string;
}

/** CSV text with a header row; fields are quoted where CSV needs it (commas, quotes, line breaks). */
export function payoutReportCsv(result: RevenueSplit, opts: PayoutReportOptions): string {
  if (opts.currency !== result.pool.currency) throw invalid(`currency ${opts.currency} is not the pool's currency ${result.pool.currency}`, 'currency');
  const rows = result.rows.map((r) => [opts.memberLabel(r.memberId), String(r.points), r.share.decimal, String(r.amount), opts.currency, opts.period]);
  return stringify(rows, { header: true, columns: [...PAYOUT_REPORT_COLUMNS] });
}
