/**
 * Demo gig stations (零工驿站): the county gig market hall, one station in every town and two
 * service points at industrial areas. Addresses, contacts and phone numbers are DEMO values
 * (phones follow the obviously fake 0772-68000xx pattern); coordinates sit near TOWN_CENTRES.
 */
import { TOWN_CENTRES } from './regions.js';

export const STATION_SERVICES = [
  '求职登记',
  '岗位发布',
  '职业指导',
  '培训报名',
  '政策咨询',
  '权益维护',
  '零工对接',
] as const;
export type StationService = (typeof STATION_SERVICES)[number];

export interface SeedStation {
  name: string;
  townCode: string;
  address: string;
  lng: number;
  lat: number;
  openingHours: string;
  contactName: string;
  contactPhone: string;
  services: StationService[];
}

const ALL_SERVICES: StationService[] = [...STATION_SERVICES];
const TOWN_SERVICES: StationService[] = ['求职登记', '岗位发布', '职业指导', '政策咨询', '零工对接'];
const PARK_SERVICES: StationService[] = ['求职登记', '岗位发布', '零工对接', '培训报名', '政策咨询'];
const WEEKDAYS = '周一至周五 9:00-18:00';

/** Offset a town centre by a few hundred metres so stations do not sit exactly on the centre. */
function near(townCode: string, dLng: number, dLat: number): { lng: number; lat: number } {
  const centre = TOWN_CENTRES[townCode];
  if (!centre) throw new Error(`no centre for town ${townCode}`);
  return { lng: Number((centre.lng + dLng).toFixed(6)), lat: Number((centre.lat + dLat).toFixed(6)) };
}

export const SEED_STATIONS: SeedStation[] = [
  {
    name: '鹿寨县综合零工市场',
    townCode: '450223100000',
    address: '鹿寨县鹿寨镇城南路88号（县人力资源服务中心一楼）',
    ...near('450223100000', 0.0015, 0.0012),
    openingHours: '周一至周六 9:00-18:00',
    contactName: '韦丽萍',
    contactPhone: '0772-6800001',
    services: ALL_SERVICES,
  },
  {
    name: '鹿寨经济开发区零工驿站',
    townCode: '450223100000',
    address: '鹿寨县鹿寨镇鹿寨经济开发区管委会服务大厅旁',
    ...near('450223100000', -0.026, -0.021),
    openingHours: '周一至周六 8:30-17:30',
    contactName: '覃志强',
    contactPhone: '0772-6800002',
    services: PARK_SERVICES,
  },
  {
    name: '中渡镇零工驿站',
    townCode: '450223101000',
    address: '鹿寨县中渡镇人民政府便民服务中心一楼',
    ...near('450223101000', 0.0012, -0.0008),
    openingHours: WEEKDAYS,
    contactName: '黄秀梅',
    contactPhone: '0772-6800003',
    services: [...TOWN_SERVICES, '培训报名'],
  },
  {
    name: '寨沙镇零工驿站',
    townCode: '450223102000',
    address: '鹿寨县寨沙镇人民政府便民服务中心一楼',
    ...near('450223102000', -0.001, 0.0011),
    openingHours: WEEKDAYS,
    contactName: '莫建华',
    contactPhone: '0772-6800004',
    services: [...TOWN_SERVICES, '权益维护'],
  },
  {
    name: '寨沙镇工业集中区零工服务点',
    townCode: '450223102000',
    address: '鹿寨县寨沙镇工业集中区综合服务楼一楼',
    ...near('450223102000', 0.012, -0.007),
    openingHours: '周一至周六 8:30-17:30',
    contactName: '梁文军',
    contactPhone: '0772-6800005',
    services: PARK_SERVICES,
  },
  {
    name: '平山镇零工驿站',
    townCode: '450223103000',
    address: '鹿寨县平山镇人民政府便民服务中心一楼',
    ...near('450223103000', 0.0009, 0.0006),
    openingHours: WEEKDAYS,
    contactName: '蓝春燕',
    contactPhone: '0772-6800006',
    services: TOWN_SERVICES,
  },
  {
    name: '黄冕镇零工驿站',
    townCode: '450223104000',
    address: '鹿寨县黄冕镇人民政府便民服务中心一楼',
    ...near('450223104000', -0.0011, -0.0007),
    openingHours: WEEKDAYS,
    contactName: '罗海燕',
    contactPhone: '0772-6800007',
    services: [...TOWN_SERVICES, '培训报名'],
  },
  {
    name: '四排镇零工驿站',
    townCode: '450223105000',
    address: '鹿寨县四排镇人民政府便民服务中心一楼',
    ...near('450223105000', 0.0007, 0.0013),
    openingHours: WEEKDAYS,
    contactName: '潘永明',
    contactPhone: '0772-6800008',
    services: TOWN_SERVICES,
  },
  {
    name: '江口乡零工驿站',
    townCode: '450223200000',
    address: '鹿寨县江口乡人民政府便民服务中心一楼',
    ...near('450223200000', -0.0008, 0.0009),
    openingHours: WEEKDAYS,
    contactName: '廖桂芳',
    contactPhone: '0772-6800009',
    services: TOWN_SERVICES,
  },
  {
    name: '导江乡零工驿站',
    townCode: '450223201000',
    address: '鹿寨县导江乡人民政府便民服务中心一楼',
    ...near('450223201000', 0.001, -0.0012),
    openingHours: WEEKDAYS,
    contactName: '蒙德才',
    contactPhone: '0772-6800010',
    services: TOWN_SERVICES,
  },
  {
    name: '拉沟乡零工驿站',
    townCode: '450223202000',
    address: '鹿寨县拉沟乡人民政府便民服务中心一楼',
    ...near('450223202000', -0.0006, 0.0008),
    openingHours: WEEKDAYS,
    contactName: '赵月英',
    contactPhone: '0772-6800011',
    services: [...TOWN_SERVICES, '权益维护'],
  },
];
