import { AGREEMENT_STATUS_LABELS, type Agreement, type AgreementVerification } from '@lingong/contracts';
import type { AgreementRow } from './agreements.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The public verify page's address for an agreement (number and hash in the query). */
export function verifyPath(row: Pick<AgreementRow, 'number' | 'textHash'>): string {
  return `/verify?number=${encodeURIComponent(row.number)}&hash=${row.textHash}`;
}

/** The agreement for one of its parties (the text names them both in full). */
export function presentAgreement(row: AgreementRow, text: string, side: 'worker' | 'employer'): Agreement {
  const mine = side === 'worker' ? row.workerSignedAt : row.employerSignedAt;
  return {
    id: row.id,
    number: row.number,
    applicationId: row.applicationId,
    status: row.status,
    statusLabel: AGREEMENT_STATUS_LABELS[row.status],
    templateVersion: row.templateVersion,
    title: row.title,
    text,
    textHash: row.textHash,
    workerSignedAt: iso(row.workerSignedAt),
    employerSignedAt: iso(row.employerSignedAt),
    createdAt: row.createdAt.toISOString(),
    mySide: side,
    canSign: !mine && (row.status === 'draft' || row.status === 'signed_by_one'),
    verifyUrl: verifyPath(row),
  };
}

/** What anyone may learn by number + hash: masked parties, job, signing times, validity. */
export function presentVerification(number: string, row: AgreementRow | undefined): AgreementVerification {
  if (!row) {
    return {
      valid: false,
      message: '未找到与该编号和摘要相符的协议，协议可能被篡改或编号有误',
      number,
      status: null,
      statusLabel: null,
      jobTitle: null,
      employerName: null,
      workerName: null,
      workerSignedAt: null,
      employerSignedAt: null,
    };
  }
  const signed = row.status === 'signed' || row.status === 'fulfilled';
  return {
    valid: true,
    message: signed ? '协议真实有效，双方均已签署' : `协议真实，当前状态：${AGREEMENT_STATUS_LABELS[row.status]}`,
    number: row.number,
    status: row.status,
    statusLabel: AGREEMENT_STATUS_LABELS[row.status],
    jobTitle: row.jobTitle,
    employerName: row.employerName,
    workerName: row.workerNameMasked,
    workerSignedAt: iso(row.workerSignedAt),
    employerSignedAt: iso(row.employerSignedAt),
  };
}
