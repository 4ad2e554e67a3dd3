// The phrase rules as they were before issue 14 (raw-text regexes, first-generation categories),
// kept only so bench/moderation-accuracy.ts can measure the old rules next to the new ones.
/**
 * Discrimination rules for job postings (Employment Promotion Law, arts. 3, 26-31): gender,
 * ethnicity, region and marital restrictions are illegal; an age limit needs a stated reason.
 */
export type DiscriminationRule = 'gender' | 'ethnicity' | 'region' | 'marital' | 'age';
export type DiscriminationFinding = { rule: DiscriminationRule; excerpt: string; message: string };

const RULES: { rule: DiscriminationRule; pattern: RegExp; message: string }[] = [
  {
    rule: 'gender',
    pattern:
      /(?:限|只招|仅招|只要|仅限|要求|不招|不要|谢绝)\s*(?:男|女)(?:性|士|生|工)?|(?:男|女)(?:性|士|生)?\s*优先|(?:男|女)性?\s*勿扰/g,
    message: '含性别限制，违反《就业促进法》，请删除',
  },
  {
    rule: 'ethnicity',
    pattern:
      /(?:限|只招|仅招|只要|仅限|不招|不要|谢绝)\s*(?:汉族|少数民族|[\u4e00-\u9fa5]{1,3}族)|(?:汉族|少数民族)\s*优先/g,
    message: '含民族限制，违反《就业促进法》，请删除',
  },
  {
    rule: 'region',
    pattern:
      /(?:限|只招|仅招|只要|仅限|不招|不要|谢绝)\s*(?:本地|外地|外省|[\u4e00-\u9fa5]{1,6}(?:省|市|县|籍))(?:人|户口|户籍)?|(?:本地|外地)(?:人|户口|户籍)\s*(?:优先|勿扰)|[\u4e00-\u9fa5]{1,4}籍\s*(?:优先|勿扰)/g,
    message: '含地域或户籍限制，违反《就业促进法》，请删除',
  },
  {
    rule: 'marital',
    pattern: /(?:未婚|已婚|已育|未育|离异|单身)(?:未育|已育)?\s*(?:者|人员)?\s*(?:优先|勿扰|不要|限)?/g,
    message: '含婚育状况要求，违反《就业促进法》《妇女权益保障法》，请删除',
  },
];

const AGE =
  /(?:\d{2}\s*(?:周)?岁?\s*(?:-|—|~|～|至|到)\s*\d{2}\s*(?:周)?岁)|(?:\d{2}\s*(?:周)?岁\s*(?:以下|以上|以内|之间))|(?:年龄\s*(?:不超过|不大于|不小于|须在|要求|限))/g;

/** Findings in a text; `ageReason` (e.g. 高空作业安全要求) turns an age limit into no finding. */
export function checkDiscrimination(text: string, opts: { ageReason?: string } = {}): DiscriminationFinding[] {
  const findings: DiscriminationFinding[] = [];
  const clean = text.replace(/男女不限|不限男女|性别不限|年龄不限|民族不限|户籍不限/g, (m) => ' '.repeat(m.length));
  for (const r of RULES) {
    for (const m of clean.matchAll(r.pattern))
      findings.push({ rule: r.rule, excerpt: m[0].trim(), message: r.message });
  }
  if (!opts.ageReason?.trim()) {
    for (const m of clean.matchAll(AGE))
      findings.push({ rule: 'age', excerpt: m[0].trim(), message: '含年龄限制，须填写合理理由（如特殊工种安全要求）' });
  }
  return findings;
}
