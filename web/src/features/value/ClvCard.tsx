/** Lifetime value: buyers with a CLV, mean, median and 90th percentile (currency units), and the histogram. */
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberValueBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Fact } from '../../components/ui/Fact.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

const ClvHistogramChart = lazy(() => import('./ClvHistogramChart.tsx').then((m) => ({ default: m.ClvHistogramChart })));

export function ClvCard({ clv }: { clv: MemberValueBody['clv'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (v: number | null) => (v === null ? t('threeDegree.notComputed') : t('value.yuan', { value: f.money(v) }));
  const bucketTip = useCallback((range: string, n: string) => t('value.clvBucketTip', { range, n }), [t]);
  const rangeLabel = useCallback(
    (from: string, to: string | null) => (to === null ? t('value.clvTopBucket', { from }) : t('value.clvRange', { from, to })),
    [t],
  );
  return (
    <Card testId="clv-card" title={t('value.clvTitle')} help={t('value.clvHelp')}>
      <div className="facts" data-testid="clv-stats">
        <Fact testId="clv-buyers" label={t('value.clvBuyers')} value={f.number(clv.buyers)} help={t('value.clvBuyersHelp')} align="start" />
        <Fact testId="clv-mean" label={t('value.clvMean')} value={money(clv.mean)} help={t('value.clvMeanHelp')} />
        <Fact testId="clv-median" label={t('value.clvMedian')} value={money(clv.median)} help={t('value.clvMedianHelp')} />
        <Fact testId="clv-p90" label={t('value.clvP90')} value={money(clv.p90)} help={t('value.clvP90Help')} align="end" />
      </div>
      {clv.buckets.length === 0 ? (
        <EmptyState>{t('value.clvNotComputed')}</EmptyState>
      ) : (
        <>
          <h3 className="subhead">
            {t('value.clvAxisX')}
            <HelpTip text={t('value.clvHistHelp')} align="start" />
          </h3>
          <Suspense fallback={<LoadingState rows={5} />}>
            <ClvHistogramChart
              buckets={clv.buckets}
              axisX={t('value.clvAxisX')}
              axisY={t('value.clvAxisY')}
              bucketTip={bucketTip}
              rangeLabel={rangeLabel}
              ariaLabel={t('value.clvTitle')}
            />
          </Suspense>
        </>
      )}
    </Card>
  );
}
