// Message-centre texts for application events (and the SMS for the key ones: invited, hired,
// shift reminder). Called inside the transition's transaction, so a rolled-back transition
// sends nothing.
import { and, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { findEmployerById, findMembersOfEmployer } from '../employers/index.js';
import { findJobById, findJobsStartingOn } from '../jobs/index.js';
import { notify, notifyOnce, type NotifyInput } from '../notifications/index.js';
import { findWorkerById, findWorkersByIds } from '../workers/index.js';
import type { ApplicationRow, ApplicationStatus, Side } from './applications.repository.js';
import { applications } from './applications.schema.js';
import { shanghaiDayPlus } from '../../platform/reporting/shanghai-time.js';

const WORKER_LINK = '/me/applications';
const employerLink = (jobId: string) => `/employer/jobs/${jobId}/applicants`;
const mmdd = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const reasonOf = (reason: string | null | undefined) => (reason ? `，原因：${reason}` : '');

type Notice = Omit<NotifyInput, 'userId' | 'refType' | 'refId'>;

/** What each side is told when an application moves to `to` (null: nobody). */
function noticesFor(
  to: ApplicationStatus,
  from: ApplicationStatus | null,
  side: Side,
  job: { id: string; title: string; startDate: string },
  employerName: string,
  reason: string | null | undefined,
): { worker?: Notice; employer?: Notice } {
  const t = `“${job.title}”`;
  switch (to) {
    case 'invited':
      return {
        worker: {
          kind: 'invited',
          title: '用工邀请',
          body: `${employerName}邀请您参加${t}（${mmdd(job.startDate)}开工），请在“我的报名”中接受或谢绝。`,
          link: WORKER_LINK,
          sms: true,
          smsTemplate: {
            code: 'invited',
            params: { employer: employerName, job: job.title, date: mmdd(job.startDate) },
          },
        },
      };
    case 'applied':
      return from === 'invited'
        ? {
            employer: {
              kind: 'application',
              title: '邀请已接受',
              body: `一位求职者接受了您对${t}的邀请，请及时录用。`,
              link: employerLink(job.id),
            },
          }
        : {
            employer: {
              kind: 'application',
              title: '新的报名',
              body: `有求职者报名了${t}，请及时查看。`,
              link: employerLink(job.id),
            },
          };
    case 'hired':
      return {
        worker: {
          kind: 'hired',
          title: '您已被录用',
          body: `恭喜！${employerName}录用了您（${t}，${mmdd(job.startDate)}开工），请在“我的报名”中确认。`,
          link: WORKER_LINK,
          sms: true,
          smsTemplate: { code: 'hired', params: { employer: employerName, job: job.title, date: mmdd(job.startDate) } },
        },
      };
    case 'confirmed':
      return {
        employer: {
          kind: 'application_update',
          title: '求职者已确认',
          body: `被录用的求职者已确认${t}，将按时到岗。`,
          link: employerLink(job.id),
        },
      };
    case 'declined':
      return side === 'employer'
        ? {
            worker: {
              kind: 'application_update',
              title: '未被录用',
              body: `很遗憾，${t}未录用您${reasonOf(reason)}。看看其他岗位吧。`,
              link: WORKER_LINK,
            },
          }
        : {
            employer: {
              kind: 'application_update',
              title: '邀请被谢绝',
              body: `求职者谢绝了${t}的邀请${reasonOf(reason)}。`,
              link: employerLink(job.id),
            },
          };
    case 'withdrawn':
      return {
        employer: {
          kind: 'application_update',
          title: '报名已撤回',
          body: `一位求职者撤回了${t}的报名${reasonOf(reason)}。`,
          link: employerLink(job.id),
        },
      };
    case 'cancelled':
      return side === 'employer'
        ? {
            worker: {
              kind: 'application_update',
              title: '录用已取消',
              body: `${employerName}取消了${t}的录用${reasonOf(reason)}。`,
              link: WORKER_LINK,
              sms: true,
            },
          }
        : {
            employer: {
              kind: 'application_update',
              title: '求职者取消',
              body: `被录用的求职者取消了${t}${reasonOf(reason)}，岗位已重新开放名额。`,
              link: employerLink(job.id),
            },
          };
    default:
      // completed / no_show / working are announced by the modules that cause them.
      return {};
  }
}

async function memberUserIds(tx: DbOrTx, employerId: string): Promise<string[]> {
  return (await findMembersOfEmployer(tx, employerId)).map((m) => m.userId);
}

/**
 * Tell the other side about an application event, in the caller's transaction. The worker gets a
 * message (and an SMS for invited / hired / cancelled by the employer); the employer's members
 * each get one.
 */
export async function noticeApplicationEvent(
  tx: DbOrTx,
  app: ApplicationRow,
  from: ApplicationStatus | null,
  side: Side,
  reason?: string | null,
): Promise<void> {
  const job = await findJobById(tx, app.jobId);
  if (!job) return;
  const employer = await findEmployerById(tx, app.employerId);
  const notices = noticesFor(app.status, from, side, job, employer?.name ?? '用工单位', reason);
  const ref = { refType: 'application', refId: app.id };
  if (notices.worker) {
    const worker = await findWorkerById(tx, app.workerId);
    if (worker?.userId) await notify(tx, { ...notices.worker, ...ref, userId: worker.userId });
  }
  if (notices.employer) {
    for (const userId of await memberUserIds(tx, app.employerId))
      await notify(tx, { ...notices.employer, ...ref, userId });
  }
}

/** The calendar date in Asia/Shanghai (UTC+8, no DST) of an instant, `days` later. */
export function shanghaiDate(at: Date, days = 0): string {
  return shanghaiDayPlus(at, days);
}

/**
 * 开工提醒: for hired / confirmed applications whose job starts tomorrow (Asia/Shanghai), a message
 * and an SMS to the worker, once per application and date. Returns how many were sent.
 */
export async function sendShiftReminders(db: Db, now: Date): Promise<number> {
  const tomorrow = shanghaiDate(now, 1);
  // Jobs and workers are read through their owners' index.ts: the jobs starting tomorrow, their
  // hired / confirmed applications, then the workers' accounts.
  const jobs = new Map((await findJobsStartingOn(db, tomorrow)).map((j) => [j.id, j]));
  if (jobs.size === 0) return 0;
  const apps = await db
    .select({ appId: applications.id, jobId: applications.jobId, workerId: applications.workerId })
    .from(applications)
    .where(and(inArray(applications.status, ['hired', 'confirmed']), inArray(applications.jobId, [...jobs.keys()])));
  const users = new Map(
    (await findWorkersByIds(db, [...new Set(apps.map((a) => a.workerId))])).map((w) => [w.id, w.userId]),
  );
  let sent = 0;
  for (const a of apps) {
    const job = jobs.get(a.jobId);
    const userId = users.get(a.workerId);
    if (!job || !userId) continue;
    const r = { appId: a.appId, title: job.title, address: job.address, workHours: job.workHours };
    const hours = r.workHours ? ` ${r.workHours}` : '';
    const id = await db.transaction((tx) =>
      notifyOnce(tx, {
        userId,
        kind: 'shift_reminder',
        title: '明日开工提醒',
        body: `明天（${mmdd(tomorrow)}${hours}）“${r.title}”开工，地点：${r.address}，请按时到岗。`,
        link: WORKER_LINK,
        refType: 'application',
        refId: r.appId,
        sms: true,
        smsTemplate: {
          code: 'shift_reminder',
          params: { date: `${mmdd(tomorrow)}${hours}`, job: r.title, place: r.address },
        },
        dedupeKey: `shift:${r.appId}:${tomorrow}`,
      }),
    );
    if (id) sent += 1;
  }
  return sent;
}
