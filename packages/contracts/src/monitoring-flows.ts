import { z } from 'zod';
import { RegionCode } from './common.js';
import { PRIORITY_GROUP_LIST } from './labels.js';

// 就业流向: from registration to first application, hire, completion and pay, per town and per
// priority group, from rollups rebuilt with the supply/demand ones; outgoing migrant workers from
// the village collection.

export const FlowsQuery = z.object({
  /** One priority group (重点群体); every registered worker by default. */
  group: z.enum(PRIORITY_GROUP_LIST, { error: '重点群体类别不正确' }).optional(),
  town: RegionCode.optional(),
});
export type FlowsQuery = z.infer<typeof FlowsQuery>;

/** One funnel: workers ever at each step, repeat employment and the median days to the first hire. */
export const FlowFunnel = z.object({
  key: z.string(),
  label: z.string(),
  registered: z.number().int(),
  applied: z.number().int(),
  hired: z.number().int(),
  completed: z.number().int(),
  paid: z.number().int(),
  /** Workers with two or more completed jobs. */
  repeat: z.number().int(),
  medianDaysToFirstHire: z.number().nullable(),
});
export type FlowFunnel = z.infer<typeof FlowFunnel>;

export const FlowsView = z.object({
  refreshedAt: z.string().nullable(),
  total: FlowFunnel,
  towns: z.array(FlowFunnel),
  groups: z.array(FlowFunnel),
  migrants: z.object({
    total: z.number().int(),
    towns: z.array(z.object({ townCode: z.string(), townName: z.string(), migrants: z.number().int() })),
    destinations: z.array(z.object({ destination: z.string(), migrants: z.number().int() })),
  }),
});
export type FlowsView = z.infer<typeof FlowsView>;
