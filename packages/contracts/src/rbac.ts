import { z } from 'zod';

/** Roles. App roles belong to people who log in by phone; staff roles to console users. */
export const APP_ROLES = ['worker', 'employer_owner', 'employer_member'] as const;
export const STAFF_ROLES = ['counter_staff', 'station_agent', 'reviewer', 'admin', 'supervisor'] as const;
export const ROLES = [...APP_ROLES, ...STAFF_ROLES] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export { ROLE_LABELS } from './labels.js';

/** Permissions checked by services. `*.read` never writes; supervisors hold only reads. */
export const PERMISSIONS = [
  'dashboard.read',
  'workers.read',
  'workers.write',
  'workers.pii.read',
  /** Decide certificates and priority-group declarations (review queues). */
  'workers.review',
  'employers.read',
  'employers.write',
  'jobs.read',
  'jobs.write',
  'jobs.review',
  'stations.read',
  'stations.write',
  'reference.write',
  'staff.read',
  'staff.write',
  'audit.read',
  'config.write',
  'services.write',
  'moderation.read',
  'moderation.write',
  'publications.write',
  'publications.review',
  'credit.read',
  'credit.write',
  'grievances.read',
  'grievances.write',
  /** 薪酬台账: read statements and payments; write: record payments, correct statements. */
  'wages.read',
  'wages.write',
  /** 数据交换 (数智人社): the console page and the daily reconciliation. */
  'exchange.read',
  /** 数据交换: resend, run now, confirm uploaded batch files. */
  'exchange.write',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

const READS: Permission[] = PERMISSIONS.filter((p) => p.endsWith('.read') && p !== 'workers.pii.read');

export const STAFF_ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  counter_staff: [
    ...READS.filter((p) => p !== 'audit.read' && p !== 'staff.read'),
    'workers.write',
    'workers.pii.read',
    'workers.review',
    'employers.write',
    'jobs.write',
    'services.write',
    'publications.write',
    'grievances.write',
    'wages.write',
  ],
  station_agent: [
    'dashboard.read',
    'workers.read',
    'workers.write',
    'workers.pii.read',
    'workers.review',
    'employers.read',
    'jobs.read',
    'jobs.write',
    'stations.read',
    'stations.write',
    'services.write',
    'publications.write',
    'credit.read',
    'grievances.read',
    'grievances.write',
    'wages.read',
    'wages.write',
  ],
  reviewer: [
    ...READS.filter((p) => p !== 'audit.read' && p !== 'staff.read'),
    'jobs.review',
    'workers.review',
    'employers.write',
    'moderation.write',
    'publications.review',
    'credit.write',
  ],
  admin: [...PERMISSIONS],
  supervisor: READS,
};

/** Union of the permissions of the given staff roles. */
export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of STAFF_ROLE_PERMISSIONS[r]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}
