/** 画像 (console): profile search and detail, tags, priority-group review, saved segments. */
import type {
  AddTagBody,
  PriorityReviewBody,
  ProfileDetail,
  ProfileRow,
  Segment,
  SegmentBody,
  SegmentCount,
  SegmentCountBody,
  SegmentList,
  TagNames,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/profiles`;
const SEGMENTS = `${ADMIN}/segments`;

export const listProfiles = (query: ListQuery) => api.get<Paged<ProfileRow>>(BASE, query);
/** Tag names for the pickers: system tags and the staff tags used in the region. */
export const listTagNames = () => api.get<TagNames>(`${BASE}/tag-names`);
export const getProfile = (id: string) => api.get<ProfileDetail>(`${BASE}/${id}`);
export const addProfileTag = (id: string, body: AddTagBody) => api.post<ProfileDetail>(`${BASE}/${id}/tags`, body);
export const removeProfileTag = (id: string, tagId: string) => api.delete<ProfileDetail>(`${BASE}/${id}/tags/${tagId}`);
export const reviewPriorityGroups = (id: string, body: FormBody<PriorityReviewBody>) =>
  api.post<ProfileDetail>(`${BASE}/${id}/priority-review`, body);

export const listSegments = () => api.get<SegmentList>(SEGMENTS);
/** Live count of the workers a filter matches (before saving it as a segment). */
export const countSegment = (body: FormBody<SegmentCountBody>) => api.post<SegmentCount>(`${SEGMENTS}/count`, body);
export const createSegment = (body: FormBody<SegmentBody>) => api.post<Segment>(SEGMENTS, body);
export const deleteSegment = (id: string) => api.delete<unknown>(`${SEGMENTS}/${id}`);
export const listSegmentMembers = (id: string, query: ListQuery) =>
  api.get<Paged<ProfileRow>>(`${SEGMENTS}/${id}/members`, query);
