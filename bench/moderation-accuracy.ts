// Accuracy of the automatic posting checks on the labelled set (bench/data/moderation-postings.json,
// issue 14): the rules before issue 14 and the current ones, run in the same process with the same
// starter dictionary. Positive = the posting must not publish at once (refuse or review).
//   npx tsx bench/moderation-accuracy.ts [--list]
import { checkJobTextsWith } from '../apps/server/src/modules/jobs/job-checks.js';
import { WordMatcher } from '../apps/server/src/platform/moderation/matcher.js';
import { SEED_SENSITIVE_WORDS } from '../apps/server/src/platform/moderation/seed-words.js';
import { loadLabelled, score, type LabelledPosting, type Scores } from '../apps/server/test/support/moderation-eval.js';
import { checkDiscrimination as checkV1 } from './lib/moderation-rules-v1.js';

const matcher = new WordMatcher(SEED_SENSITIVE_WORDS);
const items = loadLabelled();

/** Before: the old phrase rules on raw text, first-generation judge (any rule finding blocks). */
function before(p: LabelledPosting) {
  let verdict: 'pass' | 'review' | 'block' = 'pass';
  const rules: string[] = [];
  for (const text of [p.title, p.requirements, p.description]) {
    const hits = matcher.scan(text);
    const findings = checkV1(text, { ageReason: p.ageReason || undefined });
    rules.push(...findings.map((f) => f.rule));
    if (hits.some((h) => h.action === 'block') || findings.length > 0) verdict = 'block';
    else if (hits.some((h) => h.action === 'review') && verdict === 'pass') verdict = 'review';
  }
  return { verdict, rules };
}

function after(p: LabelledPosting) {
  const r = checkJobTextsWith(
    matcher,
    { title: p.title, workHours: '', requirements: p.requirements, description: p.description },
    p.ageReason,
  );
  return { verdict: r.verdict, rules: r.findings.filter((f) => f.kind === 'rule').map((f) => f.code) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ids = (l: LabelledPosting[]) => (l.length ? l.map((p) => p.id).join(' ') : '—');
function show(name: string, s: Scores) {
  console.log(
    `${name.padEnd(7)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  exact verdict ${pct(s.exact)}  rules found ${pct(s.ruleRecall)}  clean refused ${s.cleanBlocked.length}  clean to review ${s.cleanReviewed.length}  published but should not ${s.missed.length}`,
  );
  if (process.argv.includes('--list'))
    console.log(
      `        clean refused: ${ids(s.cleanBlocked)}\n        clean to review: ${ids(s.cleanReviewed)}\n        missed: ${ids(s.missed)}\n        should refuse, did not: ${ids(s.blockMissed)}`,
    );
}

const counts = { pass: 0, review: 0, block: 0 };
for (const p of items) counts[p.expect]++;
console.log(`labelled postings: ${items.length} (pass ${counts.pass}, review ${counts.review}, block ${counts.block})`);
const b = score(items, before);
const a = score(items, after);
show('before', b);
show('after', a);
console.log(
  `recall ${(a.recall / b.recall).toFixed(2)}x, precision ${(a.precision / b.precision).toFixed(2)}x the rules before issue 14`,
);
