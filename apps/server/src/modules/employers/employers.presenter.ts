import type { Employer, Invitation } from '@lingong/contracts';
import { maskIdNumber, maskPhone } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import type { EmployerRow, InvitationRow } from './employers.repository.js';

/** An employer as its members see it (contact phone in full, ID number masked). */
export function presentEmployer(
  row: EmployerRow,
  pii: Pii,
  townName: string,
  myRole: 'owner' | 'member' | null,
): Employer {
  const phone = row.contactPhoneEnc ? pii.decrypt(row.contactPhoneEnc) : null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    uscc: row.uscc,
    idNumberMasked: row.idNumberEnc ? maskIdNumber(pii.decrypt(row.idNumberEnc)) : null,
    townCode: row.townCode,
    townName,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    industry: row.industry ?? '',
    size: row.size,
    contactName: row.contactName,
    contactPhone: myRole ? phone : maskPhone(phone),
    verificationStatus: row.verificationStatus,
    verificationReason: row.verificationReason,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    myRole,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Staff view: contact phone masked. */
export function presentEmployerForStaff(row: EmployerRow, pii: Pii, townName: string) {
  const { myRole: _omit, ...rest } = presentEmployer(row, pii, townName, null);
  return rest;
}

export function presentInvitation(row: InvitationRow, pii: Pii, employerName: string): Invitation {
  return {
    id: row.id,
    employerId: row.employerId,
    employerName,
    phoneMasked: maskPhone(pii.decrypt(row.phoneEnc)),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}
