/** The three densities (0–100) of one member as a radar. A density that was not computed is drawn at 0. */
import { useMemo } from 'react';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { EChart } from '../../components/charts/EChart.tsx';
import { CHART, esc } from '../../components/charts/chartTheme.ts';
import { echarts, type EChartsCoreOption } from '../../components/charts/echarts.ts';
import { useFormat } from '../../i18n/useFormat.ts';

echarts.use([RadarChart, RadarComponent]);

export interface RadarAxis {
  label: string;
  value: number | null;
}

export function DensityRadarChart(props: { axes: readonly RadarAxis[]; notComputed: string; ariaLabel: string }) {
  const f = useFormat();
  const { axes, notComputed } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    const shown = (v: number | null) => (v === null ? notComputed : f.decimal(v, 1));
    return {
      animationDuration: 300,
      tooltip: {
        trigger: 'item',
        formatter: () => axes.map((a) => `${esc(a.label)}: <b>${esc(shown(a.value))}</b>`).join('<br/>'),
      },
      radar: {
        indicator: axes.map((a) => ({ name: a.label, max: 100, min: 0 })),
        radius: '62%',
        splitNumber: 4,
        axisName: { color: '#475467', fontSize: 12, width: 84, overflow: 'break' },
        splitLine: { lineStyle: { color: '#e4e7ec' } },
        splitArea: { areaStyle: { color: ['#ffffff', '#f9fafb'] } },
        axisLine: { lineStyle: { color: '#e4e7ec' } },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 6,
          data: [
            {
              value: axes.map((a) => a.value ?? 0),
              itemStyle: { color: CHART.primary },
              lineStyle: { width: 2 },
              areaStyle: { color: 'rgba(47, 84, 235, 0.18)' },
            },
          ],
        },
      ],
    };
  }, [axes, notComputed, f]);
  return <EChart option={option} height={260} ariaLabel={props.ariaLabel} testId="density-radar-chart" />;
}
