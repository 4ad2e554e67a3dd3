import { describe, expect, it } from 'vitest';
import { FOLLOWUP_STATUS_LABELS } from '@lingong/contracts';
import { parseDay, parseIdCell, parseInstant, parseLabel, parsePhoneCell, splitList } from './imports.values.js';

const NOW = new Date('2025-11-15T04:00:00Z'); // 12:00 in Asia/Shanghai

describe('import cell parsers', () => {
  it('reads times as Asia/Shanghai wall clock, from text or Excel dates', () => {
    expect(parseInstant('2025-10-01 09:30', NOW)).toEqual({ ok: true, value: new Date('2025-10-01T01:30:00Z') });
    expect(parseInstant('2025/10/1', NOW)).toEqual({ ok: true, value: new Date('2025-09-30T16:00:00Z') });
    expect(parseInstant('2025年10月1日', NOW)).toEqual({ ok: true, value: new Date('2025-09-30T16:00:00Z') });
    expect(parseInstant(new Date(Date.UTC(2025, 9, 1, 9, 30)), NOW)).toEqual({
      ok: true,
      value: new Date('2025-10-01T01:30:00Z'),
    });
    expect(parseInstant('2025-02-30', NOW)).toMatchObject({
      ok: false,
      message: '时间格式不正确，应为 2025-10-01 或 2025-10-01 09:30',
    });
    expect(parseInstant('2025-10-01 25:00', NOW).ok).toBe(false);
    expect(parseInstant('2025-11-15 12:20', NOW)).toEqual({ ok: false, message: '时间不能晚于当前时间' });
    expect(parseInstant('2025-11-15 12:04', NOW).ok).toBe(true);
    expect(parseInstant('2019-12-31 23:59', NOW)).toEqual({ ok: false, message: '时间不能早于2020年' });
  });

  it('reads calendar days', () => {
    expect(parseDay('2025-1-5')).toEqual({ ok: true, value: '2025-01-05' });
    expect(parseDay(new Date(Date.UTC(2025, 11, 1)))).toEqual({ ok: true, value: '2025-12-01' });
    expect(parseDay('2025-12-01 10:00').ok).toBe(false);
    expect(parseDay('2025/13/01').ok).toBe(false);
  });

  it('checks ID numbers (checksum, Excel numbers), phones, labels and lists', () => {
    expect(parseIdCell('450223198001011234', NOW)).toMatchObject({
      ok: true,
      value: { gender: 'male', birthDate: '1980-01-01' },
    });
    expect(parseIdCell('450223198001011235', NOW)).toEqual({ ok: false, message: '身份证号码校验位不正确' });
    expect(parseIdCell('4.50223198001011E+17', NOW)).toEqual({
      ok: false,
      message: '身份证号码被Excel存成了数字，请将该列设为文本格式后重新填写',
    });
    expect(parsePhoneCell('+86 138-0000-1111')).toEqual({ ok: true, value: '13800001111' });
    expect(parsePhoneCell('0772-1234567').ok).toBe(false);
    expect(parseLabel('已就业', FOLLOWUP_STATUS_LABELS, '跟踪状态')).toEqual({ ok: true, value: 'employed' });
    expect(parseLabel('seeking', FOLLOWUP_STATUS_LABELS, '跟踪状态')).toEqual({ ok: true, value: 'seeking' });
    expect(parseLabel('开心', FOLLOWUP_STATUS_LABELS, '跟踪状态')).toEqual({
      ok: false,
      message: '跟踪状态应为 已就业/求职中/培训中/其他',
    });
    expect(splitList('脱贫劳动力、农民工/返乡人员，脱贫劳动力; 残疾人')).toEqual([
      '脱贫劳动力',
      '农民工/返乡人员',
      '残疾人',
    ]);
  });
});
