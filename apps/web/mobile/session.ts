import type { AppUser } from '@lingong/contracts';
import { createSession } from '@shared/session';

/** The worker / employer session (cookie `lg_app`). */
export const appSession = createSession<AppUser>({ mePath: '/api/v1/app/me', logoutPath: '/api/v1/app/auth/logout' });
