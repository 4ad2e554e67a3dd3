// Paper-record imports of the ledgers (纸质台账补录).
export { registerImportRoutes } from './imports.routes.js';
export { importLedger, ledgerTemplate, type ImportsDeps } from './imports.service.js';
export { IMPORT_SPECS } from './imports.columns.js';
