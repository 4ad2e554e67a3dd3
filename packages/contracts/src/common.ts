import { z } from 'zod';

/** The two parties of a job, an application, a rating or a grievance. */
export const PARTY_SIDES = ['worker', 'employer'] as const;

/** 12-digit statistical division code (province 2 + city 2 + county 2 + town 3 + village 3). */
export const RegionCode = z
  .string({ error: '请填写行政区划代码' })
  .regex(/^\d{12}$/, { error: '行政区划代码应为12位数字' });

export const Page = z.coerce
  .number({ error: '页码应为数字' })
  .int({ error: '页码应为整数' })
  .min(1, { error: '页码至少为1' })
  .default(1);
export const PageSize = z.coerce
  .number({ error: '每页条数应为数字' })
  .int({ error: '每页条数应为整数' })
  .min(1, { error: '每页条数至少为1' })
  .max(200, { error: '每页条数最多200' })
  .default(20);
export const PageQuery = z.object({ page: Page, pageSize: PageSize });

/** Every list response: `{ items, total, page, pageSize }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          row: z.number().int().optional(),
          /** CONTENT_BLOCKED: every finding of the field, with its span in the submitted text. */
          code: z.string().optional(),
          action: z.enum(['block', 'review', 'mask']).optional(),
          excerpt: z.string().optional(),
          start: z.number().int().optional(),
          end: z.number().int().optional(),
          basis: z.string().optional(),
        }),
      )
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
