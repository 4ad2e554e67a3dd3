/** Sign-in of the mobile app (workers and employers): SMS code, phone login, the session paths. */
import type { AppLoginResult, PhoneLoginBody, SendSmsCodeBody } from '@lingong/contracts';
import { api } from '@shared/api';
import type { DevSms, SmsCodeSent } from '@shared/types';

/** The signed-in user (read by the session store). */
export const APP_ME_PATH = '/api/v1/app/me';
/** Ends the app session (called by the session store). */
export const APP_LOGOUT_PATH = '/api/v1/app/auth/logout';

export const sendSmsCode = (body: SendSmsCodeBody) => api.post<SmsCodeSent>('/api/v1/public/auth/sms-code', body);
export const loginWithPhone = (body: PhoneLoginBody) =>
  api.post<AppLoginResult>('/api/v1/public/auth/login/phone', body);
/** The last code sent to a phone: demo servers only (production answers 404). */
export const getDemoSms = (phone: string) => api.get<DevSms>('/api/v1/public/dev/sms/latest', { phone });
