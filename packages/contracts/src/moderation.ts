import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

export { WORD_CATEGORY_LABELS, WORD_ACTION_LABELS } from './labels.js';

export const WORD_CATEGORIES = [
  'illegal',
  'fraud',
  'discrimination',
  'vulgar',
  'contact_bypass',
  'political',
  'other',
] as const;
export const WORD_ACTIONS = ['block', 'review', 'mask'] as const;
export const WordCategory = z.enum(WORD_CATEGORIES, { error: '敏感词分类不正确' });
export const WordAction = z.enum(WORD_ACTIONS, { error: '处理方式应为 拦截/转人工审核/打码' });

export const SensitiveWord = z.object({
  id: z.string(),
  word: z.string(),
  category: WordCategory,
  action: WordAction,
  note: z.string(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type SensitiveWord = z.infer<typeof SensitiveWord>;
export const SensitiveWordPage = pageOf(SensitiveWord);
export const SensitiveWordQuery = PageQuery.extend({
  category: WordCategory.optional(),
  action: WordAction.optional(),
  q: z.string().trim().max(50, { error: '搜索词最多50个字' }).optional(),
  includeDisabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const WordText = z
  .string({ error: '请填写敏感词' })
  .trim()
  .min(1, { error: '请填写敏感词' })
  .max(50, { error: '敏感词最多50个字' });
export const WordInput = z.object({
  word: WordText,
  category: WordCategory,
  action: WordAction,
  note: z.string().trim().max(200, { error: '备注最多200个字' }).default(''),
});
export const AddWordsBody = z.object({
  words: z.array(WordInput).min(1, { error: '请至少填写一个敏感词' }).max(20000, { error: '一次最多导入20000个词' }),
});
export type AddWordsBody = z.infer<typeof AddWordsBody>;
export const UpdateWordBody = z.object({
  category: WordCategory.optional(),
  action: WordAction.optional(),
  note: z.string().trim().max(200).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWordBody = z.input<typeof UpdateWordBody>;

/** The phrase rules of the automatic checks (discrimination, age limits, contact details). */
export const MODERATION_RULES = [
  'gender',
  'ethnicity',
  'region',
  'marital',
  'health',
  'disability',
  'age',
  'contact',
] as const;

export const ModerationTestBody = z.object({
  text: z.string({ error: '请填写要检测的文本' }).max(20000, { error: '文本最多20000字' }),
  ageReason: z.string().max(200).optional(),
});
export type ModerationTestBody = z.input<typeof ModerationTestBody>;
export const ModerationResult = z.object({
  verdict: z.enum(['pass', 'review', 'block']),
  hits: z.array(
    z.object({
      word: z.string(),
      category: z.string(),
      action: WordAction,
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
  findings: z.array(
    z.object({
      rule: z.enum(MODERATION_RULES),
      action: z.enum(['block', 'review']),
      excerpt: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      message: z.string(),
      basis: z.string(),
      reason: z.object({ start: z.number().int(), end: z.number().int(), excerpt: z.string() }).optional(),
    }),
  ),
  masked: z.string(),
});
export type ModerationResult = z.infer<typeof ModerationResult>;
