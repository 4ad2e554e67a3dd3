/** 宣传推广台账 (console): list, create/edit/delete, evidence images, export. */
import type {
  CreatePublicityBody,
  PublicityFile,
  PublicityFileBody,
  PublicityItem,
  UpdatePublicityBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/publicity`;

/** The Excel export of the ledger (downloaded with the list's filters). */
export const PUBLICITY_EXPORT_PATH = `${BASE}/export`;

export const listPublicity = (query: ListQuery) => api.get<Paged<PublicityItem>>(BASE, query);
export const createPublicity = (body: FormBody<CreatePublicityBody>) => api.post<PublicityItem>(BASE, body);
export const updatePublicity = (id: string, body: FormBody<UpdatePublicityBody>) =>
  api.patch<PublicityItem>(`${BASE}/${id}`, body);
export const deletePublicity = (id: string) => api.delete<unknown>(`${BASE}/${id}`);
export const uploadPublicityFile = (body: PublicityFileBody) => api.post<PublicityFile>(`${BASE}/files`, body);
/** An uploaded evidence image (opened in a new tab). */
export const publicityFileUrl = (fileId: string) => `${BASE}/files/${fileId}`;
