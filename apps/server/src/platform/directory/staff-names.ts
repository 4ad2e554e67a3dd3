import type { DbOrTx } from '../../db/client.js';

// Who changed a setting or a dictionary entry: staff names by id. The accounts module owns the staff
// table and plugs its look-up in here (from its index.ts), so lower modules (settings, reference) show
// names without importing accounts.

type StaffNameLookup = (db: DbOrTx, ids: string[]) => Promise<Map<string, string>>;
let lookup: StaffNameLookup | undefined;

/** Called once by the accounts module. */
export function provideStaffNames(fn: StaffNameLookup): void {
  lookup = fn;
}

/** Staff names by id (ids without a staff member are absent from the map). */
export async function staffNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!lookup) throw new Error('staff names: the accounts module is not loaded');
  return lookup(db, ids);
}
