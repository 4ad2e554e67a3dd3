import { normalizeForRules } from './normalize.js';
import {
  AGE_PATTERNS,
  AGE_REASON,
  CONTACT_PATTERNS,
  NEUTRAL,
  PHRASE_RULES,
  RULE_CATEGORIES,
  type RuleAction,
  type RuleCode,
} from './rule-catalog.js';

/**
 * The phrase-rule engine for job postings: discrimination (gender, ethnicity, region, marital,
 * health status, disability), age limits and contact details outside the platform. Rules run on
 * normalised text, so spacing, punctuation and full-width letters inside a phrase do not hide it;
 * every finding carries its span in the ORIGINAL text (UTF-16 offsets, end exclusive).
 */
export type DiscriminationRule = RuleCode;
export type Span = { start: number; end: number; excerpt: string };
export type DiscriminationFinding = Span & {
  rule: RuleCode;
  action: RuleAction;
  message: string;
  /** The legal basis (Chinese), quoted to the employer and the reviewer. */
  basis: string;
  /** For an age limit: the reason written in the same text, highlighted for the reviewer. */
  reason?: Span;
};
export type RuleOptions = {
  /** The posting's 年龄理由 field. */
  ageReason?: string;
  /** A reason for an age limit was found in another field of the same posting. */
  reasonElsewhere?: boolean;
};

type Prepared = { text: string; origin: number[]; input: string };

function prepare(input: string): Prepared {
  const { text, origin } = normalizeForRules(input);
  let blanked = text;
  for (const n of NEUTRAL) blanked = blanked.replace(n, (m) => '_'.repeat(m.length));
  return { text: blanked, origin, input };
}

function spanOf(p: Prepared, from: number, to: number): Span {
  const start = p.origin[from] ?? 0;
  const lastAt = p.origin[to - 1] ?? start;
  const code = p.input.codePointAt(lastAt) ?? 0;
  const end = lastAt + (code > 0xffff ? 2 : 1);
  return { start, end, excerpt: p.input.slice(start, end) };
}

/** Spans of age-limit reasons (因高空作业, 安全要求 …) in a text. */
export function findAgeReasons(input: string): Span[] {
  const p = prepare(input);
  return [...p.text.matchAll(AGE_REASON)].map((m) => spanOf(p, m.index, m.index + m[0].length));
}

function ageLimits(p: Prepared): Span[] {
  const out: Span[] = [];
  for (const { pattern, kind } of AGE_PATTERNS) {
    for (const m of p.text.matchAll(pattern)) {
      const nums = m.slice(1).filter(Boolean).map(Number);
      // A bound at or under 18 only keeps minors out (劳动法第十五条): not an age limit.
      if (kind !== 'range' && (nums[0] ?? 0) <= 18) continue;
      out.push(spanOf(p, m.index, m.index + m[0].length));
    }
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Keep one finding per overlapping span of the same rule (the longest), in text order. */
function dedupe(findings: DiscriminationFinding[]): DiscriminationFinding[] {
  const kept: DiscriminationFinding[] = [];
  const byLength = [...findings].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const f of byLength) if (!kept.some((k) => k.rule === f.rule && overlaps(k, f))) kept.push(f);
  return kept.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

function finding(rule: RuleCode, span: Span, action: RuleAction, message?: string): DiscriminationFinding {
  const cat = RULE_CATEGORIES[rule];
  return { rule, ...span, action, message: message ?? cat.message, basis: cat.basis };
}

/** Every finding in a text (not only the first), each with its span in the original text. */
export function checkDiscrimination(input: string, opts: RuleOptions = {}): DiscriminationFinding[] {
  const p = prepare(input);
  const findings: DiscriminationFinding[] = [];
  for (const r of PHRASE_RULES)
    for (const m of p.text.matchAll(r.pattern))
      findings.push(finding(r.code, spanOf(p, m.index, m.index + m[0].length), r.action ?? 'block', r.message));
  for (const re of CONTACT_PATTERNS)
    for (const m of p.text.matchAll(re))
      findings.push(finding('contact', spanOf(p, m.index, m.index + m[0].length), 'review'));
  const limits = ageLimits(p);
  if (limits.length > 0) {
    const reasons = [...p.text.matchAll(AGE_REASON)].map((m) => spanOf(p, m.index, m.index + m[0].length));
    const fieldReason = opts.ageReason?.trim();
    for (const span of limits) {
      if (reasons[0]) {
        findings.push({
          ...finding('age', span, 'review', `含年龄限制，理由“${reasons[0].excerpt}”需审核员确认`),
          reason: reasons[0],
        });
      } else if (fieldReason || opts.reasonElsewhere) {
        const why = fieldReason ? `已填写理由“${fieldReason}”` : '理由写在岗位其他栏目';
        findings.push(finding('age', span, 'review', `含年龄限制，${why}，需审核员确认`));
      } else findings.push(finding('age', span, 'block'));
    }
  }
  return dedupe(findings);
}
