/** The RFM heatmap: buyers on the 5 × 5 recency × frequency grid, each cell named by its segment. */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberValueBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { fullGrid, type RfmCell } from './rfmGrid.ts';
import { useTierLabels } from './tiers.ts';

const RfmHeatmapChart = lazy(() => import('./RfmHeatmapChart.tsx').then((m) => ({ default: m.RfmHeatmapChart })));

export function RfmCard({ data }: { data: MemberValueBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useTierLabels();
  const cells = useMemo(() => fullGrid(data.rules.rfm, data.rfmGrid), [data]);
  const total = cells.reduce((s, c) => s + c.members, 0);
  const cellTip = useCallback(
    (c: RfmCell) =>
      [
        t('value.rfmCellTip', { r: c.r, f: c.f, n: f.number(c.members) }),
        labels.rfm(c.segment),
        c.meanM === null ? null : t('value.rfmMeanM', { m: f.decimal(c.meanM, 2) }),
      ]
        .filter(Boolean)
        .join(' · '),
    [t, f, labels],
  );
  return (
    <Card testId="rfm-card" title={t('value.rfmTitle')} help={t('value.rfmHelp')}>
      {total === 0 && <EmptyState>{t('value.rfmEmpty')}</EmptyState>}
      <Suspense fallback={<LoadingState rows={6} />}>
        <RfmHeatmapChart
          cells={cells}
          segmentLabel={labels.rfm}
          axisR={t('value.rfmAxisR')}
          axisF={t('value.rfmAxisF')}
          cellTip={cellTip}
          ariaLabel={t('value.rfmTitle')}
        />
      </Suspense>
    </Card>
  );
}
