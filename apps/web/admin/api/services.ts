/** 公共就业服务记录 (console, from the registration ledger): follow-ups, career guidance, offline referrals. */
import type {
  CreateFollowupBody,
  CreateGuidanceBody,
  CreateReferralBody,
  Followup,
  GuidanceSession,
  Matchmaking,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody } from './http';

const BASE = `${ADMIN}/services`;

export const recordFollowup = (body: FormBody<CreateFollowupBody>) => api.post<Followup>(`${BASE}/followups`, body);
export const recordGuidance = (body: FormBody<CreateGuidanceBody>) =>
  api.post<GuidanceSession>(`${BASE}/guidance`, body);
export const recordReferral = (body: FormBody<CreateReferralBody>) => api.post<Matchmaking>(`${BASE}/referrals`, body);
