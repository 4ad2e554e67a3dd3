import type { RegionLevel } from '../../../platform/rbac/region-codes.js';

export interface SeedRegion {
  /** 12-digit statistical division code. */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const GUANGXI_CODE = '450000000000';
export const LIUZHOU_CODE = '450200000000';
export const LUZHAI_CODE = '450223000000';

/** The nine towns (乡镇) of 鹿寨县, in official code order. */
export const LUZHAI_TOWNS: readonly { code: string; name: string }[] = [
  { code: '450223100000', name: '鹿寨镇' },
  { code: '450223101000', name: '中渡镇' },
  { code: '450223102000', name: '寨沙镇' },
  { code: '450223103000', name: '平山镇' },
  { code: '450223104000', name: '黄冕镇' },
  { code: '450223105000', name: '四排镇' },
  { code: '450223200000', name: '江口乡' },
  { code: '450223201000', name: '导江乡' },
  { code: '450223202000', name: '拉沟乡' },
];

/**
 * Regions seeded on first start: province, city, county and the nine towns. The 113
 * administrative villages are loaded from the official division list (see division-import.ts).
 */
export const SEED_REGIONS: SeedRegion[] = [
  { code: GUANGXI_CODE, name: '广西壮族自治区', level: 'province', parentCode: null },
  { code: LIUZHOU_CODE, name: '柳州市', level: 'city', parentCode: GUANGXI_CODE },
  { code: LUZHAI_CODE, name: '鹿寨县', level: 'county', parentCode: LIUZHOU_CODE },
  ...LUZHAI_TOWNS.map((town): SeedRegion => ({
    code: town.code,
    name: town.name,
    level: 'town',
    parentCode: LUZHAI_CODE,
  })),
];

/**
 * Approximate WGS84 position of each town seat (乡镇政府驻地), keyed by town code.
 * Hand-estimated to roughly 1-3 km, inside the county's extent (24°14'-24°50'N, 109°28'-110°12'E);
 * good enough for demo points and "distance from me" ordering, NOT for navigation or maps of record.
 * Replace with surveyed coordinates when the operator provides them.
 */
export const TOWN_CENTRES: Record<string, { lng: number; lat: number }> = {
  '450223100000': { lng: 109.752, lat: 24.473 }, // 鹿寨镇 (county seat)
  '450223101000': { lng: 109.625, lat: 24.77 }, // 中渡镇 (north-west, on the 洛江)
  '450223102000': { lng: 109.93, lat: 24.52 }, // 寨沙镇 (east, on the road to 荔浦)
  '450223103000': { lng: 109.83, lat: 24.61 }, // 平山镇
  '450223104000': { lng: 109.88, lat: 24.76 }, // 黄冕镇 (north, on the Guilin expressway)
  '450223105000': { lng: 110.08, lat: 24.58 }, // 四排镇 (far east)
  '450223200000': { lng: 109.56, lat: 24.38 }, // 江口乡 (south-west, on the 柳江)
  '450223201000': { lng: 109.56, lat: 24.56 }, // 导江乡 (west, on the 柳江)
  '450223202000': { lng: 110.04, lat: 24.39 }, // 拉沟乡 (south-east hills toward 金秀)
};

/** Town name by code, for generators and labels. */
export function townName(code: string): string | undefined {
  return LUZHAI_TOWNS.find((town) => town.code === code)?.name;
}
