import type {
  Agreement,
  AgreementVerification,
  Application,
  AttendanceSummary,
  CheckBody,
  CheckInQr,
} from '@lingong/contracts';
import { api } from '@shared/api';

/** 工作协议, 考勤, 未到岗 and 完工 calls of the mobile app (types only from the contracts). */
const base = (id: string) => `/api/v1/app/applications/${id}`;

export const fetchApplication = (id: string) => api.get<Application>(base(id));
export const fetchAgreement = (id: string) => api.get<Agreement>(`${base(id)}/agreement`);
export const requestSignCode = (id: string) =>
  api.post<{ cooldownSeconds: number; expiresInSeconds: number; phoneMasked: string }>(
    `${base(id)}/agreement/sign-code`,
    { consent: true },
  );
export const signAgreement = (id: string, code: string, textHash: string) =>
  api.post<Agreement>(`${base(id)}/agreement/sign`, { consent: true, code, textHash });
export const agreementPdfUrl = (id: string) => `${base(id)}/agreement.pdf`;
export const verifyAgreement = (number: string, hash: string) =>
  api.get<AgreementVerification>('/api/v1/public/agreements/verify', { number, hash });

export const fetchAttendance = (id: string) => api.get<AttendanceSummary>(`${base(id)}/attendance`);
export const checkIn = (id: string, body: CheckBody) => api.post<AttendanceSummary>(`${base(id)}/check-in`, body);
export const checkOut = (id: string, body: CheckBody) => api.post<AttendanceSummary>(`${base(id)}/check-out`, body);
export const markNoShow = (id: string, reason?: string) =>
  api.post<AttendanceSummary>(`${base(id)}/no-show`, { reason });
/** 完工确认 (no amount: the wage statement in 待结算 says what is owed). */
export const confirmCompletion = (id: string, note?: string) =>
  api.post<AttendanceSummary>(`${base(id)}/complete`, { note });
export const fetchCheckInQr = (jobId: string) => api.get<CheckInQr>(`/api/v1/app/jobs/${jobId}/checkin-qr`);

/** 'MM-DD HH:mm' in Asia/Shanghai. */
export function shanghaiTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** Minutes as '9小时30分'. */
export function hoursText(minutes: number | null): string {
  if (minutes == null) return '未签退';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}小时${m}分` : `${h}小时`;
}
