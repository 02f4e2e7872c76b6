/** Events per calendar day as bars: x = day in the workspace time zone, y = number of events. */
import { useMemo } from 'react';
import type { Overview } from '../../../../src/api/schemas/index.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { EChart } from './EChart.tsx';
import type { EChartsCoreOption } from './echarts.ts';

type Point = Overview['eventsPerDay'][number];

export function EventsPerDayChart(props: { points: readonly Point[]; seriesName: string; ariaLabel: string }) {
  const f = useFormat();
  const option = useMemo<EChartsCoreOption>(() => {
    const days = props.points.map((p) => p.day);
    const counts = props.points.map((p) => p.count);
    return {
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? (params[0] as { dataIndex: number } | undefined) : undefined;
          if (!first) return '';
          const day = days[first.dataIndex] ?? '';
          const count = counts[first.dataIndex] ?? 0;
          return `${f.day(day, true)}<br/><b>${f.number(count)}</b> ${props.seriesName}`;
        },
      },
      xAxis: {
        type: 'category',
        data: days,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#d0d5dd' } },
        axisLabel: { color: '#667085', formatter: (d: string) => f.day(d), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        splitLine: { lineStyle: { color: '#eef0f3' } },
        axisLabel: { color: '#667085', formatter: (v: number) => f.number(v) },
      },
      series: [
        {
          name: props.seriesName,
          type: 'bar',
          data: counts,
          barMaxWidth: 18,
          itemStyle: { color: '#597ef7', borderRadius: [3, 3, 0, 0] },
          emphasis: { itemStyle: { color: '#2f54eb' } },
        },
      ],
    };
  }, [props.points, props.seriesName, f]);

  return <EChart option={option} ariaLabel={props.ariaLabel} testId="events-per-day-chart" />;
}
