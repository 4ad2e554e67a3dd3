export * from './common.js';
export * from './rbac.js';
export * from './errors.js';
export * from './auth.js';
export * from './reference.js';
export * from './workers.js';
export * from './jobs.js';
export * from './validators/index.js';
