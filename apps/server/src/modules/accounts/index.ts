// The accounts module's face.
export { staffActorFor, userActorFor, hashPassword, loadStaffUser } from './accounts.service.js';
export { insertStaff, findStaffByUsername } from './accounts.repository.js';
