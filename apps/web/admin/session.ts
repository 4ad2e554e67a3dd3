import type { Permission, StaffUser } from '@lingong/contracts';
import { createSession } from '@shared/session';
import { STAFF_LOGOUT_PATH, STAFF_ME_PATH } from './api/auth';

/** The staff session (cookie `lg_staff`). */
export const staffSession = createSession<StaffUser>({
  mePath: STAFF_ME_PATH,
  logoutPath: STAFF_LOGOUT_PATH,
});

export function can(user: StaffUser | null, permission: Permission | undefined): boolean {
  if (!permission) return true;
  return user?.permissions.includes(permission) ?? false;
}
