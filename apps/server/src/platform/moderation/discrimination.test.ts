import { describe, expect, it } from 'vitest';
import { checkDiscrimination } from './discrimination.js';
import { WordMatcher } from './matcher.js';
import { judge } from './moderation.service.js';

const rules = (text: string, ageReason?: string) => checkDiscrimination(text, { ageReason }).map((f) => f.rule);

describe('discrimination rules', () => {
  it('flags gender restrictions but not 男女不限', () => {
    expect(rules('招保安，限男性')).toEqual(['gender']);
    expect(rules('只招女工，包吃住')).toEqual(['gender']);
    expect(rules('男士优先')).toEqual(['gender']);
    expect(rules('男女不限，日结')).toEqual([]);
  });

  it('flags ethnicity, region and marital restrictions', () => {
    expect(rules('仅限汉族')).toEqual(['ethnicity']);
    expect(rules('只招本地人')).toEqual(['region']);
    expect(rules('外地人勿扰')).toEqual(['region']);
    expect(rules('限广西籍')).toEqual(['region']);
    expect(rules('已婚已育优先')).toEqual(['marital']);
    expect(rules('本地割灌工，离家近')).toEqual([]);
  });

  it('flags age limits unless a reason is given', () => {
    expect(rules('年龄18-45岁')).toEqual(['age']);
    expect(rules('50岁以下')).toEqual(['age']);
    expect(rules('年龄不限')).toEqual([]);
    expect(rules('年满18周岁，16岁以下勿扰')).toEqual([]);
  });

  it('sends an age limit with a reason (in the text or the 年龄理由 field) to review, the reason highlighted', () => {
    const text = '年龄18-50岁，因高空作业';
    const [f] = checkDiscrimination(text);
    expect(f).toMatchObject({ rule: 'age', action: 'review', excerpt: '年龄18-50岁' });
    expect(f?.reason).toMatchObject({ excerpt: '因高空作业' });
    expect(text.slice(f?.reason?.start, f?.reason?.end)).toBe('因高空作业');
    expect(checkDiscrimination('年龄18-45岁', { ageReason: '高空作业，安全规定' })[0]?.action).toBe('review');
    expect(checkDiscrimination('年龄18-45岁')[0]?.action).toBe('block');
  });

  it('sees through spacing, punctuation and full-width letters, and keeps the original span', () => {
    const text = '要求：只 要 女 性，能吃苦';
    const [f] = checkDiscrimination(text);
    expect(f).toMatchObject({ rule: 'gender', excerpt: '只 要 女 性' });
    expect(text.slice(f?.start, f?.end)).toBe('只 要 女 性');
    expect(rules('限·男·性')).toEqual(['gender']);
    expect(rules('ＨＢｓＡｇ检测')).toEqual(['health']);
  });

  it('flags health status, preferences and contact details; a health certificate alone is legal', () => {
    expect(rules('无乙肝，要有健康证')).toEqual(['health']);
    expect(rules('需持健康证上岗')).toEqual([]);
    expect(rules('乙肝携带者勿扰')).toEqual(['health']);
    expect(rules('入职体检含乙肝五项')).toEqual(['health']);
    expect(rules('本岗位不查乙肝，乙肝携带者可')).toEqual([]);
    expect(rules('HIV阳性者免谈')).toEqual(['health']);
    expect(rules('女性优先')).toEqual(['gender']);
    expect(rules('女装店招店员，男女不限')).toEqual([]);
    expect(rules('残疾人勿扰')).toEqual(['disability']);
    expect(rules('电话 139 7777 0000，微信 lg_boss88')).toEqual(['contact', 'contact']);
    expect(checkDiscrimination('身体健康，无传染病')[0]).toMatchObject({ rule: 'health', action: 'review' });
  });

  it('returns every finding, not only the first', () => {
    expect(rules('限男性，未婚优先，不招河南人，无乙肝')).toEqual(['gender', 'marital', 'region', 'health']);
  });

  it('names each finding with its excerpt and a Chinese message', () => {
    const [f] = checkDiscrimination('要求：限男性，吃苦耐劳');
    expect(f).toMatchObject({ rule: 'gender', excerpt: '限男性', start: 3, end: 6 });
    expect(f?.message).toContain('性别');
    expect(f?.basis).toContain('就业促进法');
  });
});

describe('judge', () => {
  const m = new WordMatcher([
    { word: '刷单', category: 'fraud', action: 'block' },
    { word: '押金', category: 'fraud', action: 'review' },
    { word: '加微信', category: 'contact_bypass', action: 'mask' },
  ]);
  it('blocks on a block word or a discrimination finding, reviews on a review word, masks mask words', () => {
    expect(judge(m, '刷单日结').verdict).toBe('block');
    expect(judge(m, '限男性').verdict).toBe('block');
    expect(judge(m, '需交押金100').verdict).toBe('review');
    const c = judge(m, '联系13977770000');
    expect(c.verdict).toBe('review');
    expect(c.masked).toBe('联系***********');
    const r = judge(m, '详情加微信');
    expect(r.verdict).toBe('pass');
    expect(r.masked).toBe('详情***');
  });
});
