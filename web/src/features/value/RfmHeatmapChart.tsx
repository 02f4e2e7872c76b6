/** The RFM grid as a heatmap: F across, R up (5 = best at the top right), each cell its segment and member count. */
import { useMemo } from 'react';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { EChart } from '../../components/charts/EChart.tsx';
import { CHART, categoryAxisStyle, esc } from '../../components/charts/chartTheme.ts';
import { echarts, type EChartsCoreOption } from '../../components/charts/echarts.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import type { RfmCell } from './rfmGrid.ts';

echarts.use([HeatmapChart, VisualMapComponent]);

export function RfmHeatmapChart(props: {
  cells: readonly RfmCell[];
  segmentLabel: (key: string) => string;
  axisR: string;
  axisF: string;
  cellTip: (c: RfmCell) => string;
  ariaLabel: string;
}) {
  const f = useFormat();
  const { cells, segmentLabel, axisR, axisF, cellTip } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    const max = Math.max(1, ...cells.map((c) => c.members));
    const scores = ['1', '2', '3', '4', '5'];
    return {
      animationDuration: 300,
      grid: { left: 30, right: 8, top: 8, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const c = cells[p.dataIndex];
          return c ? esc(cellTip(c)) : '';
        },
      },
      xAxis: { type: 'category', data: scores, name: axisF, nameLocation: 'middle', nameGap: 26, splitArea: { show: false }, ...categoryAxisStyle },
      yAxis: { type: 'category', data: scores, name: axisR, nameLocation: 'middle', nameGap: 26, splitArea: { show: false }, ...categoryAxisStyle },
      visualMap: { show: false, min: 0, max, dimension: 2, inRange: { color: ['#f5f8ff', '#adc6ff', CHART.primary] } },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => ({
            value: [c.f - 1, c.r - 1, c.members],
            label: { color: c.members / max > 0.55 ? '#ffffff' : CHART.text },
          })),
          label: {
            show: true,
            fontSize: 11,
            lineHeight: 15,
            formatter: (p: { dataIndex: number }) => {
              const c = cells[p.dataIndex];
              return c ? `${segmentLabel(c.segment)}\n${f.number(c.members)}` : '';
            },
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2, borderRadius: 4 },
          emphasis: { itemStyle: { borderColor: CHART.text, borderWidth: 1 } },
        },
      ],
    };
  }, [cells, segmentLabel, axisR, axisF, cellTip, f]);
  return <EChart option={option} height={380} ariaLabel={props.ariaLabel} testId="rfm-heatmap-chart" />;
}
