/** Creator revenue share: the split of a period's pool by points, and the payout report. */
export {
  splitRevenue,
  revenueShareInput,
  revenuePool,
  type RevenueShareInput,
  type RevenuePool,
  type RevenueSplit,
  type PayoutRow,
  type ExcludedMember,
  type ExclusionReason,
} from './split.ts';
export { largestRemainder, type Apportioned } from './largest-remainder.ts';
export { payoutReportCsv, PAYOUT_REPORT_COLUMNS, type PayoutReportOptions } from './report-csv.ts';
