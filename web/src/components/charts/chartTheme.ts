/** Colours and axis styles the console's charts share, so they look like one family. */
export const CHART = {
  primary: '#2f54eb',
  bar: '#597ef7',
  accent: '#f79009',
  text: '#1d2939',
  muted: '#667085',
  axisLine: '#d0d5dd',
  splitLine: '#eef0f3',
} as const;

export const categoryAxisStyle = {
  axisTick: { show: false },
  axisLine: { lineStyle: { color: CHART.axisLine } },
  axisLabel: { color: CHART.muted, hideOverlap: true },
  nameTextStyle: { color: CHART.muted },
} as const;

export const valueAxisStyle = {
  splitLine: { lineStyle: { color: CHART.splitLine } },
  axisLabel: { color: CHART.muted },
  nameTextStyle: { color: CHART.muted },
} as const;

/** Escapes text for ECharts tooltips, which are HTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
