/**
 * From raw transactions to BTYD summaries: purchases on the same UTC day count as one purchase occasion (their
 * values add up), as in the CDNOW analyses and lifetimes' summary_data_from_transaction_data with daily periods.
 * Times are measured in whole days and expressed in `unitDays` (7 gives weeks, the papers' unit).
 */
import type { CustomerSummary } from './summary.ts';

export interface Transaction {
  customer: string;
  /** Milliseconds since the epoch (UTC). */
  time: number;
  amount?: number;
}

export interface SummaryWithHoldout extends CustomerSummary {
  customer: string;
  /** Purchase days in (calibration end, holdout end]; only when a holdout end is given. */
  holdoutPurchases?: number;
}

const DAY = 86_400_000;

/**
 * Customers whose first purchase is after the calibration end are left out (they have no calibration history).
 * `calibrationEnd` and `holdoutEnd` are the last days included (UTC, milliseconds at any time of that day).
 */
export function summariseTransactions(
  txs: Iterable<Transaction>,
  opts: { calibrationEnd: number; holdoutEnd?: number; unitDays: number },
): SummaryWithHoldout[] {
  const endDay = Math.floor(opts.calibrationEnd / DAY);
  const holdoutDay = opts.holdoutEnd === undefined ? undefined : Math.floor(opts.holdoutEnd / DAY);
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of txs) {
    const day = Math.floor(t.time / DAY);
    let days = byCustomer.get(t.customer);
    if (!days) byCustomer.set(t.customer, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + (t.amount ?? 0));
  }
  const out: SummaryWithHoldout[] = [];
  for (const [customer, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0]!;
    if (first > endDay) continue;
    const calibration = sorted.filter((d) => d <= endDay);
    const last = calibration[calibration.length - 1]!;
    const repeats = calibration.slice(1);
    const row: SummaryWithHoldout = {
      customer,
      x: repeats.length,
      tx: (last - first) / opts.unitDays,
      T: (endDay - first) / opts.unitDays,
      monetary: repeats.length === 0 ? 0 : repeats.reduce((s, d) => s + days.get(d)!, 0) / repeats.length,
    };
    if (holdoutDay !== undefined) row.holdoutPurchases = sorted.filter((d) => d > endDay && d <= holdoutDay).length;
    out.push(row);
  }
  return out;
}
