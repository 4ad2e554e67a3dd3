import { describe, expect, it } from 'vitest';
import { IdNumber, idNumberCheckChar, makeIdNumber, parseIdNumber } from './id-number.js';

/** 17-digit body + its computed check char, bypassing makeIdNumber's own date checks. */
const withCheck = (body17: string) => body17 + idNumberCheckChar(body17);
const reasonOf = (s: string, now?: Date) => {
  const r = parseIdNumber(s, { now });
  return r.ok ? null : r.reason;
};

describe('parseIdNumber', () => {
  it('accepts the GB 11643 example and reads birth date, gender and region', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: { normalized: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', regionCode: '110105' },
    });
  });

  it('accepts hand-checked numbers with a digit check char', () => {
    // Σ(digit·weight): 11010119900307803 -> 222, mod 11 = 2 -> X; 45022319850615001 -> 276, mod 11 = 1 -> 0.
    expect(parseIdNumber('11010119900307803X').ok).toBe(true);
    expect(parseIdNumber(withCheck('45022319850615001')).ok).toBe(true);
    expect(idNumberCheckChar('45022319850615001')).toBe('0');
  });

  it('accepts lower-case x and surrounding spaces, normalising to upper case', () => {
    const r = parseIdNumber(' 11010519491231002x ');
    expect(r.ok && r.value.normalized).toBe('11010519491231002X');
  });

  it('reads gender from the 17th digit parity', () => {
    const male = parseIdNumber(withCheck('45022319850615001'));
    const female = parseIdNumber(withCheck('45022319850615002'));
    expect(male.ok && male.value.gender).toBe('male');
    expect(female.ok && female.value.gender).toBe('female');
  });

  it('rejects wrong lengths (including old 15-digit numbers)', () => {
    expect(reasonOf('')).toBe('请填写身份证号码');
    expect(reasonOf('110105491231002')).toBe('身份证号码应为18位');
    expect(reasonOf('11010519491231002X0')).toBe('身份证号码应为18位');
  });

  it('rejects non-digits and X anywhere but the end', () => {
    expect(reasonOf('1101051949123100XX')).toBe('身份证号码格式不正确');
    expect(reasonOf('11010519491231A02X')).toBe('身份证号码格式不正确');
  });

  it('rejects region prefixes starting with 0 or 9', () => {
    expect(reasonOf(withCheck('01010519491231002'))).toBe('身份证号码地区码不正确');
    expect(reasonOf(withCheck('91010519491231002'))).toBe('身份证号码地区码不正确');
  });

  it('rejects impossible dates even with a correct check char', () => {
    expect(reasonOf(withCheck('11010519990230002'))).toBe('身份证号码出生日期不正确');
    expect(reasonOf(withCheck('11010519991301002'))).toBe('身份证号码出生日期不正确');
    expect(reasonOf(withCheck('11010519990229002'))).toBe('身份证号码出生日期不正确');
    expect(reasonOf(withCheck('11010520000229002'))).toBeNull();
  });

  it('rejects births before 1900 (440524188001010014 is a valid-checksum 1880 example)', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(reasonOf('440524188001010014')).toBe('身份证号码出生日期不正确');
    expect(reasonOf(withCheck('11010518991231002'))).toBe('身份证号码出生日期不正确');
    expect(reasonOf(withCheck('11010519000101002'))).toBeNull();
  });

  it('rejects births after today in Asia/Shanghai', () => {
    // 2024-06-01 00:30 in Shanghai is still 2024-05-31 in UTC.
    const now = new Date('2024-05-31T16:30:00Z');
    expect(reasonOf(withCheck('11010520240601002'), now)).toBeNull();
    expect(reasonOf(withCheck('11010520240602002'), now)).toBe('身份证号码出生日期不正确');
  });

  it('rejects a wrong check char', () => {
    expect(reasonOf('110105194912310029')).toBe('身份证号码校验位不正确');
    expect(reasonOf('110101199003078030')).toBe('身份证号码校验位不正确');
  });
});

describe('IdNumber schema', () => {
  it('trims and upper-cases a valid number', () => {
    expect(IdNumber.parse(' 11010519491231002x')).toBe('11010519491231002X');
  });

  it('reports the Chinese reason', () => {
    const r = IdNumber.safeParse('110105194912310029');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('身份证号码校验位不正确');
  });

  it('asks for the number when missing or blank', () => {
    expect(IdNumber.safeParse(undefined).error?.issues[0]?.message).toBe('请填写身份证号码');
    expect(IdNumber.safeParse('  ').error?.issues[0]?.message).toBe('请填写身份证号码');
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that parse back to the same fields', () => {
    const n = makeIdNumber({ regionCode: '450223', birthDate: '1985-06-15', seq: 0, gender: 'male' });
    expect(n).toBe('450223198506150010');
    const r = parseIdNumber(n);
    expect(r.ok && r.value).toEqual({ normalized: n, birthDate: '1985-06-15', gender: 'male', regionCode: '450223' });
  });

  it('accepts a 12-digit region code and YYYYMMDD dates', () => {
    const n = makeIdNumber({ regionCode: '450223100000', birthDate: '19900101', seq: 123 });
    expect(n.slice(0, 17)).toBe('45022319900101123');
    expect(parseIdNumber(n).ok).toBe(true);
  });

  it('keeps distinct seqs distinct for each gender', () => {
    const opts = { regionCode: '450223', birthDate: '1970-01-01' };
    const numbers = new Set<string>();
    for (let seq = 0; seq < 500; seq++) {
      for (const gender of ['male', 'female'] as const) {
        const n = makeIdNumber({ ...opts, seq, gender });
        const r = parseIdNumber(n);
        expect(r.ok && r.value.gender).toBe(gender);
        numbers.add(n);
      }
    }
    expect(numbers.size).toBe(1000);
  });

  it('refuses bad input', () => {
    expect(() => makeIdNumber({ regionCode: '050223', birthDate: '1990-01-01', seq: 1 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '450223', birthDate: '1999-02-30', seq: 1 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '450223', birthDate: '1990-01-01', seq: 500, gender: 'female' })).toThrow(
      RangeError,
    );
    expect(() => makeIdNumber({ regionCode: '450223', birthDate: '1990-01-01', seq: 1000 })).toThrow(RangeError);
  });
});
