import type { AppUser, Permission, Role, StaffRole, StaffUser } from '@lingong/contracts';
import { maskPhone } from '../../platform/crypto/index.js';
import type { Membership } from '../employers/index.js';
import type { StaffRow, UserRow } from './accounts.repository.js';

export function presentAppUser(user: UserRow, phone: string, memberships: Membership[]): AppUser {
  const roles: Role[] = ['worker'];
  if (memberships.some((m) => m.role === 'owner')) roles.push('employer_owner');
  if (memberships.some((m) => m.role === 'member')) roles.push('employer_member');
  return { id: user.id, phoneMasked: maskPhone(phone), displayName: user.displayName, roles, employers: memberships };
}

export function presentStaffUser(
  row: StaffRow,
  roles: StaffRole[],
  permissions: Permission[],
  regionName: string,
  totpRequired: boolean,
): StaffUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles,
    permissions,
    regionCode: row.regionCode,
    regionName,
    totpEnabled: row.totpEnabledAt !== null,
    totpRequired,
  };
}
