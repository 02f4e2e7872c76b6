/**
 * The calibration/holdout check: buyers grouped by repeat purchases in the calibration period (x, the last group
 * "7+"), mean purchases per member in the held-out weeks as the model predicted them and as they happened.
 */
import { useMemo } from 'react';
import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import type { ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { CHART, categoryAxisStyle, esc, valueAxisStyle } from '../../components/charts/chartTheme.ts';
import { echarts, type EChartsCoreOption } from '../../components/charts/echarts.ts';
import { useFormat } from '../../i18n/useFormat.ts';

echarts.use([LineChart, LegendComponent]);

type Row = NonNullable<ScoringReportBody['holdout']>['rows'][number];

export function HoldoutChart(props: {
  rows: readonly Row[];
  predicted: string;
  actual: string;
  axisX: string;
  axisY: string;
  groupTip: (customers: string) => string;
  ariaLabel: string;
}) {
  const f = useFormat();
  const { rows, predicted, actual, axisX, axisY, groupTip } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    const groups = rows.map((r) => (r.orMore ? `${r.frequency}+` : String(r.frequency)));
    const two = (v: number) => f.decimal(v, 2);
    return {
      animationDuration: 300,
      legend: { top: 0, data: [predicted, actual], textStyle: { color: '#475467' } },
      grid: { left: 34, right: 16, top: 36, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? (params[0] as { dataIndex: number } | undefined) : undefined;
          const row = first ? rows[first.dataIndex] : undefined;
          if (!first || !row) return '';
          return [
            `${esc(axisX)}: <b>${esc(groups[first.dataIndex] ?? '')}</b> (${esc(groupTip(f.number(row.customers)))})`,
            `${esc(predicted)}: <b>${two(row.predicted)}</b>`,
            `${esc(actual)}: <b>${two(row.actual)}</b>`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: groups, name: axisX, nameLocation: 'middle', nameGap: 28, boundaryGap: false, ...categoryAxisStyle },
      yAxis: { type: 'value', name: axisY, nameLocation: 'middle', nameGap: 36, ...valueAxisStyle, axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => two(v) } },
      series: [
        {
          name: predicted,
          type: 'line',
          data: rows.map((r) => r.predicted),
          symbolSize: 7,
          itemStyle: { color: CHART.primary },
          lineStyle: { type: 'dashed', width: 2 },
        },
        {
          name: actual,
          type: 'line',
          data: rows.map((r) => r.actual),
          symbolSize: 7,
          itemStyle: { color: CHART.accent },
          lineStyle: { width: 2 },
        },
      ],
    };
  }, [rows, predicted, actual, axisX, axisY, groupTip, f]);
  return <EChart option={option} height={300} ariaLabel={props.ariaLabel} testId="holdout-chart" />;
}
