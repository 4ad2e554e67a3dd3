import { defineModule } from '../../platform/http/module-plugin.js';
import { registerPublicationRoutes } from './publications.routes.js';
// 统一发布系统: what other modules (and the background runner) may call.
export { publications, publicationLogs } from './publications.schema.js';
export { runPublicationSchedule } from './publications.service.js';

/** The publications module as a Fastify plugin: all its routes. */
export const publicationsModule = defineModule('publications', [registerPublicationRoutes]);
