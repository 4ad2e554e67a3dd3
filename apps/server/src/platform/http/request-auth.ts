import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Actor, StaffActor, UserActor } from '../rbac/actor.js';

export const APP_COOKIE = 'lg_app';
export const STAFF_COOKIE = 'lg_staff';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The session token of a request: the Bearer header wins, then the area's cookie. */
export function tokenOf(request: FastifyRequest, cookieName: string): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[cookieName] ?? null;
}

export function staffActorOf(request: FastifyRequest): StaffActor {
  const actor = request.actor;
  if (!actor || actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function userActorOf(request: FastifyRequest): UserActor {
  const actor = request.actor;
  if (!actor || actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function metaOf(request: FastifyRequest): { ip: string; userAgent?: string; requestId: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: String(request.id) };
}

export function setSessionCookie(
  reply: FastifyReply,
  name: string,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  reply.setCookie(name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/' });
}
