/** 就业信息采集 (console): the household ledger, one household's members and follow-ups, coverage, export. */
import type {
  Coverage,
  CreateCollectionFollowupBody,
  CreateHouseholdBody,
  Household,
  HouseholdDetail,
  MemberBody,
  UpdateHouseholdBody,
  UpdateMemberBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/collection`;
const HOUSEHOLDS = `${BASE}/households`;

/** The Excel export of the ledger (downloaded with the list's filters). */
export const COLLECTION_EXPORT_PATH = `${BASE}/export`;

export const listHouseholds = (query: ListQuery) => api.get<Paged<Household>>(HOUSEHOLDS, query);
export const getHousehold = (id: string) => api.get<HouseholdDetail>(`${HOUSEHOLDS}/${id}`);
export const createHousehold = (body: FormBody<CreateHouseholdBody>) => api.post<HouseholdDetail>(HOUSEHOLDS, body);
export const updateHousehold = (id: string, body: FormBody<UpdateHouseholdBody>) =>
  api.patch<HouseholdDetail>(`${HOUSEHOLDS}/${id}`, body);
export const addHouseholdMember = (id: string, body: FormBody<MemberBody>) =>
  api.post<HouseholdDetail>(`${HOUSEHOLDS}/${id}/members`, body);
export const updateHouseholdMember = (memberId: string, body: FormBody<UpdateMemberBody>) =>
  api.patch<HouseholdDetail>(`${BASE}/members/${memberId}`, body);
export const addHouseholdFollowup = (id: string, body: FormBody<CreateCollectionFollowupBody>) =>
  api.post<HouseholdDetail>(`${HOUSEHOLDS}/${id}/followups`, body);
export const getCoverage = (town?: string) => api.get<Coverage>(`${BASE}/coverage`, { town: town || undefined });
