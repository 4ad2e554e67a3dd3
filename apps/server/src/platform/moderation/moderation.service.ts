import { and, asc, count, eq, ilike, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import { requirePermission, type StaffActor } from '../rbac/actor.js';
import { checkDiscrimination, type DiscriminationFinding, type RuleOptions } from './discrimination.js';
import { WordMatcher, maskHits, type WordHit } from './matcher.js';
import { sensitiveWords, type WORD_ACTIONS, type WORD_CATEGORIES } from './moderation.schema.js';
import { normalizeWord } from './normalize.js';
import { SEED_SENSITIVE_WORDS } from './seed-words.js';
import { paged } from '../reporting/paging.js';

export type WordRow = typeof sensitiveWords.$inferSelect;
export type WordInput = {
  word: string;
  category: (typeof WORD_CATEGORIES)[number];
  action: (typeof WORD_ACTIONS)[number];
  note?: string;
};
export type ModerationResult = {
  verdict: 'pass' | 'review' | 'block';
  hits: WordHit[];
  findings: DiscriminationFinding[];
  masked: string;
};

type Cached = { version: string; matcher: WordMatcher };
const cache = new WeakMap<object, Cached>();

/**
 * The matcher for the current dictionary. Each call checks a cheap version (row count + newest
 * update) so edits by any process apply at once, without a restart.
 */
export async function currentMatcher(db: DbOrTx): Promise<WordMatcher> {
  const [v] = await db.select({ n: count(), at: max(sensitiveWords.updatedAt) }).from(sensitiveWords);
  const version = `${v?.n ?? 0}:${v?.at ? new Date(v.at).getTime() : 0}`;
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.matcher;
  const rows = await db
    .select({ word: sensitiveWords.word, category: sensitiveWords.category, action: sensitiveWords.action })
    .from(sensitiveWords)
    .where(isNull(sensitiveWords.disabledAt));
  const matcher = new WordMatcher(rows);
  cache.set(db, { version, matcher });
  return matcher;
}

/**
 * Judge a text: a block word or a blocking rule finding blocks; review words and review findings
 * (an age limit with a reason, contact details, 无传染病) send it to review; mask words and
 * contact details are masked in the text that is stored.
 */
export function judge(matcher: WordMatcher, text: string, opts: RuleOptions = {}): ModerationResult {
  const hits = matcher.scan(text);
  const findings = checkDiscrimination(text, opts);
  const actions = [...hits.map((h) => h.action), ...findings.map((f) => f.action)];
  const verdict = actions.includes('block') ? 'block' : actions.includes('review') ? 'review' : 'pass';
  const masks = [
    ...hits.filter((h) => h.action === 'mask'),
    ...findings
      .filter((f) => f.rule === 'contact')
      .map((f) => ({
        word: f.excerpt,
        category: 'contact_bypass',
        action: 'mask' as const,
        start: f.start,
        end: f.end,
      })),
  ];
  return { verdict, hits, findings, masked: maskHits(text, masks) };
}

export async function moderateText(db: DbOrTx, text: string, opts: RuleOptions = {}): Promise<ModerationResult> {
  return judge(await currentMatcher(db), text, opts);
}

export async function listWords(
  db: DbOrTx,
  actor: StaffActor,
  q: { category?: string; action?: string; q?: string; includeDisabled?: boolean; page: number; pageSize: number },
) {
  requirePermission(actor, 'moderation.read');
  const conds: SQL[] = [];
  if (q.category) conds.push(sql`${sensitiveWords.category} = ${q.category}`);
  if (q.action) conds.push(sql`${sensitiveWords.action} = ${q.action}`);
  if (q.q) conds.push(ilike(sensitiveWords.word, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (!q.includeDisabled) conds.push(isNull(sensitiveWords.disabledAt));
  const where = conds.length ? and(...conds) : undefined;
  return paged(q, async (slice) => {
    const items = await db
      .select()
      .from(sensitiveWords)
      .where(where)
      .orderBy(asc(sensitiveWords.category), asc(sensitiveWords.word))
      .limit(slice.limit)
      .offset(slice.offset);
    const [total] = await db.select({ n: count() }).from(sensitiveWords).where(where);
    return { items, total: total?.n ?? 0 };
  });
}

/** Add words in bulk (existing words take the new category/action and are re-enabled); one transaction. */
export async function addWords(
  db: Db,
  actor: StaffActor,
  words: WordInput[],
  meta: { ip?: string; requestId?: string } = {},
) {
  requirePermission(actor, 'moderation.write');
  const seen = new Set<string>();
  const rows = words
    .map((w) => ({ ...w, word: w.word.trim() }))
    .filter((w) => {
      const key = normalizeWord(w.word);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (rows.length === 0) throw AppError.field('words', '没有有效的敏感词（只含符号或空白的词无法匹配）');
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(sensitiveWords)
        .values(
          rows.slice(i, i + 500).map((w) => ({
            word: w.word,
            category: w.category,
            action: w.action,
            note: w.note ?? '',
            createdByStaffId: actor.id,
          })),
        )
        .onConflictDoUpdate({
          target: sensitiveWords.word,
          set: {
            category: sql`excluded.category`,
            action: sql`excluded.action`,
            note: sql`excluded.note`,
            disabledAt: null,
            updatedAt: sql`now()`,
          },
        });
    }
    await writeAudit(tx, {
      actor,
      action: 'add_words',
      entity: 'sensitive_word',
      details: { count: rows.length, sample: rows.slice(0, 20).map((r) => r.word) },
      ...meta,
    });
  });
  return { added: rows.length };
}

export async function updateWord(
  db: Db,
  actor: StaffActor,
  id: string,
  patch: Partial<WordInput> & { enabled?: boolean },
  meta: { ip?: string; requestId?: string } = {},
) {
  requirePermission(actor, 'moderation.write');
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(sensitiveWords).where(eq(sensitiveWords.id, id));
    if (!old) throw new AppError('NOT_FOUND');
    const { enabled, ...fields } = patch;
    const [row] = await tx
      .update(sensitiveWords)
      .set({
        ...fields,
        ...(enabled === undefined ? {} : { disabledAt: enabled ? null : new Date() }),
        updatedAt: new Date(),
      })
      .where(eq(sensitiveWords.id, id))
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'sensitive_word',
      entityId: id,
      details: {
        old: { word: old.word, category: old.category, action: old.action, enabled: !old.disabledAt },
        new: patch,
      },
      ...meta,
    });
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  });
}

/** Seed the starter dictionary once (when the table is empty). */
export async function seedSensitiveWords(db: DbOrTx): Promise<void> {
  const [row] = await db.select({ n: count() }).from(sensitiveWords);
  if ((row?.n ?? 0) > 0) return;
  await db
    .insert(sensitiveWords)
    .values(
      SEED_SENSITIVE_WORDS.map((w) => ({
        word: w.word,
        category: w.category as WordInput['category'],
        action: w.action,
      })),
    )
    .onConflictDoNothing();
}
