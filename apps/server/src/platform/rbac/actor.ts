import type { Permission, StaffRole } from '@lingong/contracts';
import { isWithinRegion, regionPrefix } from './region-codes.js';
import { AppError } from '../errors/app-error.js';

export type StaffActor = {
  kind: 'staff';
  id: string;
  sessionId: string;
  roles: StaffRole[];
  permissions: ReadonlySet<Permission>;
  regionCode: string;
};
export type UserActor = { kind: 'user'; id: string; sessionId: string };
export type Actor = StaffActor | UserActor;

/** Throws FORBIDDEN unless the staff actor holds the permission. */
export function requirePermission(actor: StaffActor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new AppError('FORBIDDEN');
}

/**
 * Region scope for reads: a record outside the actor's subtree is reported as NOT_FOUND, so its
 * existence is not revealed.
 */
export function assertReadableRegion(actor: StaffActor, regionCode: string): void {
  if (!isWithinRegion(actor.regionCode, regionCode)) throw new AppError('NOT_FOUND');
}

/** Region scope for writes: creating or moving a record outside the subtree is FORBIDDEN. */
export function assertWritableRegion(actor: StaffActor, regionCode: string): void {
  if (!isWithinRegion(actor.regionCode, regionCode))
    throw new AppError('FORBIDDEN', { message: '不能操作管辖区域以外的记录' });
}

/** The LIKE prefix ('450223101%') that limits list queries to the actor's subtree. */
export function scopeLikePattern(actor: StaffActor): string {
  return `${regionPrefix(actor.regionCode)}%`;
}

/** Intersect a requested region filter with the actor's scope (a filter outside yields nothing). */
export function scopedRegionPattern(actor: StaffActor, requested?: string): string | null {
  if (!requested) return scopeLikePattern(actor);
  if (isWithinRegion(actor.regionCode, requested)) return `${regionPrefix(requested)}%`;
  if (isWithinRegion(requested, actor.regionCode)) return scopeLikePattern(actor);
  return null;
}
