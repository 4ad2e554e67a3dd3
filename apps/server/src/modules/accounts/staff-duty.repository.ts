import type { StaffRole } from '@lingong/contracts';
import { and, arrayContains, isNull, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from './accounts.schema.js';

/**
 * Active staff holding `role` whose scope code matches `regionLike` (a LIKE pattern: '450223101%'
 * for everyone scoped to a town or below, '450223000000' for exactly the county). For addressing
 * messages to the staff on duty for a place.
 */
export async function findStaffOnDuty(db: DbOrTx, role: StaffRole, regionLike: string): Promise<string[]> {
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(isNull(staff.disabledAt), arrayContains(staff.roles, [role]), like(staff.regionCode, regionLike)));
  return rows.map((r) => r.id);
}
