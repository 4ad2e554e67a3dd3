import {
  EducationLevel,
  PRIVACY_POLICY_VERSION,
  type AdminWorkerDetail,
  type AdminWorkerSearchQuery,
  type AdminWorkerUpdateBody,
  type CounterWorkerBody,
} from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { discardFile, storeImage } from '../../platform/files/files.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import { findStaffNames } from '../accounts/index.js';
import { findOccupationNames, findRegionLabels } from '../reference/index.js';
import { profileColumns, validateProfileFields } from './worker-profile.service.js';
import * as profileRepo from './worker-profile.repository.js';
import { presentAdminWorkerSummary } from './workers-admin.presenter.js';
import * as repo from './workers-admin.repository.js';
import { findWorkerById, type WorkerRow } from './workers.repository.js';
import type { WorkersDeps } from './workers.service.js';
import { creditScoresOf } from '../credit/index.js';

type Meta = { ip?: string; requestId?: string };
type FileDeps = WorkersDeps & { dataDir: string };
const SIGNATURE_PURPOSE = 'consent_signature';
export const MAX_SIGNATURE_BYTES = 300 * 1024;
/** Non-personal fields whose old and new values go to the audit log; PII changes are named only. */
const PLAIN_FIELDS = [
  'homeRegionCode',
  'ethnicity',
  'education',
  'occupationIds',
  'priorityGroups',
  'expectedPayFen',
  'expectedPayUnit',
  'maxDistanceKm',
  'jobKinds',
  'trainingIntentions',
  'availabilityWeekdays',
  'availabilityDayParts',
  'earliestStart',
  'bio',
] as const;
const PII_FIELDS = [
  ['nameEnc', 'name'],
  ['phoneHash', 'phone'],
  ['idNumberHash', 'idNumber'],
] as const;

/** Rows of a page, presented with place and 工种 names. */
export async function presentWorkerRows(deps: WorkersDeps, rows: WorkerRow[]) {
  const [regions, trades] = await Promise.all([
    findRegionLabels(
      deps.db,
      rows.map((r) => r.homeRegionCode),
    ),
    findOccupationNames(
      deps.db,
      rows.flatMap((r) => r.occupationIds),
    ),
  ]);
  const now = deps.now();
  return rows.map((r) =>
    presentAdminWorkerSummary(r, deps.pii, regions.get(r.homeRegionCode) ?? r.homeRegionCode, trades, now),
  );
}

/**
 * Search job seekers in the staff member's region by the indexed fields: phone (exact, blind
 * index), ID last 4, 工种, town, priority group. Names are encrypted and not searchable.
 */
export async function searchWorkersForStaff(
  deps: WorkersDeps,
  actor: StaffActor,
  q: z.output<typeof AdminWorkerSearchQuery>,
) {
  requirePermission(actor, 'workers.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return emptyPage<Awaited<ReturnType<typeof presentSearchRows>>[number]>(q);
  const phoneHash = q.phone ? deps.pii.index('phone', q.phone) : undefined;
  const filter = {
    regionPattern,
    phoneHash,
    idLast4: q.idLast4,
    occupationId: q.occupationId,
    priorityGroup: q.priorityGroup,
  };
  return paged(q, async (slice) => {
    const { items, total } = await repo.findWorkersSearchPage(deps.db, filter, slice);
    return { items: await presentSearchRows(deps, items), total };
  });
}

/** Search rows: the presented summary with the worker's credit level. */
async function presentSearchRows(deps: WorkersDeps, rows: WorkerRow[]) {
  const credit = await creditScoresOf(
    deps.db,
    'worker',
    rows.map((r) => r.id),
  );
  return (await presentWorkerRows(deps, rows)).map((w) => ({
    ...w,
    creditLevel: credit.get(w.id)?.level ?? null,
  }));
}

async function loadInScope(deps: WorkersDeps, actor: StaffActor, id: string) {
  const row = await findWorkerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  return row;
}

/** The detail drawer: the masked profile, skills, certificates, consents and who registered it. */
export async function getWorkerDetailForStaff(
  deps: WorkersDeps,
  actor: StaffActor,
  id: string,
): Promise<AdminWorkerDetail> {
  requirePermission(actor, 'workers.read');
  const row = await loadInScope(deps, actor, id);
  const [skills, certificates, online, counter] = await Promise.all([
    profileRepo.findSkills(deps.db, id),
    profileRepo.findCertificates(deps.db, id),
    row.userId ? profileRepo.findConsents(deps.db, row.userId) : Promise.resolve([]),
    repo.findRegistrationConsents(deps.db, id),
  ]);
  const staffIds = [
    ...counter.map((c) => c.recordedByStaffId),
    ...(row.registeredByStaffId ? [row.registeredByStaffId] : []),
  ];
  const [staffNames, trades, [summary]] = await Promise.all([
    findStaffNames(deps.db, staffIds),
    findOccupationNames(
      deps.db,
      skills.map((s) => s.occupationId),
    ),
    presentWorkerRows(deps, [row]),
  ]);
  if (!summary) throw new AppError('NOT_FOUND');
  return {
    ...summary,
    ethnicity: row.ethnicity,
    education: EducationLevel.nullable().catch(null).parse(row.education),
    priorityGroupsVerified: row.priorityGroupsVerifiedAt !== null,
    skills: skills.map((s) => ({
      occupationId: s.occupationId,
      occupationName: trades.get(s.occupationId) ?? '',
      years: s.years,
    })),
    certificates: certificates.map((c) => ({ id: c.id, name: c.name, level: c.level, number: c.number })),
    consents: [
      ...counter.map((c) => ({
        kind: 'counter_registration',
        version: c.policyVersion,
        method: c.method,
        signatureFileId: c.signatureFileId,
        recordedByName: staffNames.get(c.recordedByStaffId) ?? null,
        at: c.createdAt.toISOString(),
      })),
      ...online.map((c) => ({
        kind: c.kind,
        version: c.version,
        method: 'online' as const,
        signatureFileId: null,
        recordedByName: null,
        at: c.grantedAt.toISOString(),
      })),
    ],
    registeredByStaffName: row.registeredByStaffId ? (staffNames.get(row.registeredByStaffId) ?? null) : null,
    hasAccount: row.userId !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * 代登记: staff register a walk-in worker in their region, with the worker's consent (an on-screen
 * signature stored as a file, or a signed paper form). The channel is 'station' for a station
 * agent, 'counter' otherwise; the registering staff member is recorded.
 */
export async function registerWorkerAtCounter(
  deps: FileDeps,
  actor: StaffActor,
  body: z.output<typeof CounterWorkerBody>,
  meta: Meta,
) {
  requirePermission(actor, 'workers.write');
  assertWritableRegion(actor, body.homeRegionCode);
  await validateProfileFields(deps, body, undefined, { kind: 'staff', id: actor.id });
  const columns = profileColumns(deps, body, body.phone ?? null);
  const consent = body.consent;
  const signature =
    consent.method === 'signature'
      ? await storeImage(
          { db: deps.db, dataDir: deps.dataDir, pii: deps.pii },
          {
            ownerKind: 'staff',
            ownerId: actor.id,
            purpose: SIGNATURE_PURPOSE,
            bytes: Buffer.from(consent.signatureDataUrl.slice(consent.signatureDataUrl.indexOf(',') + 1), 'base64'),
            maxBytes: MAX_SIGNATURE_BYTES,
            field: 'consent.signatureDataUrl',
          },
        )
      : null;
  const channel =
    actor.roles.includes('station_agent') && !actor.roles.includes('counter_staff')
      ? ('station' as const)
      : ('counter' as const);
  const now = deps.now();
  const fileDeps = { db: deps.db, dataDir: deps.dataDir, pii: deps.pii };
  // A registration that fails after the signature was stored takes the signature with it.
  const id = await deps.db
    .transaction(async (tx) => {
      const row = await profileRepo.insertProfile(tx, {
        ...columns,
        channel,
        registeredByStaffId: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await profileRepo.replaceSkillsAndCertificates(tx, row.id, body.skills, body.certificates);
      await repo.insertRegistrationConsent(tx, {
        workerId: row.id,
        method: consent.method,
        signatureFileId: signature?.id ?? null,
        policyVersion: PRIVACY_POLICY_VERSION,
        recordedByStaffId: actor.id,
        createdAt: now,
      });
      await writeAudit(tx, {
        actor,
        action: 'counter_register',
        entity: 'worker',
        entityId: row.id,
        regionCode: row.homeRegionCode,
        details: { channel, consent: consent.method, signatureFileId: signature?.id ?? null },
        ...meta,
      });
      return row.id;
    })
    .catch(async (err: unknown) => {
      if (signature) await discardFile(fileDeps, signature.id);
      // The same ID number registered at the same moment elsewhere: the answer the checks give.
      if (body.idNumber && isUniqueViolation(err))
        throw AppError.field('idNumber', '该身份证号码已登记，请到零工驿站或服务窗口核实');
      throw err;
    });
  return getWorkerDetailForStaff(deps, actor, id);
}

/** A unique-index violation (SQLSTATE 23505), possibly wrapped by the query builder. */
function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

/** The changes between two rows: old → new for plain fields, names only for personal fields. */
export function diffForAudit(old: WorkerRow, next: Partial<WorkerRow>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of PLAIN_FIELDS) {
    if (!(f in next)) continue;
    if (JSON.stringify(old[f]) !== JSON.stringify(next[f])) changes[f] = { from: old[f], to: next[f] };
  }
  const piiChanged: string[] = [];
  for (const [col, label] of PII_FIELDS) {
    if (col === 'nameEnc') continue;
    if (col in next && old[col] !== next[col]) piiChanged.push(label);
  }
  return { changes, piiChanged };
}

/**
 * A staff edit of a profile in their region (it may not move out of it). Skills and certificates
 * are replaced; the audit entry keeps old → new of plain fields and the names of changed PII.
 */
export async function updateWorkerByStaff(
  deps: FileDeps,
  actor: StaffActor,
  id: string,
  body: z.output<typeof AdminWorkerUpdateBody>,
  meta: Meta,
) {
  requirePermission(actor, 'workers.write');
  const old = await loadInScope(deps, actor, id);
  assertWritableRegion(actor, body.homeRegionCode);
  await validateProfileFields(deps, body, id, { kind: 'staff', id: actor.id });
  const phone = body.phone ?? (old.phoneEnc ? deps.pii.decrypt(old.phoneEnc) : null);
  const columns = { ...profileColumns(deps, body, phone), updatedAt: deps.now() };
  const { changes, piiChanged } = diffForAudit(old, columns);
  if (deps.pii.decrypt(old.nameEnc) !== body.name) piiChanged.unshift('name');
  await deps.db.transaction(async (tx) => {
    await profileRepo.updateProfile(tx, id, columns);
    await profileRepo.replaceSkillsAndCertificates(tx, id, body.skills, body.certificates);
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'worker',
      entityId: id,
      regionCode: body.homeRegionCode,
      details: { changes, piiChanged },
      ...meta,
    });
  });
  return getWorkerDetailForStaff(deps, actor, id);
}
