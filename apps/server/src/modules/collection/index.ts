import { defineModule } from '../../platform/http/module-plugin.js';
import { registerCollectionRoutes } from './collection.routes.js';
// The collection module's face (就业信息采集): tables (for imports and demo data), ledger sheets and coverage.
export { collectionHouseholds, collectionMembers, collectionFollowups } from './collection.schema.js';
export { derivedZeroEmployment, WORKING_AGE } from './collection.service.js';
export { collectionWorkbookSheets, addCollectionSheets } from './collection.export.js';
export { COVERAGE_SHEET, loadVillageCoverage, villageCoverageFetcher } from './collection.coverage.js';

/** The collection module as a Fastify plugin: all its routes. */
export const collectionModule = defineModule('collection', [registerCollectionRoutes]);
