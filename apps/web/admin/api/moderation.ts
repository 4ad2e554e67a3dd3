/** 敏感词 (console): the dictionary, bulk add/import, edit, and the test box. */
import type {
  AddWordsBody,
  ModerationResult,
  ModerationTestBody,
  SensitiveWord,
  UpdateWordBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/sensitive-words`;

export const listSensitiveWords = (query: ListQuery) => api.get<Paged<SensitiveWord>>(BASE, query);
export const addSensitiveWords = (body: { words: FormBody<AddWordsBody['words'][number]>[] }) =>
  api.post<{ added: number }>(BASE, body);
export const updateSensitiveWord = (id: string, body: FormBody<UpdateWordBody>) =>
  api.patch<unknown>(`${BASE}/${id}`, body);
export const testModeration = (body: ModerationTestBody) => api.post<ModerationResult>(`${BASE}/test`, body);
