import { defineModule } from '../../platform/http/module-plugin.js';
import { registerPublicityRoutes } from './publicity.routes.js';
// The publicity module's face (宣传推广): its table, ledger sheet, fetcher and KPI series.
export { publicityItems } from './publicity.schema.js';
export {
  PUBLICITY_SHEET,
  PUBLICITY_SERIES,
  PUBLICITY_INDICATOR_FILTERS,
  publicityFetcher,
} from './publicity.ledger.js';

/** The publicity module as a Fastify plugin: all its routes. */
export const publicityModule = defineModule('publicity', [registerPublicityRoutes]);
