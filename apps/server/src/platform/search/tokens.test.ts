import { describe, expect, it } from 'vitest';
import { documentTokens, queryTokens, toTsqueryLiteral, toTsvectorLiteral } from './tokens.js';

describe('search tokens', () => {
  it('search mode puts the two-character word inside longer trades', () => {
    expect(documentTokens(['急招电焊工3名'])).toEqual(expect.arrayContaining(['电焊', '电焊工']));
    expect(documentTokens(['家庭保洁'])).toEqual(expect.arrayContaining(['保洁']));
  });
  it('drops punctuation and whitespace, lower-cases and de-duplicates', () => {
    const tokens = documentTokens(['招水电工2人，包午餐', 'Excel  excel']);
    expect(tokens).not.toContain('，');
    expect(tokens).not.toContain(' ');
    expect(tokens.filter((t) => t === 'excel')).toHaveLength(1);
  });
  it('query keeps words and drops single characters when a word remains', () => {
    expect(queryTokens('找电焊的活')).toEqual(['电焊']);
    expect(queryTokens('保洁 日结')).toEqual(['保洁', '日结']);
    expect(queryTokens('，，')).toEqual([]);
  });
  it('quotes literals so user text cannot change the query', () => {
    expect(toTsvectorLiteral(["a'b", '电焊'])).toBe("'a''b' '电焊'");
    expect(toTsqueryLiteral(['电焊', "x'|y"])).toBe("'电焊' & 'x''|y'");
    expect(toTsqueryLiteral([])).toBeNull();
  });
});
