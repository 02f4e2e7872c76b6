/** One scoring run in a segment's history: a heading row with its counts, then one row per member who moved. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SegmentRunChanges } from '../../hooks/useSegmentHistoryQuery.ts';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function HistoryRunRows({ run, timeZone }: { run: SegmentRunChanges; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hidden = run.entered + run.left - run.changes.length;
  return (
    <tbody data-testid="history-run" data-run={run.runId}>
      <tr className="history-table__run">
        <td colSpan={4}>
          <strong>{t('segments.history.runHeading', { id: run.runId })}</strong>
          <span className="muted"> · {f.dateTime(isoFromMicros(run.at), timeZone)} · </span>
          <span data-testid="history-run-counts">
            {t('segments.history.runCounts', { entered: f.number(run.entered), left: f.number(run.left), members: f.number(run.members) })}
          </span>
          {hidden > 0 && <span className="muted small"> · {t('segments.history.notShown')}</span>}
        </td>
      </tr>
      {run.changes.map((c) => {
        const entered = c.to !== null;
        return (
          <tr key={c.id} data-testid="history-change" data-change={entered ? 'entered' : 'left'} data-member={c.memberId}>
            <td>
              <span className={`badge ${entered ? 'badge--ok' : 'badge--muted'}`}>{entered ? t('segments.history.entered') : t('segments.history.left')}</span>
            </td>
            <td>
              <Link href={`/members/${encodeURIComponent(c.memberId)}`} data-testid="history-member">
                <code>{c.memberId}</code>
              </Link>
            </td>
            <td className="muted">{t('value.runNumber', { id: c.runId })}</td>
            <td className="num muted">{f.dateTime(isoFromMicros(c.at), timeZone)}</td>
          </tr>
        );
      })}
    </tbody>
  );
}
