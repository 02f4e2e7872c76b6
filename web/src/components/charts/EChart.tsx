/** Shared React wrapper around one ECharts instance: init on mount, setOption on change, resize with its box. */
import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts.ts';

export function EChart(props: { option: EChartsCoreOption; height?: number; ariaLabel: string; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return undefined;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(node);
    return () => {
      ro.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return (
    <div
      ref={el}
      className="echart"
      role="img"
      aria-label={props.ariaLabel}
      data-testid={props.testId}
      style={{ height: props.height ?? 280 }}
    />
  );
}
