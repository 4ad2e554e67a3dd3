import { defineModule } from '../../platform/http/module-plugin.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerStaffAdminRoutes } from './staff-admin.routes.js';
import { provideStaffNames } from '../../platform/directory/staff-names.js';
import { findStaffNames } from './staff-admin.repository.js';
// The accounts module's face.
export { staffActorFor, userActorFor, hashPassword, loadStaffUser, totpRequiredFor } from './accounts.service.js';
export { insertStaff, findStaffByUsername, findUserById, findUserByPhoneHash } from './accounts.repository.js';
export { findStaffNames } from './staff-admin.repository.js';
export { findStaffOnDuty } from './staff-duty.repository.js';
export { registerSessionHooks } from './session-hooks.js';

// Settings and reference read staff names through platform/directory (no import of accounts).
provideStaffNames(findStaffNames);

export { provideEmployerLinks } from './employer-links.js';

/** The accounts module as a Fastify plugin: all its routes. */
export const accountsModule = defineModule('accounts', [registerAccountRoutes, registerStaffAdminRoutes]);
