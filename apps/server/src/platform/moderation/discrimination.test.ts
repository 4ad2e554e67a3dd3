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
    expect(rules('年龄18-45岁', '高空作业，安全规定')).toEqual([]);
    expect(rules('年龄不限')).toEqual([]);
  });

  it('names each finding with its excerpt and a Chinese message', () => {
    const [f] = checkDiscrimination('要求：限男性，吃苦耐劳');
    expect(f).toMatchObject({ rule: 'gender', excerpt: '限男性' });
    expect(f?.message).toContain('性别');
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
    const r = judge(m, '详情加微信');
    expect(r.verdict).toBe('pass');
    expect(r.masked).toBe('详情***');
  });
});
