/** Staff sign-in and account security (console): password login, the session, authenticator (TOTP), step-up. */
import type {
  StaffLoginBody,
  StaffLoginResult,
  StepUpResult,
  TotpCodeBody,
  TotpConfirmResult,
  TotpSetupResult,
} from '@lingong/contracts';
import { ADMIN, api } from './http';

/** The signed-in staff member (read by the session store). */
export const STAFF_ME_PATH = `${ADMIN}/me`;
/** Ends the staff session (called by the session store). */
export const STAFF_LOGOUT_PATH = `${ADMIN}/auth/logout`;

export const loginStaff = (body: StaffLoginBody) => api.post<StaffLoginResult>('/api/v1/public/auth/login/staff', body);
/** Start binding an authenticator: the secret and its otpauth URI. */
export const setupTotp = () => api.post<TotpSetupResult>(`${ADMIN}/auth/totp/setup`);
/** Confirm the first code; answers the one-time recovery codes. */
export const confirmTotp = (body: TotpCodeBody) => api.post<TotpConfirmResult>(`${ADMIN}/auth/totp/confirm`, body);
/** Re-confirm the second factor before a sensitive call. */
export const stepUp = (body: TotpCodeBody) => api.post<StepUpResult>(`${ADMIN}/auth/step-up`, body);
