/** Who entered or left the segment at the latest scoring runs, with a note on when memberships are recomputed. */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { HISTORY_LIMIT, HISTORY_RUNS, useSegmentHistoryQuery } from '../../hooks/useSegmentHistoryQuery.ts';
import { HistoryRunRows } from './HistoryRunRows.tsx';
import { RecomputeNote } from './RecomputeNote.tsx';

export function SegmentHistoryCard({ segmentKey, timeZone }: { segmentKey: string; timeZone: string }) {
  const { t } = useTranslation();
  const q = useSegmentHistoryQuery(segmentKey);
  const data = q.data;
  return (
    <Card
      testId="segment-history"
      title={t('segments.history.title')}
      help={t('segments.history.help', { limit: HISTORY_LIMIT, runs: HISTORY_RUNS, tz: timeZone })}
    >
      {q.isError && !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <LoadingState rows={4} />
      ) : (
        <>
          <RecomputeNote lastRun={data.lastRun} timeZone={timeZone} />
          {data.runs.length === 0 ? (
            <EmptyState>{t('segments.history.empty')}</EmptyState>
          ) : (
            <table className="table table--compact history-table">
              <thead>
                <tr>
                  <th>{t('segments.history.colChange')}</th>
                  <th>{t('segments.history.colMember')}</th>
                  <th>{t('segments.history.colRun')}</th>
                  <th className="num">{t('segments.history.colTime')}</th>
                </tr>
              </thead>
              {data.runs.map((run) => (
                <HistoryRunRows key={run.runId} run={run} timeZone={timeZone} />
              ))}
            </table>
          )}
        </>
      )}
    </Card>
  );
}
