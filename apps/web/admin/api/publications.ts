/** 信息发布 (console): list, write/edit drafts, review workflow, publish log, poster and WeChat exports. */
import type { Publication, PublicationBody, PublicationLogList, RejectPublicationBody } from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/publications`;

/** Workflow steps without a body (a rejection carries a reason: `rejectPublication`). */
export type PublicationAction = 'submit' | 'approve' | 'unpublish';
/** The exports of an approved or published item. */
export type PublicationExport = 'poster' | 'wechat';

export const listPublications = (query: ListQuery) => api.get<Paged<Publication>>(BASE, query);
export const createPublication = (body: FormBody<PublicationBody>) => api.post<Publication>(BASE, body);
export const updatePublication = (id: string, body: FormBody<PublicationBody>) =>
  api.put<Publication>(`${BASE}/${id}`, body);
export const publicationAction = (id: string, action: PublicationAction) =>
  api.post<Publication>(`${BASE}/${id}/${action}`);
export const rejectPublication = (id: string, body: RejectPublicationBody) =>
  api.post<Publication>(`${BASE}/${id}/reject`, body);
export const listPublicationLogs = (id: string) => api.get<PublicationLogList>(`${BASE}/${id}/logs`);
/** Download path of the poster (PDF) or the WeChat article (HTML). */
export const publicationExportPath = (id: string, what: PublicationExport) =>
  `${BASE}/${id}/${what === 'poster' ? 'poster.pdf' : 'wechat.html'}`;
