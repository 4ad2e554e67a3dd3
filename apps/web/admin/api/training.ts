/** 职业技能培训 (console): providers, courses, needs, push to workers, enrolments, class sessions. */
import type {
  ClassSession,
  ClassSessionList,
  CreateCourseBody,
  CreateProviderBody,
  CreateSessionBody,
  EnrolmentList,
  PushResult,
  TrainingCourse,
  TrainingNeed,
  TrainingProvider,
} from '@lingong/contracts';
import { ADMIN, api, withQuery, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/training`;

export const listTrainingProviders = (query: ListQuery) => api.get<Paged<TrainingProvider>>(`${BASE}/providers`, query);
export const createTrainingProvider = (body: FormBody<CreateProviderBody>) =>
  api.post<TrainingProvider>(`${BASE}/providers`, body);
export const listCourses = (query: ListQuery) => api.get<Paged<TrainingCourse>>(`${BASE}/courses`, query);
export const createCourse = (body: FormBody<CreateCourseBody>) => api.post<TrainingCourse>(`${BASE}/courses`, body);
export const listTrainingNeeds = (query: ListQuery) => api.get<Paged<TrainingNeed>>(`${BASE}/needs`, query);
/** How many workers a push would reach: those with a matching need, or a saved segment's members. */
export const previewCoursePush = (id: string, segmentId?: string) =>
  api.get<PushResult>(`${BASE}/courses/${id}/push-preview`, { segmentId });
export const pushCourse = (id: string, segmentId?: string) =>
  api.post<PushResult>(withQuery(`${BASE}/courses/${id}/push`, { segmentId }), {});
export const listEnrolments = (id: string) => api.get<EnrolmentList>(`${BASE}/courses/${id}/enrolments`);
export const listClassSessions = (id: string) => api.get<ClassSessionList>(`${BASE}/courses/${id}/sessions`);
export const createClassSession = (id: string, body: FormBody<CreateSessionBody>) =>
  api.post<ClassSession>(`${BASE}/courses/${id}/sessions`, body);
