import type { SensitiveWord } from '@lingong/contracts';

// Labels from the contracts' zod-free entry.
export { WORD_CATEGORY_LABELS, WORD_ACTION_LABELS } from '@lingong/contracts/labels';
import { WORD_CATEGORY_LABELS, WORD_ACTION_LABELS } from '@lingong/contracts/labels';

export type WordCategory = SensitiveWord['category'];
export type WordAction = SensitiveWord['action'];
export type WordLine = { word: string; category: WordCategory; action: WordAction; note: string };

const byLabel = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => k === text || labels[k] === text);

/**
 * One word per line; a line may add a category and an action after a comma or tab, by code or
 * Chinese label ('刷单,诈骗/收费,拦截'). Blank lines and '#' comments are skipped; a word listed
 * twice is kept once. Lines with an unknown category or action are reported.
 */
export function parseWordLines(
  text: string,
  defaults: { category: WordCategory; action: WordAction },
): { words: WordLine[]; problems: string[] } {
  const words = new Map<string, WordLine>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [word = '', cat, act] = line.split(/[,，\t]/).map((p) => p.trim());
    if (!word) return;
    const category = cat ? byLabel(WORD_CATEGORY_LABELS, cat) : defaults.category;
    const action = act ? byLabel(WORD_ACTION_LABELS, act) : defaults.action;
    if (!category) problems.push(`第${i + 1}行：分类"${cat}"不正确`);
    else if (!action) problems.push(`第${i + 1}行：处理方式"${act}"不正确`);
    else if (word.length > 50) problems.push(`第${i + 1}行：敏感词最多50个字`);
    else words.set(word, { word, category, action, note: '' });
  });
  return { words: [...words.values()], problems };
}
