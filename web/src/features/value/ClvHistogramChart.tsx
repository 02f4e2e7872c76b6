/** Lifetime value histogram: 20 equal ranges up to the 99th percentile and an open-ended top bar (amounts ÷ 100). */
import { useMemo } from 'react';
import type { MemberValueBody } from '../../../../src/api/schemas/index.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { CHART, categoryAxisStyle, esc, valueAxisStyle } from '../../components/charts/chartTheme.ts';
import type { EChartsCoreOption } from '../../components/charts/echarts.ts';
import { useFormat } from '../../i18n/useFormat.ts';

type Bucket = MemberValueBody['clv']['buckets'][number];

export function ClvHistogramChart(props: {
  buckets: readonly Bucket[];
  axisX: string;
  axisY: string;
  /** Tooltip line of a bucket, given its range text and member count. */
  bucketTip: (range: string, members: string) => string;
  /** A bucket's range in currency units; `to` null for the open-ended top bucket. */
  rangeLabel: (from: string, to: string | null) => string;
  ariaLabel: string;
}) {
  const f = useFormat();
  const { buckets, axisX, axisY, bucketTip, rangeLabel } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    // axis labels: whole currency units; tooltips: the exact range with 2 decimals
    const whole = (minor: number) => f.number(Math.round(minor / 100));
    const axis = buckets.map((b) => (b.to === null ? `≥${whole(b.from)}` : whole(b.from)));
    const ranges = buckets.map((b) => rangeLabel(f.money(b.from), b.to === null ? null : f.money(b.to)));
    return {
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 28, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? (params[0] as { dataIndex: number } | undefined) : undefined;
          if (!first) return '';
          return esc(bucketTip(ranges[first.dataIndex] ?? '', f.number(buckets[first.dataIndex]?.members ?? 0)));
        },
      },
      xAxis: { type: 'category', data: axis, name: axisX, nameLocation: 'middle', nameGap: 28, ...categoryAxisStyle },
      yAxis: { type: 'value', minInterval: 1, name: axisY, ...valueAxisStyle },
      series: [
        {
          type: 'bar',
          barCategoryGap: '8%',
          data: buckets.map((b) => ({ value: b.members, itemStyle: { color: b.to === null ? '#9e77ed' : CHART.bar } })),
        },
      ],
    };
  }, [buckets, axisX, axisY, bucketTip, rangeLabel, f]);
  return <EChart option={option} height={280} ariaLabel={props.ariaLabel} testId="clv-histogram-chart" />;
}
