import { PRIVACY_POLICY_VERSION, parseIdNumber, type ConsentBody, type WorkerProfileBody } from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { findFile, readFileBytes, storeImage } from '../../platform/files/files.js';
import { findUserById } from '../accounts/index.js';
import {
  findOccupationNames,
  findRegionLabels,
  findRegionName,
  isWithinRegion,
  listOccupations,
} from '../reference/index.js';
import { presentEmptyProfile, presentWorkerProfile } from './worker-profile.presenter.js';
import * as repo from './worker-profile.repository.js';
import type { WorkersDeps } from './workers.service.js';

type Meta = { ip?: string; requestId?: string };
const CERTIFICATE_PHOTO = 'certificate_photo';
/** Largest certificate photo accepted (the app shrinks photos to about 200 KB). */
export const MAX_PHOTO_BYTES = 700 * 1024;
type Body = z.output<typeof WorkerProfileBody>;

/** Only places in the deployment's county are valid home regions (鹿寨县). */
const COUNTY_CODE = '450223000000';
/** Daily equivalents used to compare expected pay across units (8-hour day, 22 working days). */
const DAILY_FACTOR: Record<'hour' | 'day' | 'piece' | 'month', number> = { hour: 8, day: 1, piece: 1, month: 1 / 22 };

async function loginPhone(deps: WorkersDeps, userId: string): Promise<string> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return deps.pii.decrypt(user.phoneEnc);
}

/** The caller's own profile (个人画像), or an empty one before the first save. */
export async function getMyProfile(deps: WorkersDeps, actor: UserActor) {
  const row = await repo.findProfileByUserId(deps.db, actor.id);
  const consents = await repo.findConsents(deps.db, actor.id);
  if (!row) return presentEmptyProfile(await loginPhone(deps, actor.id), consents);
  const [skills, certificates, labels] = await Promise.all([
    repo.findSkills(deps.db, row.id),
    repo.findCertificates(deps.db, row.id),
    findRegionLabels(deps.db, [row.homeRegionCode]),
  ]);
  const occupationNames = await findOccupationNames(
    deps.db,
    skills.map((s) => s.occupationId),
  );
  return presentWorkerProfile(
    {
      row,
      skills,
      certificates,
      consents,
      regionName: labels.get(row.homeRegionCode) ?? '',
      occupationNames,
      now: deps.now(),
    },
    deps.pii,
  );
}

/** Record a consent (privacy policy, or the separate consent to process the ID number). */
export async function giveConsent(deps: WorkersDeps, actor: UserActor, body: ConsentBody, meta: Meta) {
  if (body.version !== PRIVACY_POLICY_VERSION)
    throw AppError.field('version', `请阅读并同意最新版本（${PRIVACY_POLICY_VERSION}）`);
  if (!(await repo.findConsent(deps.db, actor.id, body.kind, body.version))) {
    await deps.db.transaction(async (tx) => {
      await repo.insertConsent(tx, {
        userId: actor.id,
        kind: body.kind,
        version: body.version,
        ip: meta.ip ?? null,
        grantedAt: deps.now(),
      });
      await writeAudit(tx, {
        actor,
        action: 'consent',
        entity: 'user',
        entityId: actor.id,
        details: { kind: body.kind, version: body.version },
        ...meta,
      });
    });
  }
  return getMyProfile(deps, actor);
}

async function validate(deps: WorkersDeps, actor: UserActor, body: Body, selfId: string | undefined) {
  const missing: FieldError[] = [];
  if (!(await repo.findConsent(deps.db, actor.id, 'privacy_policy', PRIVACY_POLICY_VERSION)))
    missing.push({ field: 'consents.privacy_policy', message: '请先阅读并同意《隐私政策》' });
  if (body.idNumber && !(await repo.findConsent(deps.db, actor.id, 'id_data', PRIVACY_POLICY_VERSION)))
    missing.push({ field: 'consents.id_data', message: '填写身份证号码前，请单独同意《身份信息处理授权》' });
  if (missing.length > 0) throw new AppError('CONSENT_REQUIRED', { details: missing });

  await validateProfileFields(deps, body, selfId, { kind: 'user', id: actor.id });
}

/**
 * The field rules of a profile, whoever saves it: a home place in the county, existing 工种,
 * certificate photos owned by the saver, and an ID number not registered to another profile.
 */
export async function validateProfileFields(
  deps: WorkersDeps,
  body: Body,
  selfId: string | undefined,
  photoOwner: { kind: 'user' | 'staff'; id: string },
) {
  const errors: FieldError[] = [];
  const regionOk =
    isWithinRegion(COUNTY_CODE, body.homeRegionCode) &&
    (await findRegionName(deps.db, body.homeRegionCode)) !== undefined;
  if (!regionOk || body.homeRegionCode === COUNTY_CODE)
    errors.push({ field: 'homeRegionCode', message: '请选择本县的乡镇或村' });
  const trades = new Map((await listOccupations(deps.db)).map((o) => [o.id, o]));
  body.skills.forEach((s, i) => {
    const o = trades.get(s.occupationId);
    if (!o || o.isCategory) errors.push({ field: `skills.${i}.occupationId`, message: '工种不存在，请重新选择' });
  });
  for (const [i, c] of body.certificates.entries()) {
    if (!c.photoFileId) continue;
    const file = await findFile(deps.db, c.photoFileId);
    if (
      !file ||
      file.ownerKind !== photoOwner.kind ||
      file.ownerId !== photoOwner.id ||
      file.purpose !== CERTIFICATE_PHOTO
    )
      errors.push({ field: `certificates.${i}.photoFileId`, message: '照片不存在，请重新上传' });
  }
  if (body.availability.earliestStart && Number.isNaN(Date.parse(body.availability.earliestStart)))
    errors.push({ field: 'availability.earliestStart', message: '日期不正确' });
  if (body.idNumber) {
    const other = await repo.findProfileByIdHash(deps.db, deps.pii.index('id_number', body.idNumber));
    if (other && other.id !== selfId)
      errors.push({ field: 'idNumber', message: '该身份证号码已登记，请到零工驿站或服务窗口核实' });
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { details: errors });
}

export function idColumns(deps: WorkersDeps, idNumber: string | null | undefined) {
  if (idNumber === undefined) return {};
  if (idNumber === null) return { idNumberEnc: null, idNumberHash: null, idLast4: null, gender: null, birthDate: null };
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw AppError.field('idNumber', parsed.reason);
  return {
    idNumberEnc: deps.pii.encrypt(parsed.value.normalized),
    idNumberHash: deps.pii.index('id_number', parsed.value.normalized),
    idLast4: parsed.value.normalized.slice(-4),
    gender: parsed.value.gender,
    birthDate: parsed.value.birthDate,
  };
}

/** The columns of a profile body (PII encrypted, pay normalised to a daily figure). */
export function profileColumns(deps: WorkersDeps, body: Body, phone: string | null) {
  const pay = body.expectedPay;
  return {
    nameEnc: deps.pii.encrypt(body.name),
    phoneEnc: phone ? deps.pii.encrypt(phone) : null,
    phoneHash: phone ? deps.pii.index('phone', phone) : null,
    ethnicity: body.ethnicity,
    education: body.education,
    homeRegionCode: body.homeRegionCode,
    occupationIds: body.skills.map((s) => s.occupationId),
    priorityGroups: body.priorityGroups,
    availabilityWeekdays: [...body.availability.weekdays].sort(),
    availabilityDayParts: body.availability.dayParts,
    earliestStart: body.availability.earliestStart,
    expectedPayFen: pay?.minFen ?? null,
    expectedPayUnit: pay?.unit ?? null,
    expectedDailyWageFen: pay ? Math.round(pay.minFen * DAILY_FACTOR[pay.unit]) : null,
    maxDistanceKm: body.maxDistanceKm,
    jobKinds: body.jobKinds,
    trainingIntentions: body.trainingIntentions,
    bio: body.bio,
    ...idColumns(deps, body.idNumber),
  };
}

/**
 * Save the whole profile. Needs the current privacy-policy consent, and the separate ID-data
 * consent when an ID number is given; gender and birth date come from the ID number.
 * Skills and certificates are replaced; rejected input changes nothing.
 */
export async function saveMyProfile(deps: WorkersDeps, actor: UserActor, body: Body, meta: Meta) {
  const existing = await repo.findProfileByUserId(deps.db, actor.id);
  await validate(deps, actor, body, existing?.id);
  const phone = body.phone ?? (await loginPhone(deps, actor.id));
  const now = deps.now();
  const columns = { ...profileColumns(deps, body, phone), updatedAt: now };

  await deps.db.transaction(async (tx) => {
    const row = existing
      ? await repo.updateProfile(tx, existing.id, columns)
      : await repo.insertProfile(tx, { ...columns, userId: actor.id, channel: 'online', createdAt: now });
    await repo.replaceSkillsAndCertificates(tx, row.id, body.skills, body.certificates);
    await writeAudit(tx, {
      actor,
      action: existing ? 'update' : 'create',
      entity: 'worker',
      entityId: row.id,
      regionCode: row.homeRegionCode,
      details: { self: true, idNumberChanged: body.idNumber !== undefined },
      ...meta,
    });
  });
  return getMyProfile(deps, actor);
}

/** Store a certificate photo of the caller; the profile then refers to it by `photoFileId`. */
export async function uploadCertificatePhoto(
  deps: WorkersDeps & { dataDir: string },
  actor: UserActor,
  imageBase64: string,
) {
  const row = await storeImage(
    { db: deps.db, dataDir: deps.dataDir, pii: deps.pii },
    {
      ownerKind: 'user',
      ownerId: actor.id,
      purpose: CERTIFICATE_PHOTO,
      bytes: Buffer.from(imageBase64, 'base64'),
      maxBytes: MAX_PHOTO_BYTES,
      field: 'image',
    },
  );
  return { fileId: row.id, mime: row.mime, sizeBytes: row.sizeBytes };
}

/** The caller's own certificate photo; anyone else's does not exist. */
export async function readCertificatePhoto(deps: WorkersDeps & { dataDir: string }, actor: UserActor, fileId: string) {
  const row = await findFile(deps.db, fileId);
  if (!row || row.ownerKind !== 'user' || row.ownerId !== actor.id || row.purpose !== CERTIFICATE_PHOTO)
    throw new AppError('NOT_FOUND');
  return { mime: row.mime, bytes: await readFileBytes(deps, row) };
}
