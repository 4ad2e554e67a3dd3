import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import type { WAGE_ESCALATION_LEVELS } from '@lingong/contracts';
import { shanghaiDay } from '../../platform/reporting/index.js';
import { enqueue } from '../../platform/queue/index.js';
import { backgroundJobs } from '../../platform/queue/queue.schema.js';
import { requirePermission, scopeLikePattern, type StaffActor } from '../../platform/rbac/actor.js';
import { recordCreditEvent, subjectInfos } from '../credit/index.js';
import { fileWageGrievanceForWorker, isGrievanceUnresolved } from '../grievances/index.js';
import { findJobById } from '../jobs/index.js';
import { notify } from '../notifications/index.js';
import { getSetting } from '../settings/index.js';
import { findWorkersByIds } from '../workers/index.js';
import { addDays, yuan } from './wage-calc.js';
import { messageStaffOnDuty } from './wage-escalation-staff.js';
import { wageEscalations, wageStatements } from './wages.schema.js';

type Level = (typeof WAGE_ESCALATION_LEVELS)[number];
const LEVEL_LABELS: Record<Level, string> = {
  station: '零工驿站',
  county: '县就业服务中心',
  inspection: '劳动保障监察',
};

/** The outbox kind the provincial exchange (数智人社) delivers; until it exists the records wait, visibly. */
export const EXCHANGE_WAGE_GRIEVANCE = 'exchange.wage_grievance';

async function escalate(
  tx: DbOrTx,
  pii: Pii,
  s: typeof wageStatements.$inferSelect,
  grievanceId: string,
  level: Level,
  now: Date,
): Promise<boolean> {
  const [row] = await tx
    .insert(wageEscalations)
    .values({ statementId: s.id, grievanceId, level, at: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return false;
  await enqueue(tx, {
    kind: EXCHANGE_WAGE_GRIEVANCE,
    dedupeKey: `${EXCHANGE_WAGE_GRIEVANCE}:${s.id}:${level}`,
    payload: {
      target: 'gx_szrs',
      type: 'wage_grievance',
      level,
      grievanceId,
      statementId: s.id,
      regionCode: s.townCode,
      amountFen: s.totalFen,
      dueDate: s.dueDate,
      at: now.toISOString(),
    },
  });
  await messageStaffOnDuty(tx, s, grievanceId, level, now);
  if (level !== 'station') {
    const employerUsers = (await subjectInfos(tx, pii, 'employer', [s.employerId])).get(s.employerId)?.userIds ?? [];
    const workerUsers = (await subjectInfos(tx, pii, 'worker', [s.workerId])).get(s.workerId)?.userIds ?? [];
    const body = `欠薪投诉（${yuan(s.totalFen)}元，应付日${s.dueDate}）仍未解决，已升级至${LEVEL_LABELS[level]}处理。`;
    for (const userId of [...new Set([...employerUsers, ...workerUsers])])
      await notify(tx, {
        userId,
        kind: 'system',
        title: '欠薪投诉升级',
        body,
        link: `/grievances/${grievanceId}`,
        refType: 'grievance',
        refId: grievanceId,
        sms: true,
        at: now,
      });
  }
  return true;
}

/**
 * 欠薪巡查 (background, hourly): a statement issued or confirmed but unpaid past its pay day plus
 * the grace days files a wage grievance for the worker (credit event for the employer, outbox
 * record for the province); an unresolved one climbs the ladder after the configured days.
 * Idempotent: one grievance per statement, one escalation per level.
 */
export async function sweepOverdueWages(db: Db, pii: Pii, now: Date): Promise<{ filed: number; escalated: number }> {
  const rules = await getSetting(db, 'wageRules');
  const today = shanghaiDay(now);
  const overdue = await db
    .select()
    .from(wageStatements)
    .where(
      and(
        inArray(wageStatements.status, ['issued', 'confirmed']),
        isNull(wageStatements.grievanceId),
        lt(wageStatements.dueDate, addDays(today, -rules.graceDays)),
      ),
    )
    .limit(500);
  let filed = 0;
  const workers = new Map(
    (await findWorkersByIds(db, [...new Set(overdue.map((s) => s.workerId))])).map((w) => [w.id, w]),
  );
  for (const s of overdue) {
    const worker = workers.get(s.workerId);
    if (!worker?.userId) continue; // a walk-in without an account: the console ledger shows it overdue
    const job = await findJobById(db, s.jobId);
    await db.transaction(async (tx) => {
      const grievanceId = await fileWageGrievanceForWorker(tx, pii, {
        applicationId: s.applicationId,
        jobId: s.jobId,
        jobTitle: job?.title ?? '',
        workerId: s.workerId,
        workerUserId: worker.userId as string,
        employerId: s.employerId,
        regionCode: s.townCode,
        content: `系统自动提交：${s.periodStart}至${s.periodEnd}的工资${yuan(s.totalFen)}元，应付日${s.dueDate}，逾期未付。`,
        now,
      });
      if (!grievanceId) return;
      await tx.update(wageStatements).set({ grievanceId, updatedAt: now }).where(eq(wageStatements.id, s.id));
      await recordCreditEvent(tx, {
        subjectType: 'employer',
        subjectId: s.employerId,
        kind: 'wage_overdue',
        refType: 'wage_statement',
        refId: s.id,
        reason: `工资${yuan(s.totalFen)}元逾期未付（应付日${s.dueDate}）`,
        at: now,
      });
      await escalate(tx, pii, s, grievanceId, 'station', now);
      filed += 1;
    });
  }

  let escalated = 0;
  const open = await db
    .select()
    .from(wageStatements)
    .where(
      and(isNotNull(wageStatements.grievanceId), inArray(wageStatements.status, ['issued', 'confirmed', 'disputed'])),
    )
    .limit(500);
  for (const s of open) {
    const grievanceId = s.grievanceId as string;
    if (!(await isGrievanceUnresolved(db, grievanceId))) continue;
    const steps = await db.select().from(wageEscalations).where(eq(wageEscalations.statementId, s.id));
    const filedAt = steps.find((e) => e.level === 'station')?.at;
    if (!filedAt) continue;
    const days = (now.getTime() - filedAt.getTime()) / 86_400_000;
    const due: Level[] = [];
    if (days >= rules.escalateAfterDays.county) due.push('county');
    if (days >= rules.escalateAfterDays.inspection) due.push('inspection');
    for (const level of due)
      if (!steps.some((e) => e.level === level))
        await db.transaction(async (tx) => {
          if (await escalate(tx, pii, s, grievanceId, level, now)) escalated += 1;
        });
  }
  return { filed, escalated };
}

/** Escalation steps of statements, for the console drawer and the ledger. */
export async function escalationsOf(db: DbOrTx, statementIds: string[]) {
  if (!statementIds.length) return [];
  return db.select().from(wageEscalations).where(inArray(wageEscalations.statementId, statementIds));
}

/**
 * 欠薪投诉上报 for the console's 数据交换 page: the outbox records (EXCHANGE_WAGE_GRIEVANCE) in the
 * staff member's region, newest first; they stay queued until the provincial interface exists.
 */
export async function wageGrievanceOutbox(db: Db, actor: StaffActor) {
  requirePermission(actor, 'exchange.read');
  const rows = await db
    .select()
    .from(backgroundJobs)
    .where(
      and(
        eq(backgroundJobs.kind, EXCHANGE_WAGE_GRIEVANCE),
        sql`${backgroundJobs.payload}->>'regionCode' like ${scopeLikePattern(actor)}`,
      ),
    )
    .orderBy(desc(backgroundJobs.createdAt), desc(backgroundJobs.id))
    .limit(200);
  return {
    items: rows.map((r) => {
      const p = r.payload;
      const level = String(p.level) as Level;
      return {
        id: String(r.id),
        level,
        levelLabel: LEVEL_LABELS[level] ?? level,
        grievanceId: String(p.grievanceId),
        statementId: String(p.statementId),
        regionCode: String(p.regionCode),
        amountFen: Number(p.amountFen),
        dueDate: String(p.dueDate),
        state: r.state,
        createdAt: r.createdAt.toISOString(),
      };
    }),
  };
}
