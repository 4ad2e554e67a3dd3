// Chinese labels from the contracts' zod-free entry (keeps zod out of the bundles).
export { ROLE_LABELS } from '@lingong/contracts/labels';
