import type { AppealView, FileAppealBody, MyCredit, RatingState, SubmitRatingBody } from '@lingong/contracts';
import { api } from '@shared/api';

// Ratings after completion and the owner's credit (我的信用), for both identities.
export const fetchRating = (applicationId: string) =>
  api.get<RatingState>(`/api/v1/app/applications/${applicationId}/rating`);
export const submitRating = (applicationId: string, body: SubmitRatingBody) =>
  api.post<RatingState>(`/api/v1/app/applications/${applicationId}/rating`, body);
export const fetchMyCredit = () => api.get<MyCredit>('/api/v1/app/me/credit');
export const fetchEmployerCredit = (employerId: string) =>
  api.get<MyCredit>(`/api/v1/app/employers/${employerId}/credit`);
export const fileAppeal = (body: FileAppealBody) => api.post<AppealView>('/api/v1/app/credit/appeals', body);
