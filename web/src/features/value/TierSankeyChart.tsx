/**
 * The moves of one scoring run as a Sankey: the tier before on the left, the tier now on the right. Left and right
 * nodes get distinct ids (`from:` / `to:`) so a tier can appear on both sides; the labels show the tier's name.
 */
import { useMemo } from 'react';
import { SankeyChart } from 'echarts/charts';
import type { TierFlowBody } from '../../../../src/api/schemas/index.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { esc } from '../../components/charts/chartTheme.ts';
import { echarts, type EChartsCoreOption } from '../../components/charts/echarts.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { tierColor, useTierLabels, type TierFamily } from './tiers.ts';

echarts.use([SankeyChart]);

const NONE = '∅';
const NONE_COLOR = '#d0d5dd';

export function TierSankeyChart(props: {
  moves: TierFlowBody['moves'];
  family: TierFamily;
  firstScored: string;
  removed: string;
  ariaLabel: string;
}) {
  const f = useFormat();
  const labels = useTierLabels();
  const { family, moves, firstScored, removed } = props;
  const option = useMemo<EChartsCoreOption>(() => {
    const names = new Map<string, string>();
    const nodes: Array<{ name: string; itemStyle: { color: string }; label: { position: 'left' | 'right' } }> = [];
    const node = (side: 'from' | 'to', tier: string | null): string => {
      const id = `${side}:${tier ?? NONE}`;
      if (!names.has(id)) {
        names.set(id, tier === null ? (side === 'from' ? firstScored : removed) : labels.tier(family, tier));
        nodes.push({
          name: id,
          itemStyle: { color: tier === null ? NONE_COLOR : tierColor(family, tier) },
          label: { position: side === 'from' ? 'right' : 'left' },
        });
      }
      return id;
    };
    const links = moves
      .filter((m) => m.members > 0)
      .map((m) => ({ source: node('from', m.from), target: node('to', m.to), value: m.members }));
    const label = (id: string) => names.get(id) ?? id;
    return {
      animationDuration: 300,
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataType?: string; name: string; value: number; data: { source?: string; target?: string } }) =>
          p.dataType === 'edge'
            ? `${esc(label(p.data.source ?? ''))} → ${esc(label(p.data.target ?? ''))}: <b>${f.number(p.value)}</b>`
            : `${esc(label(p.name))}: <b>${f.number(p.value)}</b>`,
      },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          nodeWidth: 14,
          nodeGap: 10,
          nodeAlign: 'justify',
          draggable: false,
          emphasis: { focus: 'adjacency' },
          data: nodes,
          links,
          lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
          label: { color: '#1d2939', formatter: (p: { name: string; value: number }) => `${label(p.name)} ${f.number(p.value)}` },
        },
      ],
    };
  }, [family, moves, firstScored, removed, f, labels]);
  return <EChart option={option} height={300} ariaLabel={props.ariaLabel} testId="tier-sankey-chart" />;
}
