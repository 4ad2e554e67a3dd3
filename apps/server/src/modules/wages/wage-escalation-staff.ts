// Who is on duty for each step of the 欠薪升级阶梯, and their console message. There is no
// 劳动保障监察 liaison role yet: the county's admins take the inspection step (they hand the case
// to the inspection brigade), until a liaison role exists.
import type { StaffRole, WAGE_ESCALATION_LEVELS } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { findStaffOnDuty } from '../accounts/index.js';
import { notifyStaff } from '../notifications/index.js';
import { yuan } from './wage-calc.js';
import type { wageStatements } from './wages.schema.js';

type Level = (typeof WAGE_ESCALATION_LEVELS)[number];

/**
 * station: the 驿站工作人员 (station_agent) scoped to the job's town (or a village in it);
 * county: the 县就业服务中心 counter staff (counter_staff) scoped to exactly the county;
 * inspection: the county's admins (admin scoped to exactly the county).
 */
export const DUTY_BY_LEVEL: Record<Level, { role: StaffRole; scope: 'town' | 'county' }> = {
  station: { role: 'station_agent', scope: 'town' },
  county: { role: 'counter_staff', scope: 'county' },
  inspection: { role: 'admin', scope: 'county' },
};

export async function staffOnDutyFor(tx: DbOrTx, level: Level, townCode: string): Promise<string[]> {
  const duty = DUTY_BY_LEVEL[level];
  const pattern = duty.scope === 'town' ? `${townCode.slice(0, 9)}%` : `${townCode.slice(0, 6)}000000`;
  return findStaffOnDuty(tx, duty.role, pattern);
}

const INTRO: Record<Level, string> = {
  station: '系统已代工人提交欠薪投诉',
  county: '欠薪投诉逾期未解决，已升级至县就业服务中心',
  inspection: '欠薪投诉仍未解决，已升级至劳动保障监察，请移交监察机构',
};

/** One console message per duty staff member and step (dedupe: statement + level). */
export async function messageStaffOnDuty(
  tx: DbOrTx,
  s: typeof wageStatements.$inferSelect,
  grievanceId: string,
  level: Level,
  now: Date,
): Promise<string[]> {
  return notifyStaff(tx, {
    staffIds: await staffOnDutyFor(tx, level, s.townCode),
    kind: 'wage_escalation',
    title: level === 'station' ? '新的欠薪投诉' : '欠薪投诉升级',
    body: `${INTRO[level]}：${s.periodStart}至${s.periodEnd}的工资${yuan(s.totalFen)}元，应付日${s.dueDate}。`,
    link: `/grievances?id=${grievanceId}`,
    refType: 'grievance',
    refId: grievanceId,
    dedupeKey: `wage_escalation:${s.id}:${level}`,
    at: now,
  });
}
