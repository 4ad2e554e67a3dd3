import { describe, expect, it } from 'vitest';
import { maskEmployerName } from './reveal.js';

describe('maskEmployerName', () => {
  it('masks a private person behind an employer name, not a business', () => {
    expect(maskEmployerName('韦大勇（个人雇主）', 'private_person')).toBe('韦**（个人雇主）');
    expect(maskEmployerName('覃庆强（个人雇主）·12', 'private_person')).toBe('覃**（个人雇主）');
    expect(maskEmployerName('鹿寨县建材厂', 'enterprise')).toBe('鹿寨县建材厂');
  });
});
