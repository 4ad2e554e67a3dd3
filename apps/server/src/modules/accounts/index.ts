// The accounts module's face.
export { staffActorFor, userActorFor, hashPassword, loadStaffUser } from './accounts.service.js';
export { insertStaff, findStaffByUsername, findUserById, findUserByPhoneHash } from './accounts.repository.js';
export { findStaffNames } from './staff-admin.repository.js';
export { registerSessionHooks } from './session-hooks.js';
