import { PRIVACY_POLICY_VERSION, type WorkerProfile } from '@lingong/contracts';
import { maskIdNumber } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import type { CertificateRow, ConsentRow, SkillRow } from './worker-profile.repository.js';
import { priorityStatusOf } from './priority-review.service.js';
import { ageOn } from './workers.presenter.js';
import type { WorkerRow } from './workers.repository.js';

type CompletenessInput = Pick<
  WorkerProfile,
  'name' | 'phone' | 'homeRegionCode' | 'skills' | 'availability' | 'expectedPay' | 'maxDistanceKm' | 'jobKinds' | 'bio'
> & {
  certificates: readonly unknown[];
  hasIdNumber: boolean;
};

/** Each part of the profile, its weight (sums to 100) and the hint shown while it is missing. */
const PARTS: { weight: number; done: (p: CompletenessInput) => boolean; hint: string }[] = [
  { weight: 10, done: (p) => p.name.length > 0, hint: '填写真实姓名' },
  { weight: 15, done: (p) => p.hasIdNumber, hint: '填写身份证号码，实名后雇主更放心' },
  { weight: 5, done: (p) => Boolean(p.phone), hint: '填写联系电话' },
  { weight: 10, done: (p) => Boolean(p.homeRegionCode), hint: '选择家住哪个乡镇、村' },
  { weight: 20, done: (p) => p.skills.length > 0, hint: '添加会做的工种和干了几年' },
  { weight: 5, done: (p) => p.certificates.length > 0, hint: '有证书就填上，能接更多活' },
  {
    weight: 10,
    done: (p) => p.availability.weekdays.length > 0 || p.availability.dayParts.length > 0,
    hint: '选择哪几天、什么时段能干活',
  },
  { weight: 10, done: (p) => p.expectedPay !== null, hint: '填写期望工资' },
  { weight: 5, done: (p) => p.maxDistanceKm !== null, hint: '填写最远愿意去多远' },
  { weight: 5, done: (p) => p.jobKinds.length > 0, hint: '选择想找长期工还是零工' },
  { weight: 5, done: (p) => p.bio.length > 0, hint: '写一句自我介绍' },
];

/** Completeness score 0-100 and the Chinese hints for what is missing, biggest gain first. */
export function completenessOf(p: CompletenessInput): { score: number; hints: string[] } {
  let score = 0;
  const missing: { weight: number; hint: string }[] = [];
  for (const part of PARTS) {
    if (part.done(p)) score += part.weight;
    else missing.push(part);
  }
  missing.sort((a, b) => b.weight - a.weight);
  return { score, hints: missing.map((m) => m.hint) };
}

/** The verification state of the declared priority groups as the worker sees it. */
function priorityReviewOf(row: WorkerRow): WorkerProfile['priorityReview'] {
  const status = priorityStatusOf(row);
  return {
    status,
    verifiedGroups: row.priorityGroupsVerified.filter((g) => row.priorityGroups.includes(g)),
    reason: status === 'rejected' ? row.priorityGroupsReviewReason : null,
  };
}

function presentConsents(consents: ConsentRow[]) {
  return consents.map((c) => ({ kind: c.kind, version: c.version, grantedAt: c.grantedAt.toISOString() }));
}

/** The profile as its owner sees it: own name and phone in full, ID number masked. */
export function presentWorkerProfile(
  input: {
    row: WorkerRow;
    skills: SkillRow[];
    certificates: CertificateRow[];
    consents: ConsentRow[];
    regionName: string;
    occupationNames: Map<string, string>;
    now: Date;
  },
  pii: Pii,
): WorkerProfile {
  const { row } = input;
  const base = {
    exists: true,
    id: row.id,
    name: pii.decrypt(row.nameEnc),
    idNumberMasked: row.idNumberEnc ? maskIdNumber(pii.decrypt(row.idNumberEnc)) : null,
    gender: row.gender,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, input.now),
    phone: row.phoneEnc ? pii.decrypt(row.phoneEnc) : null,
    ethnicity: row.ethnicity,
    education: parseEducation(row.education),
    homeRegionCode: row.homeRegionCode,
    homeRegionName: input.regionName,
    skills: input.skills.map((s) => ({
      occupationId: s.occupationId,
      occupationName: input.occupationNames.get(s.occupationId) ?? '',
      years: s.years,
    })),
    certificates: input.certificates.map((c) => ({
      id: c.id,
      name: c.name,
      level: c.level,
      number: c.number,
      photoFileId: c.photoFileId,
      reviewStatus: c.reviewStatus,
      reviewReason: c.reviewStatus === 'rejected' ? c.reviewReason : null,
    })),
    availability: {
      weekdays: row.availabilityWeekdays,
      dayParts: row.availabilityDayParts.filter(isDayPart),
      earliestStart: row.earliestStart,
    },
    expectedPay:
      row.expectedPayFen !== null && row.expectedPayUnit
        ? { minFen: row.expectedPayFen, unit: row.expectedPayUnit }
        : null,
    maxDistanceKm: row.maxDistanceKm,
    jobKinds: row.jobKinds.filter((k): k is 'contract' | 'flexible' => k === 'contract' || k === 'flexible'),
    priorityGroups: row.priorityGroups,
    priorityGroupsVerified: row.priorityGroupsVerifiedAt !== null,
    priorityReview: priorityReviewOf(row),
    trainingIntentions: row.trainingIntentions,
    bio: row.bio,
    consents: presentConsents(input.consents),
    privacyPolicyVersion: PRIVACY_POLICY_VERSION,
    updatedAt: row.updatedAt.toISOString(),
  };
  return { ...base, completeness: completenessOf({ ...base, hasIdNumber: row.idNumberEnc !== null }) };
}

/** Before the first save: an empty profile with the login phone filled in. */
export function presentEmptyProfile(phone: string, consents: ConsentRow[]): WorkerProfile {
  const base = {
    exists: false,
    id: null,
    name: '',
    idNumberMasked: null,
    gender: null,
    birthDate: null,
    age: null,
    phone,
    ethnicity: '',
    education: null,
    homeRegionCode: null,
    homeRegionName: null,
    skills: [],
    certificates: [],
    availability: { weekdays: [], dayParts: [], earliestStart: null },
    expectedPay: null,
    maxDistanceKm: null,
    jobKinds: [],
    priorityGroups: [],
    priorityGroupsVerified: false,
    priorityReview: { status: 'none' as const, verifiedGroups: [], reason: null },
    trainingIntentions: [],
    bio: '',
    consents: presentConsents(consents),
    privacyPolicyVersion: PRIVACY_POLICY_VERSION,
    updatedAt: null,
  };
  return { ...base, completeness: completenessOf({ ...base, hasIdNumber: false }) };
}

const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night']);
function isDayPart(v: string): v is 'morning' | 'afternoon' | 'evening' | 'night' {
  return DAY_PARTS.has(v);
}
const EDUCATION = ['primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master'] as const;
function parseEducation(v: string | null): (typeof EDUCATION)[number] | null {
  return EDUCATION.find((e) => e === v) ?? null;
}
