import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// The parts of Apache ECharts the app draws with, registered once (decision 024). Only <EChart>
// imports this module, and only dynamically in the browser: the server never loads ECharts and pages
// without a chart never download it. Add a chart type or component here when a page needs it.

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };
