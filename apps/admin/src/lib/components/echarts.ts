/**
 * ECharts, imported per chart type (bar, pie, funnel) and only when a chart first renders (this module is loaded with a
 * dynamic import), so the initial page stays small.
 */
import { BarChart, FunnelChart, PieChart } from "echarts/charts"
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { SVGRenderer } from "echarts/renderers"

echarts.use([
  BarChart,
  FunnelChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
])

export { echarts }
