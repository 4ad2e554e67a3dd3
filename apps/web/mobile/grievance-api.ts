import type { FileGrievanceBody, MyGrievance } from '@lingong/contracts';
import { api } from '@shared/api';
import type { Paged } from '@shared/types';

// 投诉: file about an application, follow its progress (我的投诉).
export const fileGrievance = (applicationId: string, body: FileGrievanceBody) =>
  api.post<MyGrievance>(`/api/v1/app/applications/${applicationId}/grievances`, body);
export const uploadGrievancePhoto = (image: string) =>
  api.post<{ fileId: string }>('/api/v1/app/grievance-photos', { image });
export const fetchMyGrievances = (page = 1) =>
  api.get<Paged<MyGrievance>>('/api/v1/app/grievances', { page, pageSize: 50 });
export const fetchGrievance = (id: string) => api.get<MyGrievance>(`/api/v1/app/grievances/${id}`);
export const withdrawGrievance = (id: string, reason: string) =>
  api.post<MyGrievance>(`/api/v1/app/grievances/${id}/withdraw`, { reason });
