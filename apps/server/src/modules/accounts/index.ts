// The accounts module's face.
export { staffActorFor, userActorFor, hashPassword, loadStaffUser } from './accounts.service.js';
export { insertStaff, findStaffByUsername, findUserById } from './accounts.repository.js';
export { findStaffNames } from './staff-admin.repository.js';
