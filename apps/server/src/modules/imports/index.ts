import { defineModule } from '../../platform/http/module-plugin.js';
import { registerImportRoutes } from './imports.routes.js';
// Paper-record imports of the ledgers (纸质台账补录).
export { importLedger, ledgerTemplate, type ImportsDeps } from './imports.service.js';
export { IMPORT_SPECS } from './imports.columns.js';

/** The imports module as a Fastify plugin: all its routes. */
export const importsModule = defineModule('imports', [registerImportRoutes]);
