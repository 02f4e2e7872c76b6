/** The forecast check: the model fitted without the last N weeks, its predictions for them beside what happened. */
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';

const HoldoutChart = lazy(() => import('./HoldoutChart.tsx').then((m) => ({ default: m.HoldoutChart })));

export function HoldoutCard({ holdout }: { holdout: ScoringReportBody['holdout'] }) {
  const { t } = useTranslation();
  const groupTip = useCallback((n: string) => t('value.holdoutTip', { n }), [t]);
  const weeks = holdout?.weeks ?? 13;
  return (
    <Card testId="holdout-card" title={t('value.holdoutTitle')} help={t('value.holdoutHelp', { weeks })}>
      {!holdout || holdout.rows.length === 0 ? (
        <EmptyState>{t('value.holdoutNone')}</EmptyState>
      ) : (
        <>
          <p className="muted small value-lead" data-testid="holdout-lead">
            {t('value.holdoutLead', { weeks })}
          </p>
          <Suspense fallback={<LoadingState rows={5} />}>
            <HoldoutChart
              rows={holdout.rows}
              predicted={t('value.predicted')}
              actual={t('value.actual')}
              axisX={t('value.holdoutAxisX')}
              axisY={t('value.holdoutAxisY')}
              groupTip={groupTip}
              ariaLabel={t('value.holdoutTitle')}
            />
          </Suspense>
        </>
      )}
    </Card>
  );
}
