import towns from '@shared/geo/luzhai-towns.json';
import { registerMap } from './echarts';

/** The schematic map of Luzhai's nine towns (see its `source`), registered once for ECharts. */
export const TOWN_MAP = 'luzhai-towns';
export const TOWN_MAP_NOTICE: string = towns.notice;

let registered = false;
export function registerTownMap(): void {
  if (registered) return;
  // The GeoJSON is a FeatureCollection of polygons named by town (properties.name).
  registerMap(TOWN_MAP, towns as unknown as Parameters<typeof registerMap>[1]);
  registered = true;
}
