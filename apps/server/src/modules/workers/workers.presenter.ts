import type { WorkerPii, WorkerSummary } from '@lingong/contracts';
import { maskIdNumber, maskName, maskPhone } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import type { WorkerRow } from './workers.repository.js';

/** Whole years between a birth date (YYYY-MM-DD) and now. */
export function ageOn(birthDate: string | null, now: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  if (!y || !m || !d) return null;
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age -= 1;
  return age;
}

/** The list view: every personal field masked. */
export function presentWorkerSummary(row: WorkerRow, pii: Pii, regionName: string, now: Date): WorkerSummary {
  return {
    id: row.id,
    nameMasked: maskName(pii.decrypt(row.nameEnc)) ?? '',
    phoneMasked: row.phoneEnc ? maskPhone(pii.decrypt(row.phoneEnc)) : null,
    idNumberMasked: row.idNumberEnc ? maskIdNumber(pii.decrypt(row.idNumberEnc)) : null,
    gender: row.gender,
    age: ageOn(row.birthDate, now),
    homeRegionCode: row.homeRegionCode,
    homeRegionName: regionName,
    channel: row.channel,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentWorkerPii(row: WorkerRow, pii: Pii): WorkerPii {
  return {
    id: row.id,
    name: pii.decrypt(row.nameEnc),
    phone: row.phoneEnc ? pii.decrypt(row.phoneEnc) : null,
    idNumber: row.idNumberEnc ? pii.decrypt(row.idNumberEnc) : null,
  };
}
