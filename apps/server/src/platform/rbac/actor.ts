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
  /**
   * Second factor of this session (set by the session hook): whether it is enforced, whether an
   * authenticator is bound, and when a code was last entered in this session.
   */
  mfa?: { enforced: boolean; enrolled: boolean; at: Date | null; stepUpMs: number };
};
export type UserActor = { kind: 'user'; id: string; sessionId: string };
export type Actor = StaffActor | UserActor;

/** Throws FORBIDDEN unless the staff actor holds the permission. */
export function requirePermission(actor: StaffActor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new AppError('FORBIDDEN');
}

/**
 * Step-up for sensitive actions (full personal-data export, role changes, …): the actor must have
 * entered an authenticator code in this session within the last few minutes.
 */
export function requireStepUp(actor: StaffActor, now: Date): void {
  const mfa = actor.mfa;
  if (!mfa || !mfa.enforced) return;
  if (!mfa.enrolled) throw new AppError('STEP_UP_REQUIRED', { message: '此操作须先绑定身份验证器并输入动态码' });
  if (!mfa.at || now.getTime() - mfa.at.getTime() > mfa.stepUpMs) throw new AppError('STEP_UP_REQUIRED');
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
