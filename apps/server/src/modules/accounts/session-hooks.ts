import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { staffActorFor, totpRequiredFor, userActorFor } from './accounts.service.js';
import { findLiveSession } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors/app-error.js';
import { APP_COOKIE, STAFF_COOKIE, tokenOf } from '../../platform/http/request-auth.js';

const MFA_OPEN_PATHS = ['/api/v1/admin/me', '/api/v1/admin/auth/'];

/**
 * Resolve the session of every /api/v1/app and /api/v1/admin request. App routes accept only
 * user sessions, admin routes only staff sessions; anything else is 401.
 */
export function registerSessionHooks(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const url = request.url;
    const area = url.startsWith('/api/v1/app/') ? 'app' : url.startsWith('/api/v1/admin/') ? 'admin' : null;
    if (!area) return;
    const token = tokenOf(request, area === 'app' ? APP_COOKIE : STAFF_COOKIE);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const session = await findLiveSession(deps.database.db, token, deps.now());
    if (!session) throw new AppError('UNAUTHENTICATED', { message: '登录已失效，请重新登录' });
    if (area === 'app') {
      if (session.subjectKind !== 'user') throw new AppError('UNAUTHENTICATED');
      request.actor = await userActorFor(deps.database, session.subjectId, session.sessionId);
    } else {
      if (session.subjectKind !== 'staff') throw new AppError('UNAUTHENTICATED');
      const actor = await staffActorFor(deps.database, session.subjectId, session.sessionId);
      if (actor) {
        const mfa = deps.config.mfa;
        const enrolled = actor.mfa?.enrolled ?? false;
        actor.mfa = { enforced: mfa.enforce, enrolled, at: session.mfaAt, stepUpMs: mfa.stepUpMinutes * 60_000 };
        // Roles that require a second factor may only enrol (and see who they are) until they have one.
        const path = url.split('?')[0] ?? url;
        if (totpRequiredFor(mfa, actor.roles) && !enrolled && !MFA_OPEN_PATHS.some((p) => path.startsWith(p))) {
          throw new AppError('TOTP_ENROLMENT_REQUIRED');
        }
      }
      request.actor = actor;
    }
    if (!request.actor) throw new AppError('UNAUTHENTICATED', { message: '账号已停用或不存在' });
  });
}
