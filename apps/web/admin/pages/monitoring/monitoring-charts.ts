import type { SupplyDemandCell, SupplyDemandTotal, SupplyDemandView } from '@lingong/contracts';
import towns from '@shared/geo/luzhai-towns.json';
import { registerMap, type ConsoleChartOption } from '../../echarts';

// Chart options of 供需监测: the 工种 × town heat table, the weekly trend and the town map.

export const TOWN_MAP = 'luzhai-towns';
export const TOWN_MAP_NOTICE: string = towns.notice;
let registered = false;
export function registerTownMap(): void {
  if (registered) return;
  registerMap(TOWN_MAP, towns as unknown as Parameters<typeof registerMap>[1]);
  registered = true;
}

const SHORT = '#f56c6c';
const SPARE = '#409eff';
const gapColours = [SPARE, '#f4f4f5', SHORT];

/** The most 工种 rows the heat table shows (by demand); the export has them all. */
const HEAT_ROWS = 15;

export type HeatPoint = { value: [number, number, number]; cell: SupplyDemandCell };

export function heatOption(view: SupplyDemandView): ConsoleChartOption {
  const townList = view.byTown.map((t) => t.name);
  const occupations = view.byOccupation.slice(0, HEAT_ROWS).map((o) => o.name);
  const data: HeatPoint[] = view.cells
    .filter((c) => occupations.includes(c.occupationName))
    .map((c) => ({ value: [townList.indexOf(c.townName), occupations.indexOf(c.occupationName), c.gap], cell: c }));
  const extent = Math.max(5, ...data.map((d) => Math.abs(d.value[2])));
  return {
    tooltip: {
      formatter: (p) => {
        const point = (p as unknown as { data: HeatPoint }).data;
        const c = point.cell;
        return `${c.townName} · ${c.occupationName}<br/>空缺 ${c.demand} 人，可用求职 ${c.supply} 人<br/>缺口 ${c.gap} 人${c.ratio === null ? '' : `，求人倍率 ${c.ratio}`}`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: townList, splitArea: { show: true } },
    yAxis: { type: 'category', data: occupations, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: -extent,
      max: extent,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['缺工', '富余'],
      inRange: { color: gapColours },
    },
    series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => String((p.value as number[])[2]) } }],
  };
}

export function trendOption(view: SupplyDemandView): ConsoleChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['岗位空缺', '可用求职', '缺口'] },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: view.trend.map((t) => t.week.slice(5)) },
    yAxis: { type: 'value', name: '人' },
    series: [
      { name: '岗位空缺', type: 'line', data: view.trend.map((t) => t.demand), itemStyle: { color: SHORT } },
      { name: '可用求职', type: 'line', data: view.trend.map((t) => t.supply), itemStyle: { color: SPARE } },
      { name: '缺口', type: 'bar', data: view.trend.map((t) => t.demand - t.supply), itemStyle: { color: '#e6a23c' } },
    ],
  };
}

export function mapOption(byTown: SupplyDemandTotal[]): ConsoleChartOption {
  const extent = Math.max(5, ...byTown.map((t) => Math.abs(t.gap)));
  return {
    tooltip: {
      formatter: (p) => {
        const name = Array.isArray(p) ? '' : p.name;
        const t = byTown.find((x) => x.name === name);
        return t ? `${t.name}<br/>空缺 ${t.demand}，可用 ${t.supply}，缺口 ${t.gap}` : name;
      },
    },
    visualMap: {
      min: -extent,
      max: extent,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['缺工', '富余'],
      inRange: { color: gapColours },
    },
    series: [
      {
        type: 'map',
        map: TOWN_MAP,
        top: 8,
        bottom: 48,
        selectedMode: false,
        label: { show: true, formatter: (p) => `${p.name}\n${byTown.find((t) => t.name === p.name)?.gap ?? 0}` },
        data: byTown.map((t) => ({ name: t.name, value: t.gap, code: t.code })),
      },
    ],
  };
}
