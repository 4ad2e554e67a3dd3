import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';

export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'village'] as const;
export const RegionLevel = z.enum(REGION_LEVELS, { error: '区划级别应为 province/city/county/town/village' });
export type RegionLevel = z.infer<typeof RegionLevel>;

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
  placeholder: z.boolean(),
});
export type Region = z.infer<typeof Region>;
export const RegionListQuery = z.object({ parent: RegionCode.optional() });
export const RegionList = z.object({ items: z.array(Region) });

export const Occupation = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  nationalCode: z.string().nullable(),
  category: z.boolean(),
  sort: z.number().int(),
});
export type Occupation = z.infer<typeof Occupation>;
export const OccupationList = z.object({ items: z.array(Occupation) });

export const Station = z.object({
  id: z.string(),
  name: z.string(),
  townCode: z.string(),
  townName: z.string(),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  openingHours: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  services: z.array(z.string()),
});
export type Station = z.infer<typeof Station>;
export const StationListQuery = PageQuery.extend({ town: RegionCode.optional() });
export const StationPage = pageOf(Station);

export const CreateStationBody = z.object({
  name: z
    .string({ error: '请填写驿站名称' })
    .trim()
    .min(2, { error: '驿站名称至少2个字' })
    .max(60, { error: '驿站名称最多60个字' }),
  townCode: RegionCode,
  address: z
    .string({ error: '请填写地址' })
    .trim()
    .min(2, { error: '地址至少2个字' })
    .max(200, { error: '地址最多200个字' }),
  lng: z
    .number({ error: '经度应为数字' })
    .min(73, { error: '经度超出中国范围' })
    .max(136, { error: '经度超出中国范围' })
    .nullable()
    .default(null),
  lat: z
    .number({ error: '纬度应为数字' })
    .min(3, { error: '纬度超出中国范围' })
    .max(54, { error: '纬度超出中国范围' })
    .nullable()
    .default(null),
  openingHours: z.string().trim().max(100, { error: '开放时间最多100个字' }).default('周一至周五 9:00-18:00'),
  contactName: z.string().trim().max(30, { error: '联系人最多30个字' }).default(''),
  contactPhone: z.string().trim().max(20, { error: '联系电话最多20个字符' }).default(''),
  services: z
    .array(z.string().trim().min(1).max(30, { error: '服务项目每项最多30个字' }))
    .max(20, { error: '服务项目最多20项' })
    .default([]),
});
export type CreateStationBody = z.infer<typeof CreateStationBody>;
