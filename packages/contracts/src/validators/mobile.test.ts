import { describe, expect, it } from 'vitest';
import { MobilePhone, normalizeMobile } from './mobile.js';

describe('normalizeMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['19912345678', '19912345678'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it.each([
    '',
    '1381234567',
    '138123456789',
    '12812345678',
    '23812345678',
    '0772-1234567',
    '1381234567a',
    '+85213812345678',
    '86138123456',
  ])('rejects %s', (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });
});

describe('MobilePhone schema', () => {
  it('returns the 11-digit number', () => {
    expect(MobilePhone.parse(' +86 138-1234-5678 ')).toBe('13812345678');
  });

  it('says the format is wrong', () => {
    expect(MobilePhone.safeParse('12345').error?.issues[0]?.message).toBe('手机号码格式不正确');
  });

  it('asks for the number when missing or empty', () => {
    expect(MobilePhone.safeParse(undefined).error?.issues[0]?.message).toBe('请填写手机号码');
    expect(MobilePhone.safeParse('').error?.issues[0]?.message).toBe('请填写手机号码');
  });
});
