// Every table, gathered for drizzle. Each table is owned by the module that defines it.
export * from '../platform/auth/auth.schema.js';
export * from '../platform/audit/audit.schema.js';
export * from '../platform/files/files.schema.js';
export * from '../platform/moderation/moderation.schema.js';
export * from '../platform/queue/queue.schema.js';
export * from '../modules/reference/reference.schema.js';
export * from '../modules/accounts/accounts.schema.js';
export * from '../modules/employers/employers.schema.js';
export * from '../modules/workers/workers.schema.js';
export * from '../modules/jobs/jobs.schema.js';
export * from '../modules/settings/settings.schema.js';
export * from '../modules/services/services.schema.js';
export * from '../modules/applications/applications.schema.js';
export * from '../modules/training/training.schema.js';
export * from '../modules/events/events.schema.js';
export * from '../modules/credit/credit.schema.js';
export * from '../modules/notifications/notifications.schema.js';
