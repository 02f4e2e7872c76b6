/**
 * The payout report: the pool, the points counted and who is paid what (largest remainder: the amounts add up to
 * the pool exactly, which the page checks and says), who was left out and why, and the CSV file for finance.
 */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Fact } from '../../components/ui/Fact.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { Icon } from '../../components/icons/Icon.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { PayoutReportBody, PayoutRequest } from './hooks/types.ts';
import { usePayoutCsvMutation } from './hooks/usePayoutMutations.ts';
import { MemberCell } from './MemberCell.tsx';
import { formatBigInteger, formatFen, formatShare } from './model/money.ts';

const REASONS = ['no_points', 'below_min_points', 'below_min_payout'] as const;

function CsvButton({ request }: { request: PayoutRequest }) {
  const { t } = useTranslation();
  const csv = usePayoutCsvMutation();
  return (
    <span className="actions">
      <button type="button" className="button button--small" disabled={csv.isPending} aria-busy={csv.isPending} onClick={() => csv.mutate(request)} data-testid="inc-payout-csv">
        {csv.isPending && <span className="spinner" aria-hidden="true" />}
        {csv.isPending ? t('incentives.payout.csvDownloading') : t('incentives.payout.csv')}
      </button>
      {csv.isError && (
        <span className="field__error" role="alert">
          {csv.error.message}
        </span>
      )}
      {csv.isSuccess && (
        <span className="muted small" role="status" data-testid="inc-payout-csv-done">
          {t('incentives.payout.csvDone', { file: csv.data })}
        </span>
      )}
    </span>
  );
}

export function PayoutResult({ report, request }: { report: PayoutReportBody; request: PayoutRequest }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (fen: number | bigint) => formatFen(f.locale, fen);
  const cur = report.pool.currency;
  const paid = report.rows.reduce((s, r) => s + BigInt(r.amount), 0n);
  const balanced = paid + BigInt(report.undistributed) === BigInt(report.pool.amount);
  const reason = (r: string): string => {
    switch (r) {
      case 'below_min_points':
        return t('incentives.payout.reason.below_min_points', { min: f.number(request.minPoints ?? 0) });
      case 'below_min_payout':
        return t('incentives.payout.reason.below_min_payout', { min: money(request.minPayout ?? 0), currency: cur });
      default:
        return (REASONS as readonly string[]).includes(r) ? t('incentives.payout.reason.no_points') : r;
    }
  };
  return (
    <Card
      testId="inc-payout-result"
      title={t('incentives.payout.resultTitle', { from: f.day(report.period.from, true), to: f.day(report.period.to, true) })}
      help={t('incentives.payout.resultHelp')}
      actions={<CsvButton request={request} />}
    >
      <div className="facts">
        <Fact testId="inc-payout-pool-shown" label={t('incentives.payout.factPool')} help={t('incentives.payout.factPoolHelp')} value={`${money(report.pool.amount)} ${cur}`} align="start" />
        <Fact testId="inc-payout-total-points" label={t('incentives.payout.factPoints')} help={t('incentives.payout.factPointsHelp')} value={formatBigInteger(f.locale, report.totalPoints)} />
        <Fact testId="inc-payout-paid" label={t('incentives.payout.factPaid')} help={t('incentives.payout.factPaidHelp')} value={f.number(report.rows.length)} />
        <Fact testId="inc-payout-excluded" label={t('incentives.payout.factExcluded')} help={t('incentives.payout.factExcludedHelp')} value={f.number(report.excluded.length)} />
        <Fact
          testId="inc-payout-undistributed"
          label={t('incentives.payout.factUndistributed')}
          help={t('incentives.payout.factUndistributedHelp')}
          value={`${money(report.undistributed)} ${cur}`}
          align="end"
        />
      </div>
      <div className={`notice ${balanced ? 'notice--ok' : 'notice--error'} inc-check-line`} role="status" data-testid="inc-payout-check" data-paid={paid.toString()} data-pool={report.pool.amount}>
        <Icon name={balanced ? 'check' : 'alert'} size={16} />
        {balanced
          ? t('incentives.payout.balanced', { paid: money(paid), undistributed: money(report.undistributed), pool: money(report.pool.amount), currency: cur })
          : t('incentives.payout.unbalanced', { paid: money(paid), pool: money(report.pool.amount), currency: cur })}
      </div>
      {report.rows.length === 0 ? (
        <EmptyState>{t('incentives.payout.nobody')}</EmptyState>
      ) : (
        <div className="inc-scroll">
          <table className="table table--compact" data-testid="inc-payout-rows">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>{t('incentives.payout.colMember')}</th>
                <th className="num">
                  <span className="th-help">
                    {t('incentives.payout.colPoints')}
                    <HelpTip text={t('incentives.payout.colPointsHelp')} />
                  </span>
                </th>
                <th className="num">
                  <span className="th-help">
                    {t('incentives.payout.colShare')}
                    <HelpTip text={t('incentives.payout.colShareHelp')} />
                  </span>
                </th>
                <th className="num">
                  <span className="th-help">
                    {t('incentives.payout.colAmount', { currency: cur })}
                    <HelpTip text={t('incentives.payout.colAmountHelp')} align="end" />
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r, i) => (
                <tr key={r.member} data-testid="inc-payout-row" data-member={r.member} data-amount={r.amount} data-points={r.points}>
                  <td className="num muted">{i + 1}</td>
                  <td>
                    <MemberCell member={r.member} label={r.label} />
                  </td>
                  <td className="num">{f.number(r.points)}</td>
                  <td className="num" title={`${r.share.numerator} / ${r.share.denominator} = ${r.share.decimal}`}>
                    {formatShare(f.locale, r.share.decimal)}
                  </td>
                  <td className="num inc-amount" data-testid="inc-payout-amount">
                    {money(r.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <td>{t('incentives.payout.total')}</td>
                <td className="num">{formatBigInteger(f.locale, report.totalPoints)}</td>
                <td className="num">{report.rows.length > 0 ? formatShare(f.locale, '1') : '–'}</td>
                <td className="num" data-testid="inc-payout-sum">
                  {money(paid)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {report.excluded.length > 0 && (
        <details className="inc-excluded" data-testid="inc-payout-excluded-list" open={report.excluded.length <= 10}>
          <summary>
            {t('incentives.payout.excludedTitle', { n: f.number(report.excluded.length) })}
            <HelpTip text={t('incentives.payout.excludedHelp')} align="start" />
          </summary>
          <table className="table table--compact">
            <thead>
              <tr>
                <th>{t('incentives.payout.colMember')}</th>
                <th className="num">{t('incentives.payout.colPoints')}</th>
                <th>{t('incentives.payout.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.excluded.map((r) => (
                <tr key={r.member} data-testid="inc-payout-excluded-row" data-member={r.member} data-reason={r.reason}>
                  <td>
                    <MemberCell member={r.member} label={r.label} />
                  </td>
                  <td className="num">{f.number(r.points)}</td>
                  <td className="small">{reason(r.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </Card>
  );
}
