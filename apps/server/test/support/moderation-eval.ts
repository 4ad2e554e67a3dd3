import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The labelled posting set of issue 14 (bench/data/moderation-postings.json) and its scoring,
 * shared by the test that guards it and bench/moderation-accuracy.ts.
 */
export type Verdict = 'pass' | 'review' | 'block';
export type LabelledPosting = {
  id: string;
  expect: Verdict;
  rules: string[];
  title: string;
  requirements: string;
  description: string;
  ageReason: string;
  note?: string;
};
export type Judged = { verdict: Verdict; rules: string[] };

export function loadLabelled(): LabelledPosting[] {
  const file = fileURLToPath(new URL('../../../../bench/data/moderation-postings.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { postings: LabelledPosting[] }).postings;
}

export type Scores = {
  total: number;
  /** Positive = anything but pass (the posting must be refused or seen by a person). */
  precision: number;
  recall: number;
  /** Verdict exactly as labelled. */
  exact: number;
  /** Expected rule codes reported, over all expected rule codes. */
  ruleRecall: number;
  /** Clean postings that were refused: must be none. */
  cleanBlocked: LabelledPosting[];
  /** Clean postings sent to review (cost a reviewer's time). */
  cleanReviewed: LabelledPosting[];
  /** Problem postings published at once. */
  missed: LabelledPosting[];
  /** Postings that should be refused but were not. */
  blockMissed: LabelledPosting[];
};

export function score(items: LabelledPosting[], judge: (p: LabelledPosting) => Judged): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  let rulesWanted = 0;
  let rulesFound = 0;
  const s: Omit<Scores, 'total' | 'precision' | 'recall' | 'exact' | 'ruleRecall'> = {
    cleanBlocked: [],
    cleanReviewed: [],
    missed: [],
    blockMissed: [],
  };
  for (const p of items) {
    const got = judge(p);
    const want = p.expect !== 'pass';
    const flagged = got.verdict !== 'pass';
    if (want && flagged) tp++;
    else if (!want && flagged) fp++;
    else if (want && !flagged) fn++;
    if (got.verdict === p.expect) exact++;
    if (p.expect === 'pass' && got.verdict === 'block') s.cleanBlocked.push(p);
    if (p.expect === 'pass' && got.verdict === 'review') s.cleanReviewed.push(p);
    if (want && !flagged) s.missed.push(p);
    if (p.expect === 'block' && got.verdict !== 'block') s.blockMissed.push(p);
    rulesWanted += p.rules.length;
    rulesFound += p.rules.filter((r) => got.rules.includes(r)).length;
  }
  return {
    total: items.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    exact: exact / items.length,
    ruleRecall: rulesWanted === 0 ? 1 : rulesFound / rulesWanted,
    ...s,
  };
}
