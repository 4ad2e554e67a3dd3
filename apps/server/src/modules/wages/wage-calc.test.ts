import { describe, expect, it } from 'vitest';
import {
  addDays,
  computeWage,
  divRoundHalfUp,
  quantityFromAttendance,
  type WageLine,
  type WageUnit,
} from './wage-calc.js';
import { nextStatus } from './wage-states.js';

const rules = { deductionCapPercent: 20, minimumHourlyWageFen: 1530 };
const q = (days: number, minutes: number, pieces = 0) => ({ days, minutes, pieces });
const ded = (amountFen: number): WageLine => ({ kind: 'deduction', amountFen, reason: '损坏工具' });
const add = (amountFen: number): WageLine => ({ kind: 'addition', amountFen, reason: '加班补贴' });

describe('divRoundHalfUp', () => {
  it.each([
    [1, 2, 1],
    [149, 100, 1],
    [150, 100, 2],
    [250, 100, 3],
    [0, 7, 0],
  ])('%i / %i → %i', (n, d, r) => expect(divRoundHalfUp(n, d)).toBe(r));
});

describe('computeWage, every unit (integer fen, rounded once half up)', () => {
  const cases: [string, WageUnit, number, ReturnType<typeof q>, WageLine[], number, number][] = [
    // name, unit, rate, quantity, lines, base, total
    ['2 days at 150 元/天', 'day', 15_000, q(2, 960), [], 30_000, 30_000],
    ['2 days, 50 元 added, 20 元 deducted', 'day', 15_000, q(2, 960), [add(5_000), ded(2_000)], 30_000, 33_000],
    ['8 h at 20 元/时', 'hour', 2_000, q(1, 480), [], 16_000, 16_000],
    ['7 h 20 min at 18.5 元/时 → 135.666… rounds to 135.67', 'hour', 1_850, q(1, 440), [], 13_567, 13_567],
    ['10 min at 15.3 元/时 → 2.55', 'hour', 1_530, q(1, 10), [], 255, 255],
    ['1 min at 15.3 元/时 → 0.255 rounds half up to 0.26', 'hour', 1_530, q(1, 1), [], 26, 26],
    ['120 pieces at 0.35 元/件', 'piece', 35, q(0, 0, 120), [], 4_200, 4_200],
    ['a full 21.75-day month is not needed: 22 days at 3000 元/月', 'month', 300_000, q(22, 0), [], 303_448, 303_448],
    ['10 days at 3000 元/月 → 3000 × 10 / 21.75 = 1379.31', 'month', 300_000, q(10, 0), [], 137_931, 137_931],
  ];
  it.each(cases)('%s', (_name, unit, rate, quantity, lines, base, total) => {
    const { result, problems } = computeWage(unit, rate, quantity, lines, rules);
    expect(problems).toEqual([]);
    expect(result.baseFen).toBe(base);
    expect(result.totalFen).toBe(total);
    expect(Number.isInteger(result.totalFen)).toBe(true);
  });
});

describe('computeWage rules', () => {
  it.each([
    ['deductions up to 20% pass', 'day', 15_000, q(2, 960), [ded(6_000)], []],
    ['deductions over 20% are refused', 'day', 15_000, q(2, 960), [ded(6_001)], ['lines']],
    ['an hourly rate under the minimum is refused', 'hour', 1_500, q(1, 480), [], ['rateFen']],
    ['hourly pay after deductions under the minimum is refused', 'hour', 1_600, q(1, 480), [ded(1_000)], ['lines']],
    ['hourly pay after deductions at the minimum passes', 'hour', 1_600, q(1, 480), [ded(560)], []],
  ] as const)('%s', (_name, unit, rate, quantity, lines, fields) => {
    const { problems } = computeWage(unit, rate, quantity, [...lines], rules);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('a cap of 0% refuses any deduction', () => {
    expect(computeWage('day', 15_000, q(1, 480), [ded(1)], { ...rules, deductionCapPercent: 0 }).problems).toHaveLength(
      1,
    );
  });
});

describe('quantityFromAttendance', () => {
  const rec = (day: string, inAt: string, outAt: string | null) => ({
    day,
    checkInAt: new Date(`${day}T${inAt}:00+08:00`),
    checkOutAt: outAt ? new Date(`${day}T${outAt}:00+08:00`) : null,
  });
  it('counts only checked-out days inside the period', () => {
    const records = [
      rec('2026-12-01', '08:00', '17:00'),
      rec('2026-12-02', '08:00', '16:30'),
      rec('2026-12-03', '08:00', null),
      rec('2026-12-04', '08:00', '12:00'),
    ];
    expect(quantityFromAttendance(records, '2026-12-01', '2026-12-03')).toEqual({ days: 2, minutes: 1050, pieces: 0 });
  });
  it('adds days across months', () => expect(addDays('2026-12-30', 3)).toBe('2027-01-02'));
});

describe('state machine', () => {
  it.each([
    ['draft', 'issue', 'employer', 'issued'],
    ['issued', 'confirm', 'worker', 'confirmed'],
    ['issued', 'dispute', 'worker', 'disputed'],
    ['disputed', 'correct', 'employer', 'issued'],
    ['confirmed', 'pay', 'employer', 'paid'],
    ['confirmed', 'pay', 'staff', 'paid'],
    ['paid', 'receive', 'worker', 'received'],
    ['paid', 'receive', 'system', 'received'],
    ['confirmed', 'mediate', 'staff', 'issued'],
    ['disputed', 'mediate', 'staff', 'issued'],
  ] as const)('%s --%s by %s--> %s', (from, action, side, to) => {
    expect(nextStatus(from, action, side)).toEqual({ ok: true, to });
  });
  it.each([
    ['draft', 'confirm', 'worker', '只有已发出的工资单可以确认'],
    ['issued', 'pay', 'employer', '工资单须经工人确认后才能登记支付'],
    ['received', 'dispute', 'worker', '只有已发出的工资单可以提出异议'],
    ['paid', 'pay', 'staff', '工资单须经工人确认后才能登记支付'],
    ['issued', 'confirm', 'employer', '无权进行此操作'],
    ['issued', 'issue', 'employer', '只有草稿状态的工资单可以发出'],
    ['confirmed', 'mediate', 'employer', '无权进行此操作'],
    ['paid', 'mediate', 'staff', '只有未支付的已发出工资单（待确认、待支付、有异议）可以在调解中更正'],
  ] as const)('%s --%s by %s is refused', (from, action, side, message) => {
    expect(nextStatus(from, action, side)).toEqual({ ok: false, message });
  });
});
