// The employers module's face: what other modules may call.
export { findMembershipsByUser, findEmployerNames, type Membership } from './employers.repository.js';
