import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask.js';

describe('maskName', () => {
  it('keeps the first char', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小龙')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('张');
    expect(maskName('𠮷大')).toBe('𠮷*');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0772-1234567')).toBe('077*****4567');
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 chars', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });
});

describe('maskAddress', () => {
  it('keeps the first 6 chars', () => {
    expect(maskAddress('广西柳州市鹿寨县中渡镇长盛村12号')).toBe('广西柳州市鹿****');
    expect(maskAddress('鹿寨县')).toBe('鹿寨县****');
  });
});

describe('null safety', () => {
  it.each([maskName, maskPhone, maskIdNumber, maskAddress])('keeps null, undefined and empty', (mask) => {
    expect(mask(null)).toBeNull();
    expect(mask(undefined)).toBeNull();
    expect(mask('')).toBe('');
    expect(mask('   ')).toBe('');
  });
});
