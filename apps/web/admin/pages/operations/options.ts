import type { OperationsStaffOption, Station } from '@lingong/contracts';
import { listOperationsStaff } from '../../api/operations';
import { listStations } from '../../api/stations';

// Pickers of the operations forms: staff and stations in the actor's region.

export const loadStaff = async (): Promise<OperationsStaffOption[]> => (await listOperationsStaff()).items;
export const loadStations = async (): Promise<Station[]> => (await listStations({ page: 1, pageSize: 100 })).items;

/** 'YYYY-MM' → the first and last day of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 2025, m ?? 1, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function thisMonth(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}
