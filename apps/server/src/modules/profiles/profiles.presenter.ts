import type { ProfileRow, Segment, SegmentFilter } from '@lingong/contracts';
import { maskName, maskPhone } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import { ageOn, completenessOf, priorityStatusOf, type WorkerRow } from '../workers/index.js';
import type { SegmentRow, TagRow } from './profiles.repository.js';

/** Completeness 0-100 of a profile row, by the same weights the worker sees (worker-profile.presenter). */
export function completenessOfRow(row: WorkerRow, certificateCount: number) {
  return completenessOf({
    name: 'x',
    phone: row.phoneEnc ? 'x' : null,
    homeRegionCode: row.homeRegionCode,
    skills: row.occupationIds.map((occupationId) => ({ occupationId, occupationName: '', years: 0 })),
    certificates: Array.from({ length: certificateCount }, (_v, i) => ({
      id: String(i),
      name: '',
      level: '',
      number: '',
      photoFileId: null,
    })),
    availability: {
      weekdays: row.availabilityWeekdays.length > 0 || row.availabilityDayParts.length > 0 ? [1] : [],
      dayParts: [],
      earliestStart: null,
    },
    expectedPay: row.expectedPayFen !== null ? { minFen: row.expectedPayFen, unit: 'day' } : null,
    maxDistanceKm: row.maxDistanceKm,
    jobKinds: row.jobKinds.length > 0 ? ['flexible'] : [],
    bio: row.bio,
    hasIdNumber: row.idNumberEnc !== null,
  });
}

export type ProfileContext = {
  regionName: string;
  occupationNames: string[];
  systemTags: string[];
  staffTags: TagRow[];
  certificateCount: number;
};

/** A 画像 row: masked identity, groups with their verification, system and staff tags, completeness. */
export function presentProfileRow(row: WorkerRow, ctx: ProfileContext, pii: Pii, now: Date): ProfileRow {
  return {
    id: row.id,
    nameMasked: maskName(pii.decrypt(row.nameEnc)) ?? '',
    phoneMasked: row.phoneEnc ? maskPhone(pii.decrypt(row.phoneEnc)) : null,
    gender: row.gender,
    age: ageOn(row.birthDate, now),
    homeRegionCode: row.homeRegionCode,
    homeRegionName: ctx.regionName,
    occupationNames: ctx.occupationNames,
    priorityGroups: row.priorityGroups,
    priorityGroupsVerified: row.priorityGroupsVerified.filter((g) => row.priorityGroups.includes(g)),
    priorityStatus: priorityStatusOf(row),
    priorityReviewReason: row.priorityGroupsReview === 'rejected' ? row.priorityGroupsReviewReason : null,
    systemTags: [...ctx.systemTags, ...ctx.occupationNames],
    staffTags: ctx.staffTags.map((t) => ({ id: t.id, name: t.name })),
    completeness: completenessOfRow(row, ctx.certificateCount).score,
  };
}

export function presentSegment(row: SegmentRow, count: number, createdByName: string | null): Segment {
  const filter: SegmentFilter = row.filter;
  return {
    id: row.id,
    name: row.name,
    filter,
    regionCode: row.regionCode,
    count,
    createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}
