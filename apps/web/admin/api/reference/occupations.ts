/** 工种目录 (console): the tree, create/edit/move, enable/disable, history, Excel import. */
import type {
  AdminOccupation,
  CreateOccupationBody,
  MoveOccupationBody,
  Occupation,
  OccupationChange,
  OccupationImportBody,
  OccupationImportResult,
  UpdateOccupationBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody } from '../http';

const BASE = `${ADMIN}/occupations`;

/** The Excel export of the list (downloaded with the list's filters). */
export const OCCUPATIONS_EXPORT_PATH = `${BASE}/export`;

export const listOccupations = () => api.get<{ items: AdminOccupation[] }>(BASE);
export const createOccupation = (body: FormBody<CreateOccupationBody>) => api.post<unknown>(BASE, body);
export const updateOccupation = (id: string, body: FormBody<UpdateOccupationBody>) =>
  api.patch<unknown>(`${BASE}/${id}`, body);
export const moveOccupation = (id: string, body: MoveOccupationBody) => api.post<unknown>(`${BASE}/${id}/move`, body);
export const setOccupationEnabled = (id: string, enabled: boolean) =>
  api.post<unknown>(`${BASE}/${id}/${enabled ? 'enable' : 'disable'}`);
export const getOccupationHistory = (id: string) => api.get<{ items: OccupationChange[] }>(`${BASE}/${id}/history`);
export const importOccupations = (body: OccupationImportBody) =>
  api.post<OccupationImportResult>(`${BASE}/import`, body);
/** The public catalogue (leaf occupations and categories) used by the console's pickers. */
export const listPublicOccupations = () => api.get<{ items: Occupation[] }>('/api/v1/public/occupations');
