/** Tier sizes over the recent runs (stacked bars) and the latest run's moves (Sankey), lifecycle or communication. */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { SegmentedControl } from '../../components/ui/SegmentedControl.tsx';
import { FLOW_RUNS, useTierFlowsQuery, type TierKind } from '../../hooks/useTierFlowsQuery.ts';
import { useFormat } from '../../i18n/useFormat.ts';

// ECharts loads in its own chunk, only when a chart is shown.
const TierSizesChart = lazy(() => import('./TierSizesChart.tsx').then((m) => ({ default: m.TierSizesChart })));
const TierSankeyChart = lazy(() => import('./TierSankeyChart.tsx').then((m) => ({ default: m.TierSankeyChart })));

export function TierFlowsCard({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [kind, setKind] = useState<TierKind>('lifecycle_tier');
  const q = useTierFlowsQuery(kind);
  const runLabel = useCallback((id: number) => t('value.runNumber', { id }), [t]);
  // while another kind loads the previous one stays on screen: name its tiers by what the data is, not the switch
  const family = q.data?.kind === 'communication_tier' ? 'communication' : 'lifecycle';
  const runs = q.data?.runs ?? [];
  const latest = runs[runs.length - 1];
  const moved = latest ? latest.moves.reduce((s, m) => s + m.members, 0) : 0;
  return (
    <Card
      testId="tier-flows"
      title={t('value.flowsTitle')}
      help={t('value.flowsHelp', { runs: FLOW_RUNS })}
      actions={
        <SegmentedControl
          label={t('value.flowKind')}
          value={kind}
          options={[
            { value: 'lifecycle_tier', label: t('value.flowLifecycle') },
            { value: 'communication_tier', label: t('value.flowCommunication') },
          ]}
          onChange={setKind}
          testId="flow-kind"
        />
      }
    >
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={5} />
      ) : !latest ? (
        <EmptyState>{t('value.noRuns')}</EmptyState>
      ) : (
        <div className={`value-pair${q.isPlaceholderData ? ' is-stale' : ''}`}>
          <div>
            <h3 className="subhead">
              {t('value.sizesTitle')}
              <HelpTip text={t('value.sizesHelp', { tz: timeZone })} align="start" />
            </h3>
            <Suspense fallback={<LoadingState rows={5} />}>
              <TierSizesChart runs={runs} family={family} timeZone={timeZone} runLabel={runLabel} ariaLabel={t('value.sizesTitle')} />
            </Suspense>
          </div>
          <div>
            <h3 className="subhead">
              {t('value.sankeyTitle')}
              <HelpTip text={t('value.sankeyHelp')} align="end" />
            </h3>
            {moved === 0 ? (
              <EmptyState>{t('value.noMoves')}</EmptyState>
            ) : (
              <>
                <Suspense fallback={<LoadingState rows={5} />}>
                  <TierSankeyChart
                    moves={latest.moves}
                    family={family}
                    firstScored={t('value.firstScored')}
                    removed={t('value.removed')}
                    ariaLabel={t('value.sankeyTitle')}
                  />
                </Suspense>
                <div className="muted small" data-testid="moved-count">
                  {t('value.moved', { n: f.number(moved) })}
                </div>
              </>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
