import { describe, expect, it } from 'vitest';
import { checkJobTextsWith } from '../src/modules/jobs/job-checks.js';
import { WordMatcher } from '../src/platform/moderation/index.js';
import { SEED_SENSITIVE_WORDS } from '../src/platform/moderation/seed-words.js';
import { loadLabelled, score, type LabelledPosting } from './support/moderation-eval.js';

// The labelled set (bench/data/moderation-postings.json) against the job checks as they run on a
// posting, with the starter dictionary. Thresholds: precision >= 0.95, recall >= 0.93, every
// expected rule reported >= 0.9 of the time, and no clean posting ever refused.
const matcher = new WordMatcher(SEED_SENSITIVE_WORDS);
const judgePosting = (p: LabelledPosting) => {
  const r = checkJobTextsWith(
    matcher,
    { title: p.title, workHours: '', requirements: p.requirements, description: p.description },
    p.ageReason,
  );
  return { verdict: r.verdict, rules: r.findings.filter((f) => f.kind === 'rule').map((f) => f.code) };
};
const items = loadLabelled();

describe('labelled postings (issue 14)', () => {
  it('holds at least 100 postings, clean and problem ones', () => {
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(items.filter((p) => p.expect === 'pass').length).toBeGreaterThanOrEqual(40);
    expect(items.filter((p) => p.expect !== 'pass').length).toBeGreaterThanOrEqual(40);
  });

  it.each(items.filter((p) => p.expect === 'pass').map((p) => [p.id, p] as const))(
    'clean posting %s is never refused',
    (_id, p) => {
      expect(judgePosting(p).verdict).not.toBe('block');
    },
  );

  it('reaches the stated precision and recall', () => {
    const s = score(items, judgePosting);
    expect(s.cleanBlocked.map((p) => p.id)).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.93);
    expect(s.ruleRecall).toBeGreaterThanOrEqual(0.9);
  });
});
