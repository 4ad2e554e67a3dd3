import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseDivisionCsv, parseDivisionRows, type DivisionImportResult } from './division-import.js';
import { SEED_REGIONS } from './data/regions.js';

const known = new Set(SEED_REGIONS.map((r) => r.code));
const HEADER = '代码,名称,级别,上级代码';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\r\n') + '\r\n';
}

function errorsOf(result: DivisionImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

function regionsOf(result: DivisionImportResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.regions;
}

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes', () => {
    const result = parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n"line\nbreak",,x\n');
    expect(result).toEqual({
      ok: true,
      rows: [
        ['a', 'b,c', 'say "hi"'],
        ['line\nbreak', '', 'x'],
      ],
    });
  });

  it('accepts LF, CR and a missing final line break', () => {
    expect(parseCsv('a,b\nc,d')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    expect(parseCsv('a\rb\r')).toEqual({ ok: true, rows: [['a'], ['b']] });
    expect(parseCsv('')).toEqual({ ok: true, rows: [] });
    expect(parseCsv('a,\n')).toEqual({ ok: true, rows: [['a', '']] });
    expect(parseCsv('""\n')).toEqual({ ok: true, rows: [['']] });
  });

  it('keeps a quote in the middle of an unquoted field literally', () => {
    expect(parseCsv('ab"c,d')).toEqual({ ok: true, rows: [['ab"c', 'd']] });
  });

  it('reports an unclosed quote and text after a closing quote', () => {
    expect(parseCsv('a,b\n"open,c\n')).toMatchObject({ ok: false, row: 2 });
    expect(parseCsv('"a"b,c')).toMatchObject({ ok: false, row: 1 });
  });
});

describe('parseDivisionCsv', () => {
  it('imports a good file, deriving empty level and parent, parents first', () => {
    const result = parseDivisionCsv(
      csv(
        '450223101201,"大村, 上屯",village,450223101000',
        '450223101202,"说""好""村",村,',
        '450223101000,中渡镇,乡,',
        '450223101203,三村,,',
      ),
      { knownCodes: known },
    );
    const regions = regionsOf(result);
    expect(regions.map((r) => r.code)).toEqual(['450223101000', '450223101201', '450223101202', '450223101203']);
    expect(regions[0]).toEqual({
      code: '450223101000',
      name: '中渡镇',
      level: 'town',
      parentCode: '450223000000',
      row: 4,
    });
    expect(regions[1]).toMatchObject({ name: '大村, 上屯', level: 'village', parentCode: '450223101000', row: 2 });
    expect(regions[2]).toMatchObject({ name: '说"好"村', level: 'village', parentCode: '450223101000' });
    expect(regions[3]).toMatchObject({ level: 'village', parentCode: '450223101000' });
  });

  it('accepts English headers in any order, numeric levels and extra columns', () => {
    const text = 'name,Level,code,城乡分类代码,parent\n某村,5,450223101201,220,450223101000\n';
    const regions = regionsOf(parseDivisionCsv(text, { knownCodes: known }));
    expect(regions).toEqual([
      { code: '450223101201', name: '某村', level: 'village', parentCode: '450223101000', row: 2 },
    ]);
  });

  it('finds the parent in the file itself without knownCodes', () => {
    const regions = regionsOf(
      parseDivisionCsv(csv('450000000000,广西壮族自治区,省,', '450200000000,柳州市,2,450000000000')),
    );
    expect(regions.map((r) => r.level)).toEqual(['province', 'city']);
  });

  it('rejects bad codes', () => {
    const errors = errorsOf(
      parseDivisionCsv(csv('45022310120,短码,村,', '450223000001,无乡村,村,', 'ABCDEFGHIJKL,字母,村,', ',空码,村,'), {
        knownCodes: known,
      }),
    );
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'code'],
      [3, 'code'],
      [4, 'code'],
      [5, 'code'],
    ]);
    expect(errors[0]?.message).toContain('12位数字');
    expect(errors[1]?.message).toContain('不是有效的区划代码');
  });

  it('rejects levels that are unknown or do not match the code', () => {
    const errors = errorsOf(
      parseDivisionCsv(csv('450223101201,某村,镇,', '450223101000,某镇,village,', '450223101202,某村,7,'), {
        knownCodes: known,
      }),
    );
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'level'],
      [3, 'level'],
      [4, 'level'],
    ]);
    expect(errors[0]?.message).toContain('村级代码');
    expect(errors[1]?.message).toContain('乡级代码');
    expect(errors[2]?.message).toContain('无法识别');
  });

  it('rejects a parent that does not match the code', () => {
    const errors = errorsOf(
      parseDivisionCsv(
        csv('450223101201,某村,村,450223102000', '450223101202,某村,村,4502231', '450000000000,广西,省,100000000000'),
        { knownCodes: known },
      ),
    );
    expect(errors).toHaveLength(3);
    expect(errors.every((e) => e.field === 'parent')).toBe(true);
    expect(errors[0]?.message).toContain('450223101000');
    expect(errors[1]?.message).toContain('12位数字');
    expect(errors[2]?.message).toContain('省级');
  });

  it('rejects an unknown parent', () => {
    const errors = errorsOf(
      parseDivisionCsv(csv('450223101201,某村,村,', '450223999201,另一村,村,'), { knownCodes: known }),
    );
    expect(errors).toEqual([{ row: 3, field: 'parent', message: expect.stringContaining('450223999000') }]);
    // Without knownCodes even the towns are unknown.
    expect(errorsOf(parseDivisionCsv(csv('450223101201,某村,村,')))).toHaveLength(1);
  });

  it('rejects duplicate codes, naming the first row', () => {
    const errors = errorsOf(
      parseDivisionCsv(csv('450223101201,甲村,村,', '450223101202,乙村,村,', '450223101201,丙村,村,'), {
        knownCodes: known,
      }),
    );
    expect(errors).toEqual([{ row: 4, field: 'code', message: expect.stringContaining('第2行') }]);
  });

  it('rejects empty and over-long names (counted in characters)', () => {
    const long = '村'.repeat(51);
    const ok50 = '村'.repeat(50);
    const errors = errorsOf(
      parseDivisionCsv(csv('450223101201,,村,', `450223101202,${long},村,`, `450223101203,${ok50},村,`), {
        knownCodes: known,
      }),
    );
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'name'],
      [3, 'name'],
    ]);
  });

  it('collects every error in the file, in row order', () => {
    const errors = errorsOf(
      parseDivisionCsv(csv('bad,,x,', '450223101201,好村,村,', '450223101201,重复,村,'), { knownCodes: known }),
    );
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'code'],
      [2, 'name'],
      [2, 'level'],
      [4, 'code'],
    ]);
  });

  it('counts blank lines in row numbers but ignores them', () => {
    const errors = errorsOf(parseDivisionCsv(`${HEADER}\n\n450223101201,某村,镇,\n`, { knownCodes: known }));
    expect(errors).toEqual([{ row: 3, field: 'level', message: expect.any(String) }]);
  });

  it('rejects missing or duplicated header columns and empty files', () => {
    expect(errorsOf(parseDivisionCsv('名称,级别\n某村,村\n'))).toEqual([
      { row: 1, field: 'header', message: expect.stringContaining('代码') },
    ]);
    expect(errorsOf(parseDivisionCsv('代码,code,名称\n'))[0]?.message).toContain('不止一次');
    expect(errorsOf(parseDivisionCsv(''))[0]).toMatchObject({ row: 1, field: 'file' });
    expect(errorsOf(parseDivisionCsv(`${HEADER}\r\n\r\n`))[0]).toMatchObject({ row: 1, field: 'file' });
  });

  it('reports CSV syntax errors and wrong encodings as file errors', () => {
    expect(errorsOf(parseDivisionCsv(csv('450223101201,"未闭合,村,')))[0]).toMatchObject({ row: 2, field: 'file' });
    expect(errorsOf(parseDivisionCsv('\uFFFD\uFFFD,x\n'))[0]?.message).toContain('UTF-8');
  });
});

describe('parseDivisionRows (xlsx rows)', () => {
  it('trims cells and tolerates short rows', () => {
    const regions = regionsOf(
      parseDivisionRows(
        [
          [' 代码 ', '名称'],
          [' 450223101201 ', ' 某村 '],
        ],
        { knownCodes: known },
      ),
    );
    expect(regions).toEqual([
      { code: '450223101201', name: '某村', level: 'village', parentCode: '450223101000', row: 2 },
    ]);
  });
});

describe('sample fixture', () => {
  it('parses against the seeded towns and is clearly marked as sample data', () => {
    const path = fileURLToPath(new URL('../../../scripts/fixtures/luzhai-villages.sample.csv', import.meta.url));
    const regions = regionsOf(parseDivisionCsv(readFileSync(path, 'utf8'), { knownCodes: known }));
    expect(regions).toHaveLength(10);
    expect(regions.every((r) => r.level === 'village' && r.name.startsWith('示例村'))).toBe(true);
    expect(new Set(regions.map((r) => r.parentCode))).toEqual(new Set(['450223101000', '450223102000']));
  });
});
