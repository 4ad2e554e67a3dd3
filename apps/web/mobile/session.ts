import type { AppUser } from '@lingong/contracts';
import { createSession } from '@shared/session';
import { APP_LOGOUT_PATH, APP_ME_PATH } from './api/auth';

/** The worker / employer session (cookie `lg_app`). */
export const appSession = createSession<AppUser>({ mePath: APP_ME_PATH, logoutPath: APP_LOGOUT_PATH });
