/** Tier sizes per scoring run as stacked bars: x = run time (workspace zone), one colour per tier. */
import { useMemo } from 'react';
import { LegendComponent } from 'echarts/components';
import type { TierFlowBody } from '../../../../src/api/schemas/index.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { categoryAxisStyle, esc, valueAxisStyle } from '../../components/charts/chartTheme.ts';
import { echarts, type EChartsCoreOption } from '../../components/charts/echarts.ts';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { tierColor, tierOrder, useTierLabels, type TierFamily } from './tiers.ts';

echarts.use([LegendComponent]);

export function TierSizesChart(props: {
  runs: readonly TierFlowBody[];
  family: TierFamily;
  timeZone: string;
  /** "Run #n", so two runs in the same minute stay apart. */
  runLabel: (runId: number) => string;
  ariaLabel: string;
}) {
  const f = useFormat();
  const labels = useTierLabels();
  const { runs, family, timeZone, runLabel } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    const known = tierOrder(family);
    const extra = [...new Set(runs.flatMap((r) => Object.keys(r.sizes)))].filter((k) => !known.includes(k));
    const tiers = [...known, ...extra];
    const times = runs.map((r) => `${runLabel(r.runId)}\n${f.dateTime(isoFromMicros(r.asOf), timeZone) ?? ''}`);
    return {
      animationDuration: 300,
      legend: { top: 0, type: 'scroll', textStyle: { color: '#475467' } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = Array.isArray(params) ? (params as Array<{ dataIndex: number; seriesName: string; value: number; color: string }>) : [];
          const first = list[0];
          if (!first) return '';
          const total = list.reduce((s, p) => s + p.value, 0);
          const lines = list
            .filter((p) => p.value > 0)
            .map((p) => `<span style="color:${p.color}">●</span> ${esc(p.seriesName)}: <b>${f.number(p.value)}</b>`);
          return `${esc(times[first.dataIndex] ?? '').replace('\n', ' · ')}<br/>${lines.join('<br/>')}<br/>Σ ${f.number(total)}`;
        },
      },
      xAxis: { type: 'category', data: times, ...categoryAxisStyle },
      yAxis: { type: 'value', minInterval: 1, ...valueAxisStyle, axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => f.number(v) } },
      series: tiers.map((tier) => ({
        name: labels.tier(family, tier),
        type: 'bar',
        stack: 'tiers',
        barMaxWidth: 36,
        data: runs.map((r) => r.sizes[tier] ?? 0),
        itemStyle: { color: tierColor(family, tier) },
        emphasis: { focus: 'series' },
      })),
    };
  }, [runs, family, timeZone, runLabel, f, labels]);
  return <EChart option={option} height={300} ariaLabel={props.ariaLabel} testId="tier-sizes-chart" />;
}
