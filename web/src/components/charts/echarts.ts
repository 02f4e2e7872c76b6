/**
 * The tree-shaken ECharts build every chart shares: bar chart, grid, tooltip, canvas renderer. Charts needing more
 * (line, heatmap, Sankey, radar, legend, visual map) register it in their own module with `echarts.use`, so it lands
 * in their lazily loaded chunk instead of every page's.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
