import type {
  CreateCourseBody,
  CreateNeedBody,
  CreateProviderBody,
  CreateSessionBody,
  EnrolBody,
  PushResult,
  TrainingListQuery,
  TrainingNeed,
} from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskName } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import { enqueue } from '../../platform/queue/index.js';
import {
  assertWritableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { paged, type PageQuery } from '../../platform/reporting/index.js';
import { findNeeds, findWorkersNeedingTrade } from './training-needs.repository.js';
import { isWithinRegion, regionPrefix } from '../reference/index.js';
import { resolveSegment, segmentRegion } from '../profiles/index.js';
import { findWorkerNames, findWorkersByIds, findWorkerTrainingRef } from '../workers/index.js';
import * as repo from './training.repository.js';
import { presentCourse, presentEnrolment, presentProvider, presentSession } from './training.presenter.js';

export type TrainingDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };

/** The division codes above a scope (province, city, county, town): their courses serve the scope too. */
export function ancestorsOf(regionCode: string): string[] {
  const prefix = regionPrefix(regionCode);
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => prefix.slice(0, n).padEnd(12, '0'));
}
const visibleFrom = (actor: StaffActor, regionCode: string) =>
  isWithinRegion(actor.regionCode, regionCode) || ancestorsOf(actor.regionCode).includes(regionCode);

/** A course the actor may see (its region or above); otherwise NOT_FOUND. */
async function visibleCourse(deps: TrainingDeps, actor: StaffActor, id: string) {
  const course = await repo.findCourse(deps.db, id);
  if (!course || !visibleFrom(actor, course.regionCode)) throw new AppError('NOT_FOUND');
  return course;
}

async function workerInScope(deps: TrainingDeps, actor: StaffActor, workerId: string) {
  const worker = await findWorkerTrainingRef(deps.db, workerId);
  if (!worker || !isWithinRegion(actor.regionCode, worker.homeRegionCode))
    throw AppError.field('workerId', '求职者不存在或不在管辖区域内');
  return worker;
}

/** Register a training provider in the actor's region; audited. */
export async function createProvider(deps: TrainingDeps, actor: StaffActor, body: CreateProviderBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  assertWritableRegion(actor, body.regionCode);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertProvider(tx, { ...body, recorderStaffId: actor.id });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'training_provider',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { name: row.name },
      ...meta,
    });
    return presentProvider(row);
  });
}

export async function listProviders(deps: TrainingDeps, actor: StaffActor, q: PageQuery) {
  requirePermission(actor, 'dashboard.read');
  return paged(q, async (slice) => {
    const { items, total } = await repo.findProviders(
      deps.db,
      scopeLikePattern(actor),
      ancestorsOf(actor.regionCode),
      slice,
    );
    return { items: items.map(presentProvider), total };
  });
}

/** Publish a course of a visible provider in the actor's region; a self-paid course carries no eligibility rule. */
export async function createCourse(deps: TrainingDeps, actor: StaffActor, body: CreateCourseBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  assertWritableRegion(actor, body.regionCode);
  const provider = await repo.findProvider(deps.db, body.providerId);
  if (!provider || !visibleFrom(actor, provider.regionCode)) throw AppError.field('providerId', '培训机构不存在');
  if (body.funding === 'self_paid' && body.eligibleGroups.length > 0)
    throw AppError.field('eligibleGroups', '自主培训不设补贴对象');
  const row = await deps.db.transaction(async (tx) => {
    const course = await repo.insertCourse(tx, { ...body, recorderStaffId: actor.id });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'training_course',
      entityId: course.id,
      regionCode: course.regionCode,
      details: { trade: course.trade, title: course.title },
      ...meta,
    });
    return course;
  });
  return presentCourse({ course: row, providerName: provider.name, enrolled: 0, sessionsHeld: 0, recommended: 0 });
}

export async function listCourses(deps: TrainingDeps, actor: StaffActor, q: TrainingListQuery) {
  requirePermission(actor, 'dashboard.read');
  return paged(q, async (slice) => {
    const { items, total } = await repo.findCourses(
      deps.db,
      scopeLikePattern(actor),
      ancestorsOf(actor.regionCode),
      q.trade,
      slice,
    );
    return { items: items.map(presentCourse), total };
  });
}

/** Record a training need (培训需求登记) for a worker in the actor's region; audited. */
export async function recordNeed(
  deps: TrainingDeps,
  actor: StaffActor,
  body: CreateNeedBody,
  meta: Meta,
): Promise<TrainingNeed> {
  requirePermission(actor, 'services.write');
  const worker = await workerInScope(deps, actor, body.workerId);
  const row = await deps.db.transaction(async (tx) => {
    const need = await repo.insertNeed(tx, {
      workerId: worker.id,
      trade: body.trade,
      note: body.note,
      regionCode: worker.homeRegionCode,
      recorderStaffId: actor.id,
      createdAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'training_need',
      entityId: need.id,
      regionCode: need.regionCode,
      details: { workerId: need.workerId, trade: need.trade },
      ...meta,
    });
    return need;
  });
  return {
    id: row.id,
    workerId: row.workerId,
    workerNameMasked: '',
    trade: row.trade,
    source: 'staff',
    regionCode: row.regionCode,
    note: row.note,
    recommended: false,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Training needs in the actor's region: profile intentions and staff records, masked. */
export async function listNeeds(deps: TrainingDeps, actor: StaffActor, q: PageQuery) {
  requirePermission(actor, 'dashboard.read');
  return paged(q, async (slice) => {
    const { items: rows, total } = await findNeeds(deps.db, scopeLikePattern(actor), slice);
    const items: TrainingNeed[] = rows.map((r) => ({
      id: r.id,
      workerId: r.workerId,
      workerNameMasked: maskName(r.nameEnc ? deps.pii.decrypt(r.nameEnc) : null) ?? '',
      trade: r.trade,
      source: r.source,
      regionCode: r.regionCode,
      note: r.note,
      recommended: r.recommended,
      createdAt: r.createdAt.toISOString(),
    }));
    return { items, total };
  });
}

/** Who a push of this course reaches: workers in the actor's region with a need for its 工种. */
/** A saved segment's members inside the actor's scope (画像管理 push target). */
async function segmentTargets(deps: TrainingDeps, actor: StaffActor, segmentId: string) {
  const region = await segmentRegion(deps.db, segmentId);
  if (!region || !isWithinRegion(actor.regionCode, region))
    throw AppError.field('segmentId', '人群分组不存在或不在管辖区域内');
  const workers = await findWorkersByIds(deps.db, (await resolveSegment(deps.db, segmentId, deps.now())) ?? []);
  return workers
    .filter((w) => isWithinRegion(actor.regionCode, w.homeRegionCode))
    .map((w) => ({ workerId: w.id, regionCode: w.homeRegionCode, phoneEnc: w.phoneEnc }));
}

async function pushTargets(deps: TrainingDeps, actor: StaffActor, courseId: string, segmentId?: string) {
  const course = await visibleCourse(deps, actor, courseId);
  const matched = segmentId
    ? await segmentTargets(deps, actor, segmentId)
    : await findWorkersNeedingTrade(deps.db, scopeLikePattern(actor), course.trade);
  const already = await repo.findRecommendedWorkerIds(
    deps.db,
    course.id,
    matched.map((m) => m.workerId),
  );
  return { course, matched, fresh: matched.filter((m) => !already.has(m.workerId)) };
}

/** Preview of a push: how many workers match and how many would receive it now. */
export async function previewPush(
  deps: TrainingDeps,
  actor: StaffActor,
  courseId: string,
  segmentId?: string,
): Promise<PushResult> {
  requirePermission(actor, 'services.write');
  const { matched, fresh } = await pushTargets(deps, actor, courseId, segmentId);
  return {
    courseId,
    matched: matched.length,
    created: fresh.length,
    alreadyRecommended: matched.length - fresh.length,
  };
}

/**
 * Push a course (培训推介): one recommendation per matching worker not yet recommended this
 * course, each with an SMS notice queued in the same transaction; audited once per push.
 */
export async function pushCourse(
  deps: TrainingDeps,
  actor: StaffActor,
  courseId: string,
  meta: Meta,
  segmentId?: string,
): Promise<PushResult> {
  requirePermission(actor, 'services.write');
  const { course, matched, fresh } = await pushTargets(deps, actor, courseId, segmentId);
  const sentAt = deps.now();
  const text = `【鹿寨零工】${course.title}（${course.trade}，${course.startDate}开课，${course.place}，${course.funding === 'subsidised' ? '符合条件可享补贴' : '自主培训'}），报名请到零工市场或驿站。`;
  const created = await deps.db.transaction(async (tx) => {
    const rows = await repo.insertRecommendations(
      tx,
      fresh.map((m) => ({
        courseId: course.id,
        workerId: m.workerId,
        regionCode: m.regionCode,
        recorderStaffId: actor.id,
        sentAt,
      })),
    );
    const phones = new Map(fresh.map((m) => [m.workerId, m.phoneEnc]));
    for (const r of rows) {
      const phoneEnc = phones.get(r.workerId);
      if (phoneEnc)
        await enqueue(tx, {
          kind: 'sms.send',
          payload: { phoneEnc, template: 'notice', params: { text } },
          dedupeKey: `training-rec:${r.id}`,
        });
    }
    await writeAudit(tx, {
      actor,
      action: 'push',
      entity: 'training_course',
      entityId: course.id,
      regionCode: actor.regionCode,
      details: { matched: matched.length, created: rows.length, segmentId: segmentId ?? null },
      ...meta,
    });
    return rows.length;
  });
  return { courseId, matched: matched.length, created, alreadyRecommended: matched.length - created };
}

/** Enrol a worker of the actor's region; subsidised when the course is and the worker meets its rule. */
export async function enrol(deps: TrainingDeps, actor: StaffActor, courseId: string, body: EnrolBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  const course = await visibleCourse(deps, actor, courseId);
  const worker = await workerInScope(deps, actor, body.workerId);
  if ((await repo.countEnrolments(deps.db, course.id)) >= course.capacity)
    throw AppError.field('workerId', '本课程名额已满');
  const eligible =
    course.funding === 'subsidised' &&
    (course.eligibleGroups.length === 0 || worker.priorityGroups.some((g) => course.eligibleGroups.includes(g)));
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertEnrolment(tx, {
      courseId: course.id,
      workerId: worker.id,
      subsidised: eligible,
      regionCode: worker.homeRegionCode,
      recorderStaffId: actor.id,
      enrolledAt: deps.now(),
    });
    if (!row) throw AppError.field('workerId', '该求职者已报名本课程');
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'training_enrolment',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { courseId: course.id, workerId: worker.id, subsidised: eligible },
      ...meta,
    });
    return presentEnrolment(row);
  });
}

/** Record a class session (课时) of a course in the actor's region with the enrolled workers present. */
export async function recordSession(
  deps: TrainingDeps,
  actor: StaffActor,
  courseId: string,
  body: CreateSessionBody,
  meta: Meta,
) {
  requirePermission(actor, 'services.write');
  const course = await visibleCourse(deps, actor, courseId);
  assertWritableRegion(actor, course.regionCode);
  const heldAt = new Date(body.heldAt);
  if (heldAt.getTime() > deps.now().getTime() + 5 * 60_000) throw AppError.field('heldAt', '时间不能晚于当前时间');
  const held = await repo.countSessions(deps.db, course.id);
  if (held >= course.sessionCount) throw AppError.field('heldAt', `本课程共${course.sessionCount}节课，已全部登记`);
  const enrolled = await repo.findEnrolledWorkerIds(deps.db, course.id);
  const present = [...new Set(body.presentWorkerIds)];
  if (present.some((id) => !enrolled.has(id))) throw AppError.field('presentWorkerIds', '出勤人员须为本课程已报名学员');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertSession(tx, {
      courseId: course.id,
      seq: held + 1,
      heldAt,
      topic: body.topic,
      teacher: body.teacher,
      regionCode: course.regionCode,
      recorderStaffId: actor.id,
    });
    await repo.insertAttendance(tx, row.id, present);
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'class_session',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { courseId: course.id, seq: row.seq, present: present.length },
      ...meta,
    });
    return presentSession(row, present.length, enrolled.size);
  });
}

export async function listSessions(deps: TrainingDeps, actor: StaffActor, courseId: string) {
  requirePermission(actor, 'dashboard.read');
  const course = await visibleCourse(deps, actor, courseId);
  const [rows, enrolled] = [
    await repo.findSessions(deps.db, course.id),
    await repo.countEnrolments(deps.db, course.id),
  ];
  return { items: rows.map((r) => presentSession(r.session, r.present, enrolled)) };
}

/** A course's enrolled workers (masked); workers outside the actor's region show no name. */
export async function listEnrolments(deps: TrainingDeps, actor: StaffActor, courseId: string) {
  requirePermission(actor, 'dashboard.read');
  const course = await visibleCourse(deps, actor, courseId);
  const rows = await repo.findEnrolments(deps.db, course.id);
  const names = await findWorkerNames(
    deps.db,
    rows.map((r) => r.workerId),
  );
  return {
    items: rows.map((r) => {
      const w = names.get(r.workerId);
      const visible = w && isWithinRegion(actor.regionCode, w.homeRegionCode);
      return {
        workerId: r.workerId,
        workerNameMasked: visible ? (maskName(deps.pii.decrypt(w.nameEnc)) ?? '') : '（外区域）',
        subsidised: r.subsidised,
        enrolledAt: r.enrolledAt.toISOString(),
      };
    }),
  };
}
