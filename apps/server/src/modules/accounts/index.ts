import { defineModule } from '../../platform/http/module-plugin.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerStaffAdminRoutes } from './staff-admin.routes.js';
// The accounts module's face.
export { staffActorFor, userActorFor, hashPassword, loadStaffUser, totpRequiredFor } from './accounts.service.js';
export { insertStaff, findStaffByUsername, findUserById, findUserByPhoneHash } from './accounts.repository.js';
export { findStaffNames } from './staff-admin.repository.js';
export { registerSessionHooks } from './session-hooks.js';

/** The accounts module as a Fastify plugin: all its routes. */
export const accountsModule = defineModule('accounts', [registerAccountRoutes, registerStaffAdminRoutes]);
