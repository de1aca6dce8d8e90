/**
 * ECharts, imported per chart type (bar, pie) and only when a chart first renders (this module is loaded with a
 * dynamic import), so the initial page stays small.
 */
import { BarChart, PieChart } from "echarts/charts"
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { SVGRenderer } from "echarts/renderers"

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export { echarts }
