/** 协议模板 (console): the versions, one version's text, preview with sample data, save as a new version. */
import type {
  AgreementTemplateDetail,
  AgreementTemplateList,
  AgreementTemplatePreview,
  CreateAgreementTemplateBody,
} from '@lingong/contracts';
import { ADMIN, api } from './http';

const BASE = `${ADMIN}/agreement-templates`;

export const listAgreementTemplates = () => api.get<AgreementTemplateList>(BASE);
export const getAgreementTemplate = (id: string) => api.get<AgreementTemplateDetail>(`${BASE}/${id}`);
export const previewAgreementTemplate = (body: CreateAgreementTemplateBody) =>
  api.post<AgreementTemplatePreview>(`${BASE}/preview`, body);
export const createAgreementTemplateVersion = (body: CreateAgreementTemplateBody) =>
  api.post<AgreementTemplateDetail>(BASE, body);
