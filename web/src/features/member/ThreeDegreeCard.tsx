/** The member's three-degree model: density radar and numbers, tier badges, lifetime value, and the measures behind. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useMemberScoresQuery } from '../../hooks/useMemberScoresQuery.ts';
import { ScoreSummary } from './ScoreSummary.tsx';
import { ScoreComponents } from './ScoreComponents.tsx';

const DensityRadarChart = lazy(() => import('./DensityRadarChart.tsx').then((m) => ({ default: m.DensityRadarChart })));

export function ThreeDegreeCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const q = useMemberScoresQuery(memberId);
  const scores = q.data?.scores;
  return (
    <Card testId="three-degree" title={t('threeDegree.title')} help={t('threeDegree.help')}>
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={4} />
      ) : !scores ? (
        <div className="state state--empty" data-testid="member-not-scored">
          {t('threeDegree.notScored')}
        </div>
      ) : (
        <div className="three-degree">
          <Suspense fallback={<LoadingState rows={5} />}>
            <DensityRadarChart
              axes={[
                { label: t('threeDegree.relationship'), value: scores.densities.relationship },
                { label: t('threeDegree.value'), value: scores.densities.value },
                { label: t('threeDegree.potential'), value: scores.densities.potential },
              ]}
              notComputed={t('threeDegree.notComputed')}
              ariaLabel={t('threeDegree.title')}
            />
          </Suspense>
          <ScoreSummary scores={scores} />
          <ScoreComponents scores={scores} />
        </div>
      )}
    </Card>
  );
}
