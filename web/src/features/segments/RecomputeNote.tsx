/** "Members are recomputed at every scoring run; last run #n, <time>" (or that there has been no run yet). */
import { useTranslation } from 'react-i18next';
import type { RunInfo } from '../../hooks/useSegmentHistoryQuery.ts';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function RecomputeNote({ lastRun, timeZone }: { lastRun: RunInfo | null; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p className="notice segment-note" data-testid="segment-recompute-note" data-run={lastRun?.runId}>
      {lastRun
        ? t('segments.history.note', { id: lastRun.runId, time: f.dateTime(isoFromMicros(lastRun.at), timeZone) ?? '–' })
        : t('segments.history.noRun')}
    </p>
  );
}
