/**
 * 工资计算: pure functions, no database. Money is integer fen.
 *
 * Rounding rule (one, stated once): amounts are computed exactly in integers and rounded once,
 * half up to the fen (四舍五入到分), only where a division happens (hours from minutes, months
 * prorated by 21.75 paid days). Lines (additions, deductions) are whole fen as entered.
 */

export type WageUnit = 'hour' | 'day' | 'piece' | 'month';
export type WageLine = { kind: 'addition' | 'deduction'; amountFen: number; reason: string };
export type WageRules = { deductionCapPercent: number; minimumHourlyWageFen: number };

/** What the work amounts to: days from attendance, minutes from attendance, pieces counted. */
export type WorkQuantity = { days: number; minutes: number; pieces: number };

export type WageComputation = {
  /** The quantity in the unit (days, hours as minutes / 60, pieces, months as days / 21.75). */
  quantityText: string;
  baseFen: number;
  additionsFen: number;
  deductionsFen: number;
  totalFen: number;
};

/** 月计薪天数 21.75 (劳社部发〔2008〕3号), in hundredths so the arithmetic stays integer. */
export const MONTH_PAID_DAYS_X100 = 2175;

/** Integer division rounded half up (both operands non-negative). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The base wage: quantity × rate, rounded once half up to the fen. */
export function baseWageFen(unit: WageUnit, rateFen: number, q: WorkQuantity): number {
  switch (unit) {
    case 'day':
      return q.days * rateFen;
    case 'hour':
      return divRoundHalfUp(rateFen * q.minutes, 60);
    case 'piece':
      return q.pieces * rateFen;
    case 'month':
      return divRoundHalfUp(rateFen * q.days * 100, MONTH_PAID_DAYS_X100);
  }
}

export function quantityText(unit: WageUnit, q: WorkQuantity): string {
  switch (unit) {
    case 'day':
      return `${q.days}天`;
    case 'hour': {
      const h = Math.floor(q.minutes / 60);
      const m = q.minutes % 60;
      return m ? `${h}小时${m}分` : `${h}小时`;
    }
    case 'piece':
      return `${q.pieces}件`;
    case 'month':
      return `${q.days}天（按月计薪天数21.75折算）`;
  }
}

export type WageProblem = { field: string; message: string };

/**
 * Compute a statement and list every rule it breaks: the deduction cap (a share of the base
 * wage, 系统配置) and, for hourly work, the local hourly minimum wage after deductions.
 */
export function computeWage(
  unit: WageUnit,
  rateFen: number,
  q: WorkQuantity,
  lines: readonly WageLine[],
  rules: WageRules,
): { result: WageComputation; problems: WageProblem[] } {
  const baseFen = baseWageFen(unit, rateFen, q);
  const additionsFen = lines.filter((l) => l.kind === 'addition').reduce((s, l) => s + l.amountFen, 0);
  const deductionsFen = lines.filter((l) => l.kind === 'deduction').reduce((s, l) => s + l.amountFen, 0);
  const totalFen = baseFen + additionsFen - deductionsFen;
  const problems: WageProblem[] = [];
  const capFen = Math.floor((baseFen * rules.deductionCapPercent) / 100);
  if (deductionsFen > capFen)
    problems.push({
      field: 'lines',
      message: `扣款合计${yuan(deductionsFen)}元，超过应发工资的${rules.deductionCapPercent}%（最多${yuan(capFen)}元）`,
    });
  if (unit === 'hour') {
    const floorFen = divRoundHalfUp(rules.minimumHourlyWageFen * q.minutes, 60);
    if (rateFen < rules.minimumHourlyWageFen)
      problems.push({
        field: 'rateFen',
        message: `小时工资不能低于当地最低工资标准${yuan(rules.minimumHourlyWageFen)}元/小时`,
      });
    else if (totalFen < floorFen)
      problems.push({
        field: 'lines',
        message: `扣款后实发${yuan(totalFen)}元，低于最低工资标准（${quantityText(unit, q)}应不少于${yuan(floorFen)}元）`,
      });
  }
  if (totalFen < 0) problems.push({ field: 'lines', message: '实发工资不能为负数' });
  return { result: { quantityText: quantityText(unit, q), baseFen, additionsFen, deductionsFen, totalFen }, problems };
}

/** Fen as yuan text: 300 元, 12.5 元 → '12.50'. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
}

/** Add whole days to a 'YYYY-MM-DD' date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type AttendanceDay = { day: string; checkInAt: Date; checkOutAt: Date | null };

/** Days and minutes worked in [from, to]: only days with both check-in and check-out count. */
export function quantityFromAttendance(records: readonly AttendanceDay[], from: string, to: string, pieces = 0) {
  const inPeriod = records.filter((r) => r.day >= from && r.day <= to && r.checkOutAt);
  const minutes = inPeriod.reduce(
    (s, r) => s + Math.floor(((r.checkOutAt as Date).getTime() - r.checkInAt.getTime()) / 60_000),
    0,
  );
  return { days: inPeriod.length, minutes, pieces };
}
