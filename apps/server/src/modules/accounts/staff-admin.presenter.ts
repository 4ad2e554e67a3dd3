import type { StaffAccount } from '@lingong/contracts';
import type { StaffRow } from './accounts.repository.js';
import { parseStaffRoles } from './accounts.service.js';

/** A staff account as the console sees it: never the password hash. */
export function presentStaffAccount(row: StaffRow, regionName: string, now: Date): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles: parseStaffRoles(row.roles),
    regionCode: row.regionCode,
    regionName,
    status: row.disabledAt ? 'disabled' : 'active',
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}
