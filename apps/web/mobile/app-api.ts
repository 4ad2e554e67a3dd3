import type {
  Application,
  ApplicationList,
  ConsentKind,
  Employer,
  EmployerBody,
  EmployerJob,
  Invitation,
  JobPostingBody,
  JobStatus,
  Occupation,
  PublicJobDetail,
  RecommendedJob,
  RecommendedWorker,
  WorkerProfile,
  WorkerProfileBody,
} from '@lingong/contracts';
import { api, type QueryValue } from '@shared/api';
import type { Paged, PublicJob } from '@shared/types';

/** Typed calls of the mobile app (types only from the contracts, no zod in the bundle). */

let occupationsPromise: Promise<Occupation[]> | null = null;

/** The 工种 tree (flat, with parents), fetched once per page load. */
export function loadOccupations(): Promise<Occupation[]> {
  occupationsPromise ??= api
    .get<{ items: Occupation[] }>('/api/v1/public/occupations')
    .then((r) => r.items)
    .catch((err: unknown) => {
      occupationsPromise = null;
      throw err;
    });
  return occupationsPromise;
}

export type JobSearch = {
  q?: string;
  town?: string;
  occupationId?: string;
  kind?: string;
  minPayFen?: number;
  payUnit?: string;
  sort?: 'newest' | 'nearest' | 'best_pay';
  lng?: number;
  lat?: number;
  page?: number;
  pageSize?: number;
};

export const searchJobs = (q: JobSearch) =>
  api.get<Paged<PublicJob>>('/api/v1/public/jobs', { page: 1, pageSize: 20, ...q } as Record<string, QueryValue>);
export const fetchJob = (id: string, at?: { lng: number; lat: number }) =>
  api.get<PublicJobDetail>(`/api/v1/public/jobs/${id}`, at);

export const fetchProfile = () => api.get<WorkerProfile>('/api/v1/app/worker/profile');
export const saveProfile = (body: WorkerProfileBody) => api.put<WorkerProfile>('/api/v1/app/worker/profile', body);
export const uploadCertificatePhoto = (image: string) =>
  api.post<{ fileId: string }>('/api/v1/app/worker/certificate-photos', { image });
export const certificatePhotoUrl = (fileId: string) => `/api/v1/app/worker/certificate-photos/${fileId}`;
export const giveConsent = (kind: ConsentKind, version: string) =>
  api.post<WorkerProfile>('/api/v1/app/worker/consents', { kind, version });

export const fetchMyEmployers = () => api.get<{ items: Employer[] }>('/api/v1/app/employers');
export const fetchEmployer = (id: string) => api.get<Employer>(`/api/v1/app/employers/${id}`);
export const registerEmployer = (body: EmployerBody) => api.post<Employer>('/api/v1/app/employers', body);
export const fetchMyInvitations = () => api.get<{ items: Invitation[] }>('/api/v1/app/employer-invitations');
export const acceptInvitation = (id: string) => api.post<Invitation>(`/api/v1/app/employer-invitations/${id}/accept`);
export const inviteMember = (employerId: string, phone: string) =>
  api.post<Invitation>(`/api/v1/app/employers/${employerId}/invitations`, { phone });

export const fetchEmployerJobs = (employerId: string, status?: JobStatus) =>
  api.get<Paged<EmployerJob>>(`/api/v1/app/employers/${employerId}/jobs`, { status, pageSize: 100 });
export const fetchOwnJob = (id: string) => api.get<EmployerJob>(`/api/v1/app/jobs/${id}`);
export const createJob = (employerId: string, body: JobPostingBody) =>
  api.post<EmployerJob>(`/api/v1/app/employers/${employerId}/jobs`, body);
export const updateJob = (id: string, body: JobPostingBody) => api.put<EmployerJob>(`/api/v1/app/jobs/${id}`, body);
export const endJob = (id: string, action: 'close' | 'fill' | 'submit') =>
  api.post<EmployerJob>(`/api/v1/app/jobs/${id}/${action}`);

/** The device position, or null when refused or unavailable (never blocks for long). */
export function currentPosition(): Promise<{ lng: number; lat: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({ lng: Math.round(p.coords.longitude * 1e5) / 1e5, lat: Math.round(p.coords.latitude * 1e5) / 1e5 }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 600_000 },
    );
  });
}

// Applications and hiring (报名、邀请、录用、确认), recommendations both ways.
export const fetchJobAsWorker = (id: string, at?: { lng: number; lat: number }) =>
  api.get<PublicJobDetail>(`/api/v1/app/worker/jobs/${id}`, at);
export const applyToJob = (jobId: string) => api.post<Application>(`/api/v1/app/jobs/${jobId}/apply`);
export const fetchMyApplications = () => api.get<ApplicationList>('/api/v1/app/worker/applications');
export const workerAct = (id: string, action: 'accept' | 'reject' | 'confirm' | 'withdraw') =>
  api.post<Application>(`/api/v1/app/worker/applications/${id}/${action}`);
export const cancelApplication = (id: string, reason: string) =>
  api.post<Application>(`/api/v1/app/applications/${id}/cancel`, { reason });
export const fetchRecommendedJobs = () => api.get<{ items: RecommendedJob[] }>('/api/v1/app/worker/recommended-jobs');
export const fetchApplicants = (jobId: string) => api.get<ApplicationList>(`/api/v1/app/jobs/${jobId}/applications`);
export const fetchRecommendedWorkers = (jobId: string) =>
  api.get<{ items: RecommendedWorker[] }>(`/api/v1/app/jobs/${jobId}/recommended-workers`);
export const inviteWorker = (jobId: string, workerId: string) =>
  api.post<Application>(`/api/v1/app/jobs/${jobId}/invitations`, { workerId });
export const hireApplicant = (id: string, terms?: { agreedWageFen?: number; payWithinDays?: number }) =>
  api.post<Application>(`/api/v1/app/applications/${id}/hire`, terms ?? {});
export const declineApplicant = (id: string, reason: string) =>
  api.post<Application>(`/api/v1/app/applications/${id}/decline`, { reason });
