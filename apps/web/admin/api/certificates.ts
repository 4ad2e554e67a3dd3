/** 证书审核 (console): the review queue, approve/reject in bulk, the photo link. */
import type { CertificateDecisionBody, CertificateDecisionResult, CertificateReviewRow } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/certificates`;

export const listCertificatesForReview = (query: ListQuery) =>
  api.get<Paged<CertificateReviewRow>>(`${BASE}/review`, query);
export const reviewCertificates = (body: CertificateDecisionBody) =>
  api.post<CertificateDecisionResult>(`${BASE}/review`, body);
/** The certificate photo (opened in a new tab). */
export const certificatePhotoUrl = (id: string) => `${BASE}/${id}/photo`;
