import type { ClassSession, Enrolment, TrainingCourse, TrainingProvider } from '@lingong/contracts';
import type { CourseListRow, EnrolmentRow, ProviderRow, SessionRow } from './training.repository.js';

export function presentProvider(r: ProviderRow): TrainingProvider {
  return { id: r.id, name: r.name, contact: r.contact, regionCode: r.regionCode, createdAt: r.createdAt.toISOString() };
}

export function presentCourse(r: CourseListRow): TrainingCourse {
  const c = r.course;
  return {
    id: c.id,
    providerId: c.providerId,
    providerName: r.providerName,
    trade: c.trade,
    title: c.title,
    hours: c.hours,
    sessionCount: c.sessionCount,
    startDate: c.startDate,
    endDate: c.endDate,
    place: c.place,
    capacity: c.capacity,
    funding: c.funding,
    eligibleGroups: c.eligibleGroups,
    regionCode: c.regionCode,
    enrolled: r.enrolled,
    sessionsHeld: r.sessionsHeld,
    recommended: r.recommended,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentEnrolment(r: EnrolmentRow): Enrolment {
  return {
    id: r.id,
    courseId: r.courseId,
    workerId: r.workerId,
    enrolledAt: r.enrolledAt.toISOString(),
    subsidised: r.subsidised,
  };
}

export function presentSession(s: SessionRow, present: number, enrolled: number): ClassSession {
  return {
    id: s.id,
    courseId: s.courseId,
    seq: s.seq,
    heldAt: s.heldAt.toISOString(),
    topic: s.topic,
    teacher: s.teacher,
    present,
    enrolled,
    regionCode: s.regionCode,
  };
}
