import { defineModule } from '../../platform/http/module-plugin.js';
import { registerEmployerRoutes } from './employers.routes.js';
import { provideEmployerLinks } from '../accounts/index.js';
import { provideCreditEmployers } from '../credit/index.js';
import { findEmployerSubjects } from './employer-refs.repository.js';
import { requireRole } from './employer-registration.service.js';
import { acceptInvitationsOnLogin } from './employer-members.service.js';
import { findMembershipsByUser } from './employers.repository.js';
// The employers module's face: what other modules may call.
export {
  findMembershipsByUser,
  findEmployerNames,
  findEmployersByIds,
  findEmployerById,
  type Membership,
  type EmployerRow,
} from './employers.repository.js';
export { requireRole, requireTown, findTownName } from './employer-registration.service.js';
export { acceptInvitationsOnLogin } from './employer-members.service.js';
export { findMembersOfEmployer } from './employers.repository.js';
export { employers } from './employers.schema.js';
export { employerNameSql } from './employers-sql.js';

export { findEmployerRef, type EmployerRef } from './employer-refs.repository.js';

export { provideEmployerActivity } from './activity-source.js';
export { provideEmployerJobs } from './jobs-source.js';

// Accounts reads memberships and accepts invitations at login through these (no import of employers).
provideEmployerLinks({ findMembershipsByUser, acceptInvitationsOnLogin });

// Credit reads its employer subjects and checks membership through these (no import of employers).
provideCreditEmployers({
  infos: (db, _pii, ids) => findEmployerSubjects(db, ids),
  requireMember: (db, actor, employerId) => requireRole(db, actor, employerId),
});

/** The employers module as a Fastify plugin: all its routes. */
export const employersModule = defineModule('employers', [registerEmployerRoutes]);
