/** 专项招聘活动 and 送工 (console): events, check-in code, attendees, outcomes; deliveries and confirmations. */
import type {
  CheckinToken,
  ConfirmDeliveryBody,
  CreateEventBody,
  Delivery,
  EventAttendeeList,
  EventOutcomeBody,
  RecruitmentEvent,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/events`;
const DELIVERIES = `${ADMIN}/deliveries`;

export const listEvents = (query: ListQuery) => api.get<Paged<RecruitmentEvent>>(BASE, query);
export const createEvent = (body: FormBody<CreateEventBody>) => api.post<RecruitmentEvent>(BASE, body);
export const listEventAttendees = (id: string) => api.get<EventAttendeeList>(`${BASE}/${id}/attendees`);
/** The rotating check-in QR token (renewed every 5 minutes). */
export const getCheckinToken = (id: string) => api.get<CheckinToken>(`${BASE}/${id}/checkin-token`);
export const setEventOutcome = (id: string, body: EventOutcomeBody) =>
  api.put<RecruitmentEvent>(`${BASE}/${id}/outcome`, body);

export const listDeliveries = (query: ListQuery) => api.get<Paged<Delivery>>(DELIVERIES, query);
export const confirmDelivery = (id: string, body: FormBody<ConfirmDeliveryBody>) =>
  api.post<Delivery>(`${DELIVERIES}/${id}/confirmations`, body);
