import { use, init, registerMap, type ComposeOption } from 'echarts/core';
import {
  BarChart,
  MapChart,
  PieChart,
  type BarSeriesOption,
  type MapSeriesOption,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  PieChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** The chart options the big screen uses (tree-shaken ECharts build). */
export type ScreenChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init, registerMap };
