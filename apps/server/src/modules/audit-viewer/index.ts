import { defineModule } from '../../platform/http/module-plugin.js';
import { registerAuditViewerRoutes } from './audit-viewer.routes.js';
// The audit-viewer module's face.

/** The audit-viewer module as a Fastify plugin: all its routes. */
export const auditViewerModule = defineModule('audit-viewer', [registerAuditViewerRoutes]);
