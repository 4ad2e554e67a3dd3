import type { CollectionFollowup, CollectionMember, Household } from '@lingong/contracts';
import { maskAddress, maskName, maskPhone } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import type { FollowupRow, HouseholdListRow, MemberRow } from './collection.repository.js';
import { type Reveal, revealer } from '../../platform/reporting/index.js';

/** How collected personal data leaves the server: masked, or in full for a permitted, audited export. */
export type CollectionReveal = Reveal & { address(enc: string): string; contact(enc: string | null): string };

export function collectionRevealer(pii: Pii, full: boolean): CollectionReveal {
  const base = revealer(pii, full);
  return {
    ...base,
    address: (enc) => (full ? pii.decrypt(enc) : maskAddress(pii.decrypt(enc))),
    contact: (enc) => {
      if (!enc) return '';
      const plain = pii.decrypt(enc);
      if (full) return plain;
      return /^\d{7,}$/.test(plain) ? maskPhone(plain) : maskName(plain);
    },
  };
}

/** Whole years between a birth date and a day ('YYYY-MM-DD'). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function presentHousehold(r: HouseholdListRow, reveal: CollectionReveal, names: Map<string, string>): Household {
  const h = r.h;
  return {
    id: h.id,
    villageCode: h.villageCode,
    villageName: names.get(h.villageCode) ?? h.villageCode,
    headNameMasked: reveal.name(h.headNameEnc),
    addressMasked: reveal.address(h.addressEnc),
    memberCount: h.memberCount,
    collectedMembers: r.collectedMembers,
    zeroEmployment: h.zeroEmployment,
    zeroEmploymentDerived: h.zeroEmploymentDerived,
    zeroEmploymentOverride: h.zeroEmploymentOverride,
    collectedOn: h.collectedOn,
    note: h.note,
    recorderName: r.recorderName,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

export function presentMember(m: MemberRow, reveal: CollectionReveal, today: string): CollectionMember {
  return {
    id: m.id,
    householdId: m.householdId,
    nameMasked: reveal.name(m.nameEnc),
    idNumberMasked: reveal.idNumber(m.idNumberEnc) ?? '',
    phoneMasked: reveal.phone(m.phoneEnc),
    gender: m.gender,
    age: ageOn(m.birthDate, today),
    relation: m.relation,
    status: m.status,
    migrantDestination: m.migrantDestination,
    migrantTrade: m.migrantTrade,
    migrantContactMasked: reveal.contact(m.migrantContactEnc),
    needs: m.needs as CollectionMember['needs'],
    needNote: m.needNote,
  };
}

export function presentFollowup(f: FollowupRow, recorderName: string | null): CollectionFollowup {
  return {
    id: f.id,
    householdId: f.householdId,
    followedOn: f.followedOn,
    content: f.content,
    nextDate: f.nextDate,
    recorderName,
    createdAt: f.createdAt.toISOString(),
  };
}
