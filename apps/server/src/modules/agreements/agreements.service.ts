import { type AgreementStatus, type AgreementVerification } from '@lingong/contracts';
import { JOB_KIND_LABELS, SETTLEMENT_LABELS, WAGE_UNIT_LABELS } from '@lingong/contracts/labels';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { consumeSmsCode, sendSmsCode } from '../../platform/auth/sms-codes.js';
import { sm3Hex } from '../../platform/auth/tokens.js';
import { maskName, maskPhone } from '../../platform/crypto/mask.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import type { SmsProvider } from '../../platform/sms/sms-provider.js';
import { findUserById } from '../accounts/index.js';
import { applicationLinks } from './application-links.js';
import { findJobById, loadJobNames } from '../jobs/index.js';
import { notify } from '../notifications/index.js';
import { findWorkerById } from '../workers/index.js';
import { getSetting } from '../settings/index.js';
import { fillTemplate } from './agreement-template.js';
import { presentAgreement, presentVerification } from './agreements.presenter.js';
import * as repo from './agreements.repository.js';
import { shanghaiDay } from '../../platform/reporting/shanghai-time.js';

export type AgreementsDeps = { db: Db; pii: Pii; sms: SmsProvider; smsIpLimitPerHour: number; now: () => Date };
type Meta = { ip: string; requestId?: string };
type Side = 'worker' | 'employer';

const yuan = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);

/**
 * Generate the agreement of a just-hired application inside the hiring transaction: fill the
 * newest template with the job's and parties' terms, freeze the text (encrypted) with its SM3
 * hash, and tell both sides to sign (message + SMS). A second call for the same application is a no-op.
 */
export async function generateAgreement(
  tx: DbOrTx,
  input: { applicationId: string; employerUserId: string; pii: Pii; now: Date },
): Promise<void> {
  const app = await applicationLinks().findApplication(tx, input.applicationId);
  if (!app || (await repo.findByApplication(tx, app.id))) return;
  // One transaction is one connection: its queries run one after another.
  const job = await findJobById(tx, app.jobId);
  const worker = await findWorkerById(tx, app.workerId);
  if (!job || !worker) return;
  const names = (await loadJobNames(tx, [job]))(job);
  const template = await repo.latestTemplate(tx);
  const year = Number(shanghaiDay(input.now).slice(0, 4));
  const number = `LZXY-${year}-${String(await repo.nextSerial(tx, year)).padStart(6, '0')}`;
  const workerName = input.pii.decrypt(worker.nameEnc);
  // The rate agreed at hire when there is one; the posting's range only for older hires.
  const wage =
    app.agreedWageFen != null
      ? `${yuan(app.agreedWageFen)}元/${WAGE_UNIT_LABELS[job.wageUnit]}（录用时约定）`
      : job.wageMinFen === job.wageMaxFen
        ? `${yuan(job.wageMinFen)}元/${WAGE_UNIT_LABELS[job.wageUnit]}`
        : `${yuan(job.wageMinFen)}-${yuan(job.wageMaxFen)}元/${WAGE_UNIT_LABELS[job.wageUnit]}`;
  const text = fillTemplate(template.body, {
    number,
    employerName: names.employer,
    workerName,
    workerIdNote: worker.idLast4 ? `（身份证号后四位：${worker.idLast4}）` : '',
    jobTitle: job.title,
    occupation: `${names.occupation}，${JOB_KIND_LABELS[job.kind]}`,
    description: job.description || '按甲方安排',
    requirements: job.requirements,
    startDate: job.startDate,
    endDate: job.endDate ?? '完工为止',
    workHours: job.workHours || '按甲方安排',
    town: names.town,
    address: job.address,
    wage,
    settlement:
      app.payWithinDays != null
        ? `${SETTLEMENT_LABELS[job.settlement]}，工资支付日：每个结算周期结束后${app.payWithinDays}日内`
        : SETTLEMENT_LABELS[job.settlement],
    generatedDate: shanghaiDay(input.now),
  });
  const row = await repo.insertAgreement(tx, {
    number,
    applicationId: app.id,
    jobId: job.id,
    employerId: app.employerId,
    workerId: app.workerId,
    templateId: template.id,
    templateVersion: template.version,
    title: template.title,
    textEnc: input.pii.encrypt(text),
    textHash: sm3Hex(text),
    workerNameMasked: maskName(workerName) ?? '',
    employerName: names.employer,
    jobTitle: job.title,
    createdAt: input.now,
    updatedAt: input.now,
  });
  if (!row) return;
  const link = `/applications/${app.id}`;
  const body = `${names.employer}「${job.title}」的工作协议（${number}）已生成，请在平台阅读并签署。`;
  const smsTemplate = { code: 'agreement_to_sign', params: { job: job.title, number } };
  if (worker.userId)
    await notify(tx, {
      userId: worker.userId,
      kind: 'agreement_to_sign',
      title: '请签署工作协议',
      body,
      link,
      refType: 'agreement',
      refId: row.id,
      sms: true,
      smsTemplate,
      at: input.now,
    });
  await notify(tx, {
    userId: input.employerUserId,
    kind: 'agreement_to_sign',
    title: '请签署工作协议',
    body,
    link,
    refType: 'agreement',
    refId: row.id,
    sms: true,
    smsTemplate,
    at: input.now,
  });
}

/** The application's agreement after checking the caller is one of its parties (else 404). */
async function loadForParty(
  db: DbOrTx,
  actor: UserActor,
  applicationId: string,
): Promise<{ ag: repo.AgreementRow; side: Side }> {
  const side = await applicationLinks().sideOf(db, actor, applicationId);
  const ag = await repo.findByApplication(db, applicationId);
  if (!ag) throw new AppError('NOT_FOUND', { message: '该报名还没有工作协议（录用后生成）' });
  return { ag, side };
}

function signedAt(ag: repo.AgreementRow, side: Side): Date | null {
  return side === 'worker' ? ag.workerSignedAt : ag.employerSignedAt;
}

function assertCanSign(ag: repo.AgreementRow, side: Side): void {
  if (signedAt(ag, side)) throw new AppError('INVALID_STATE', { message: '您已签署该协议' });
  if (ag.status !== 'draft' && ag.status !== 'signed_by_one')
    throw new AppError('INVALID_STATE', { message: '协议已终止或已履行，不能签署' });
}

export async function getAgreement(deps: AgreementsDeps, actor: UserActor, applicationId: string) {
  const { ag, side } = await loadForParty(deps.db, actor, applicationId);
  return presentAgreement(ag, deps.pii.decrypt(ag.textEnc), side);
}

/** Send the signing code to the caller's own phone, once they have read the text and consented. */
export async function requestSignCode(deps: AgreementsDeps, actor: UserActor, applicationId: string, meta: Meta) {
  const { ag, side } = await loadForParty(deps.db, actor, applicationId);
  assertCanSign(ag, side);
  const user = await findUserById(deps.db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const phone = deps.pii.decrypt(user.phoneEnc);
  const textTemplate = (await getSetting(deps.db, 'smsTemplates')).sign;
  const sent = await sendSmsCode({
    db: deps.db,
    sms: deps.sms,
    phone,
    phoneHash: user.phoneHash,
    purpose: 'sign',
    ip: meta.ip,
    ipLimitPerHour: deps.smsIpLimitPerHour,
    now: deps.now(),
    textTemplate,
  });
  return { ...sent, phoneMasked: maskPhone(phone) ?? '' };
}

/**
 * Sign with the SMS code and the hash of the text the signer saw. The hash must match the frozen
 * text; the second signature makes the agreement `signed` and tells both sides.
 */
export async function signAgreement(
  deps: AgreementsDeps,
  actor: UserActor,
  applicationId: string,
  body: { code: string; textHash: string },
  meta: Meta,
) {
  const { ag, side } = await loadForParty(deps.db, actor, applicationId);
  assertCanSign(ag, side);
  if (body.textHash !== ag.textHash) throw AppError.field('textHash', '协议内容与您阅读的版本不一致，请刷新后重新阅读');
  const user = await findUserById(deps.db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const now = deps.now();
  await consumeSmsCode({ db: deps.db, phoneHash: user.phoneHash, purpose: 'sign', code: body.code, now });
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.lockByApplication(tx, applicationId);
    if (!current) throw new AppError('NOT_FOUND', { message: '协议不存在' });
    assertCanSign(current, side);
    const other = side === 'worker' ? current.employerSignedAt : current.workerSignedAt;
    const status = other ? 'signed' : 'signed_by_one';
    const updated = await repo.updateAgreement(tx, current.id, {
      status,
      updatedAt: now,
      ...(side === 'worker'
        ? { workerSignedAt: now, workerSignedUserId: actor.id }
        : { employerSignedAt: now, employerSignedUserId: actor.id }),
    });
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'agreement.sign',
      entity: 'agreement',
      entityId: current.id,
      details: { side, number: current.number, textHash: current.textHash },
      ip: meta.ip,
      requestId: meta.requestId ?? null,
    });
    if (status === 'signed') {
      const workerUserId = side === 'worker' ? actor.id : (await findWorkerById(tx, current.workerId))?.userId;
      const employerUserId = side === 'employer' ? actor.id : current.employerSignedUserId;
      const body = `工作协议 ${current.number}（${current.jobTitle}）双方已签署完成。`;
      for (const userId of new Set([workerUserId, employerUserId])) {
        if (userId)
          await notify(tx, {
            userId,
            kind: 'agreement_signed',
            title: '工作协议已签署',
            body,
            link: `/applications/${applicationId}`,
            refType: 'agreement',
            refId: current.id,
            at: now,
          });
      }
    }
    return updated;
  });
  return presentAgreement(row, deps.pii.decrypt(row.textEnc), side);
}

/** The agreement text for the PDF (parties only). */
export async function agreementForPdf(deps: AgreementsDeps, actor: UserActor, applicationId: string) {
  const { ag } = await loadForParty(deps.db, actor, applicationId);
  return { ag, text: deps.pii.decrypt(ag.textEnc) };
}

/** Public check by number and hash: valid when both match a stored agreement. */
export async function verifyAgreement(db: DbOrTx, number: string, hash: string): Promise<AgreementVerification> {
  const ag = await repo.findByNumber(db, number);
  return presentVerification(number, ag && ag.textHash === hash ? ag : undefined);
}

/** Application cancelled: an unfinished agreement is terminated (inside the caller's tx). */
export async function terminateAgreement(tx: DbOrTx, applicationId: string, now: Date): Promise<void> {
  await repo.setStatusWhere(tx, applicationId, ['draft', 'signed_by_one', 'signed'], 'terminated', now);
}

/** Work completed: a signed agreement is fulfilled. */
export async function fulfilAgreement(tx: DbOrTx, applicationId: string, now: Date): Promise<void> {
  await repo.setStatusWhere(tx, applicationId, ['signed'], 'fulfilled', now);
}

/** The hire's agreement number and state for staff views (null when none was generated). */
export async function agreementSummaryOf(
  db: DbOrTx,
  applicationId: string,
): Promise<{ number: string; status: AgreementStatus } | null> {
  const row = await repo.findByApplication(db, applicationId);
  return row ? { number: row.number, status: row.status } : null;
}
