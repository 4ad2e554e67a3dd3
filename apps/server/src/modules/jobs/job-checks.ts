import type { ModerationFinding } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { moderateText } from '../../platform/moderation/index.js';
import type { StoredModeration } from './jobs.schema.js';

/** The free-text fields of a posting that the automatic checks read. */
export const CHECKED_FIELDS = ['title', 'workHours', 'requirements', 'description'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];
export type CheckedTexts = Record<CheckedField, string>;

const FIELD_LABELS: Record<CheckedField, string> = {
  title: '岗位名称',
  workHours: '工作时间',
  requirements: '岗位要求',
  description: '工作内容',
};
const CATEGORY_LABELS: Record<string, string> = {
  illegal: '违法违规',
  fraud: '涉嫌诈骗',
  discrimination: '就业歧视',
  vulgar: '低俗',
  contact_bypass: '站外联系',
  political: '敏感信息',
  other: '其他',
};

function wordMessage(field: CheckedField, word: string, category: string, action: 'block' | 'review' | 'mask'): string {
  const where = FIELD_LABELS[field];
  const cat = CATEGORY_LABELS[category] ?? category;
  if (action === 'block') return `${where}含有禁用词「${word}」（${cat}），请删除`;
  if (action === 'review') return `${where}含有需人工审核的词「${word}」（${cat}）`;
  return `${where}中的「${word}」已自动屏蔽（${cat}）`;
}

/**
 * Run the platform moderation on each checked field: sensitive words (block / review / mask) and
 * discrimination rules (gender, ethnicity, region, marital; age without a reason). Returns the
 * verdict, every finding named by field, word or rule, and the texts with mask words masked.
 */
export async function checkJobTexts(
  db: DbOrTx,
  texts: CheckedTexts,
  ageReason: string,
): Promise<StoredModeration & { masked: CheckedTexts }> {
  const findings: ModerationFinding[] = [];
  const masked = { ...texts };
  let verdict: StoredModeration['verdict'] = 'pass';
  for (const field of CHECKED_FIELDS) {
    const text = texts[field];
    if (!text) continue;
    const result = await moderateText(db, text, { ageReason: ageReason || undefined });
    for (const h of result.hits)
      findings.push({
        field,
        kind: 'word',
        code: h.word,
        excerpt: text.slice(h.start, h.end),
        action: h.action,
        message: wordMessage(field, h.word, h.category, h.action),
      });
    for (const f of result.findings)
      findings.push({
        field,
        kind: 'rule',
        code: f.rule,
        excerpt: f.excerpt,
        action: 'block',
        message: `${FIELD_LABELS[field]}「${f.excerpt}」${f.message}`,
      });
    masked[field] = result.masked;
    if (result.verdict === 'block') verdict = 'block';
    else if (result.verdict === 'review' && verdict === 'pass') verdict = 'review';
  }
  return { verdict, findings, masked };
}

/** Throws CONTENT_BLOCKED listing each blocking finding (field + Chinese message naming word or rule). */
export function assertNotBlocked(check: StoredModeration): void {
  if (check.verdict !== 'block') return;
  const details = check.findings
    .filter((f) => f.action === 'block')
    .map((f) => ({ field: f.field, message: f.message }));
  throw new AppError('CONTENT_BLOCKED', { details });
}
