import { z } from 'zod';

/** A `{{key}}` slot of the work agreement template, with a sample value for previews. */
export const AgreementTemplateField = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  sample: z.string(),
});
export type AgreementTemplateField = z.infer<typeof AgreementTemplateField>;

/** One stored version (newest first in lists); `current` marks the one new agreements use. */
export const AgreementTemplateSummary = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  current: z.boolean(),
  agreementCount: z.number().int(),
  createdAt: z.string(),
});
export type AgreementTemplateSummary = z.infer<typeof AgreementTemplateSummary>;

export const AgreementTemplateList = z.object({
  fields: z.array(AgreementTemplateField),
  items: z.array(AgreementTemplateSummary),
});
export type AgreementTemplateList = z.infer<typeof AgreementTemplateList>;

export const AgreementTemplateDetail = AgreementTemplateSummary.extend({ body: z.string() });
export type AgreementTemplateDetail = z.infer<typeof AgreementTemplateDetail>;

export const AgreementTemplateIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });

/** A new version: title and body with `{{key}}` slots (checked against the known fields). */
export const CreateAgreementTemplateBody = z.object({
  title: z
    .string({ error: '请填写协议标题' })
    .trim()
    .min(2, { error: '协议标题至少2个字' })
    .max(40, { error: '协议标题最多40个字' }),
  body: z
    .string({ error: '请填写协议正文' })
    .trim()
    .min(50, { error: '协议正文至少50个字' })
    .max(20000, { error: '协议正文最多20000个字' }),
});
export type CreateAgreementTemplateBody = z.infer<typeof CreateAgreementTemplateBody>;

/** Preview: the body filled with sample data. */
export const AgreementTemplatePreview = z.object({ title: z.string(), text: z.string() });
export type AgreementTemplatePreview = z.infer<typeof AgreementTemplatePreview>;
