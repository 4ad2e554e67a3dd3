import type { Permission, StaffUser } from '@lingong/contracts';
import { createSession } from '@shared/session';

/** The staff session (cookie `lg_staff`). */
export const staffSession = createSession<StaffUser>({
  mePath: '/api/v1/admin/me',
  logoutPath: '/api/v1/admin/auth/logout',
});

export function can(user: StaffUser | null, permission: Permission | undefined): boolean {
  if (!permission) return true;
  return user?.permissions.includes(permission) ?? false;
}
