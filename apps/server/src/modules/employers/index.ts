import { defineModule } from '../../platform/http/module-plugin.js';
import { registerEmployerRoutes } from './employers.routes.js';
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

/** The employers module as a Fastify plugin: all its routes. */
export const employersModule = defineModule('employers', [registerEmployerRoutes]);
