import type { ModerationFinding } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  RULE_CATEGORIES,
  currentMatcher,
  findAgeReasons,
  judge,
  type WordMatcher,
} from '../../platform/moderation/index.js';
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

/** Where the reason for an age limit is written when it is not in the limit's own field. */
function reasonOutside(texts: CheckedTexts, field: CheckedField, ageReason: string): ModerationFinding['reason'] {
  if (ageReason) return { field: 'ageReason', start: 0, end: ageReason.length, excerpt: ageReason };
  for (const other of CHECKED_FIELDS) {
    if (other === field) continue;
    const [span] = findAgeReasons(texts[other]);
    if (span) return { field: other, ...span };
  }
  return undefined;
}

/**
 * Run the platform moderation on each checked field: sensitive words (block / review / mask) and
 * phrase rules (discrimination by gender, ethnicity, region, marital or health status, disability;
 * age limits; contact details). Returns the verdict, EVERY finding by field with its span in the
 * original text, and the texts with mask words and contact details masked.
 */
export async function checkJobTexts(
  db: DbOrTx,
  texts: CheckedTexts,
  ageReason: string,
): Promise<StoredModeration & { masked: CheckedTexts }> {
  return checkJobTextsWith(await currentMatcher(db), texts, ageReason);
}

/** checkJobTexts with a given dictionary (the labelled-set test and bench use the seed words). */
export function checkJobTextsWith(
  matcher: WordMatcher,
  texts: CheckedTexts,
  ageReason: string,
): StoredModeration & { masked: CheckedTexts } {
  const findings: ModerationFinding[] = [];
  const masked = { ...texts };
  let verdict: StoredModeration['verdict'] = 'pass';
  const reasonElsewhere = (field: CheckedField) => reasonOutside(texts, field, ageReason);
  for (const field of CHECKED_FIELDS) {
    const text = texts[field];
    if (!text) continue;
    const elsewhere = reasonElsewhere(field);
    const result = judge(matcher, text, { ageReason: ageReason || undefined, reasonElsewhere: !!elsewhere });
    // A dictionary word inside a rule finding (乙肝勿扰, 微信号) would only repeat it.
    const covered = (h: { start: number; end: number; category: string }) =>
      (h.category === 'discrimination' || h.category === 'contact_bypass') &&
      result.findings.some((f) => f.start < h.end && h.start < f.end);
    const own: ModerationFinding[] = [];
    for (const h of result.hits.filter((x) => !covered(x)))
      own.push({
        field,
        kind: 'word',
        code: h.word,
        excerpt: text.slice(h.start, h.end),
        start: h.start,
        end: h.end,
        action: h.action,
        message: wordMessage(field, h.word, h.category, h.action),
      });
    for (const f of result.findings) {
      const reason = f.reason
        ? { field, ...f.reason }
        : f.rule === 'age' && f.action === 'review'
          ? elsewhere
          : undefined;
      own.push({
        field,
        kind: 'rule',
        code: f.rule,
        excerpt: f.excerpt,
        start: f.start,
        end: f.end,
        action: f.action,
        message: `${FIELD_LABELS[field]}「${f.excerpt}」${f.message}（${RULE_CATEGORIES[f.rule].label}）`,
        basis: f.basis,
        ...(reason ? { reason } : {}),
      });
    }
    findings.push(...own.sort((a, b) => (a.start ?? 0) - (b.start ?? 0)));
    masked[field] = result.masked;
    if (result.verdict === 'block') verdict = 'block';
    else if (result.verdict === 'review' && verdict === 'pass') verdict = 'review';
  }
  return { verdict, findings, masked };
}

/**
 * Throws CONTENT_BLOCKED listing EVERY finding of every field (blocking ones first), each with its
 * rule or word, action, span and legal basis, so the employer fixes everything in one go.
 */
export function assertNotBlocked(check: StoredModeration): void {
  if (check.verdict !== 'block') return;
  const order = { block: 0, review: 1, mask: 2 } as const;
  const details = [...check.findings]
    .sort((a, b) => order[a.action] - order[b.action])
    .map((f) => ({
      field: f.field,
      message: f.message,
      code: f.code,
      action: f.action,
      excerpt: f.excerpt,
      ...(f.start === undefined ? {} : { start: f.start, end: f.end }),
      ...(f.basis ? { basis: f.basis } : {}),
    }));
  throw new AppError('CONTENT_BLOCKED', { details });
}
