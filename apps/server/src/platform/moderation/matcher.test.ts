import { describe, expect, it } from 'vitest';
import { WordMatcher, maskHits } from './matcher.js';
import { normalizeText } from './normalize.js';

const m = new WordMatcher([
  { word: '刷单', category: 'fraud', action: 'block' },
  { word: '加微信', category: 'contact_bypass', action: 'mask' },
  { word: '微信', category: 'contact_bypass', action: 'review' },
  { word: 'QQ号', category: 'contact_bypass', action: 'mask' },
  { word: '押金', category: 'fraud', action: 'review' },
]);

describe('normalizeText', () => {
  it('folds full width, case, and drops spaces and symbols but maps back to the original', () => {
    const n = normalizeText('加 ｗｅ-Ｉ 信');
    expect(n.text).toBe('加wei信');
    expect(n.origin).toEqual([0, 2, 3, 5, 7]);
  });
});

describe('WordMatcher', () => {
  it('finds words with their original positions', () => {
    const text = '本店招人，不刷单，日结';
    const hits = m.scan(text);
    expect(hits).toEqual([{ word: '刷单', category: 'fraud', action: 'block', start: 6, end: 8 }]);
    expect(text.slice(6, 8)).toBe('刷单');
  });

  it('sees through spaces, symbols and full-width letters between characters', () => {
    expect(m.scan('可以 刷*单 哦').map((h) => h.word)).toEqual(['刷单']);
    expect(m.scan('联系我 ＱＱ 号 123').map((h) => h.word)).toEqual(['QQ号']);
    expect(m.scan('加-微-信 abc')[0]).toMatchObject({ word: '加微信', start: 0, end: 5 });
  });

  it('reports overlapping words (a word inside a longer one)', () => {
    expect(
      m
        .scan('请加微信详谈')
        .map((h) => h.word)
        .sort(),
    ).toEqual(['加微信', '微信']);
  });

  it('finds nothing in clean text and handles empty input', () => {
    expect(m.scan('急招泥水工3名，日结200元')).toEqual([]);
    expect(m.scan('')).toEqual([]);
    expect(new WordMatcher([]).scan('刷单')).toEqual([]);
  });

  it('handles characters outside the BMP around hits', () => {
    const text = '😀刷单😀';
    const [hit] = m.scan(text);
    expect(text.slice(hit?.start, hit?.end)).toBe('刷单');
  });

  it('masks only letters and digits inside hits', () => {
    const text = '详情加 微信 abc123';
    const hits = m.scan(text).filter((h) => h.action === 'mask');
    expect(maskHits(text, hits)).toBe('详情* ** abc123');
  });

  it('is linear: a 10k-word dictionary still answers correctly', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => ({
      word: `词${i.toString(36)}甲`,
      category: 'other',
      action: 'review' as const,
    }));
    const big = new WordMatcher([...words, { word: '刷单', category: 'fraud', action: 'block' }]);
    expect(big.size).toBe(10_001);
    expect(big.scan('这里有词zz甲和刷单').map((h) => h.word)).toEqual(['词zz甲', '刷单']);
  });
});
