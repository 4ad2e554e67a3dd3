import { describe, expect, it } from 'vitest';
import { makeUscc, makeUsccBody, orgCodeCheckChar, parseUscc, Uscc, usccCheckChar } from './uscc.js';

/** Published codes of real organisations (and the GB 32100 textbook example). */
const REAL = [
  '91350100M000100Y43',
  '9144030071526726XG',
  '91330100799655058B',
  '914403001922038216',
  '91110108558521630L',
  '91110000802100433B',
  '91110000710926094P',
];
const reasonOf = (s: string) => {
  const r = parseUscc(s);
  return r.ok ? null : r.reason;
};

describe('parseUscc', () => {
  it.each(REAL)('accepts %s', (code) => {
    expect(parseUscc(code)).toEqual({ ok: true, value: { normalized: code, regionCode: code.slice(2, 8) } });
  });

  it('computes both check chars of the textbook example by hand', () => {
    // M000100Y: 22·3 + 1·5 + 34·2 = 139, 139 mod 11 = 7, 11 - 7 = 4.
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts lower case and spaces, normalising to upper case', () => {
    const r = parseUscc(' 9144030071526726xg ');
    expect(r.ok && r.value.normalized).toBe('9144030071526726XG');
  });

  it('rejects wrong lengths', () => {
    expect(reasonOf('')).toBe('请填写统一社会信用代码');
    expect(reasonOf('91350100M000100Y4')).toBe('统一社会信用代码应为18位');
    expect(reasonOf('91350100M000100Y433')).toBe('统一社会信用代码应为18位');
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-'])('rejects the forbidden char %s', (c) => {
    expect(reasonOf(`91350100M000100Y4${c}`)).toMatch(/无效字符/);
  });

  it('rejects a wrong final check char', () => {
    expect(reasonOf('91350100M000100Y44')).toBe('统一社会信用代码校验位不正确');
    expect(reasonOf('9144030071526726XH')).toBe('统一社会信用代码校验位不正确');
  });

  it('rejects a body whose organisation code check digit is wrong, even with a matching final char', () => {
    expect(reasonOf(makeUscc('91350100M000100Y5'))).toBe('统一社会信用代码中的组织机构代码不正确');
  });

  it('rejects a transposition of two chars', () => {
    expect(reasonOf('91350100M000010Y43')).not.toBeNull();
  });

  it('rejects an unknown authority, organisation type or region', () => {
    expect(reasonOf(makeUscc('B1350100M000100Y4'))).toBe('统一社会信用代码登记管理部门或机构类别不正确');
    expect(reasonOf(makeUscc('90350100M000100Y4'))).toBe('统一社会信用代码登记管理部门或机构类别不正确');
    expect(reasonOf(makeUscc('91050100M000100Y4'))).toBe('统一社会信用代码行政区划码不正确');
  });

  it('maps a check value of 31 to 0', () => {
    // Search seeds for a body whose check comes out as 0 and confirm it validates.
    let found = '';
    for (let seed = 0; seed < 1000 && !found; seed++) {
      const code = makeUscc(makeUsccBody({ regionCode: '450223', seed }));
      if (code.endsWith('0')) found = code;
    }
    expect(found).not.toBe('');
    expect(parseUscc(found).ok).toBe(true);
  });
});

describe('Uscc schema', () => {
  it('normalises a valid code', () => {
    expect(Uscc.parse('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('reports the Chinese reason', () => {
    expect(Uscc.safeParse('91350100M000100Y44').error?.issues[0]?.message).toBe('统一社会信用代码校验位不正确');
    expect(Uscc.safeParse(null).error?.issues[0]?.message).toBe('请填写统一社会信用代码');
  });
});

describe('makeUsccBody / makeUscc', () => {
  it('builds valid, distinct codes for a county', () => {
    const codes = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const code = makeUscc(makeUsccBody({ regionCode: '450223000000', seed }));
      expect(parseUscc(code)).toEqual({ ok: true, value: { normalized: code, regionCode: '450223' } });
      codes.add(code);
    }
    expect(codes.size).toBe(300);
  });

  it('supports other authority/type prefixes', () => {
    const code = makeUscc(makeUsccBody({ regionCode: '450223', seed: 42, typeCode: '52' }));
    expect(code.startsWith('52450223')).toBe(true);
    expect(parseUscc(code).ok).toBe(true);
  });

  it('refuses bad input', () => {
    expect(() => makeUsccBody({ regionCode: '45022', seed: 1 })).toThrow(RangeError);
    expect(() => makeUsccBody({ regionCode: '450223', seed: 100_000_000 })).toThrow(RangeError);
    expect(() => makeUscc('91350100M000100I4')).toThrow(RangeError);
  });
});
