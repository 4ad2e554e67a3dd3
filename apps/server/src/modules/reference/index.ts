import { defineModule } from '../../platform/http/module-plugin.js';
import { registerReferenceRoutes } from './reference.routes.js';
import { registerOccupationAdminRoutes } from './occupations-admin.routes.js';
// The reference module's face: regions, occupations, stations.
export {
  findRegionName,
  findRegionNames,
  findRegionLabels,
  findAllRegionCodes,
  findOccupationNames,
  importRegions,
  listOccupations,
  listRegions,
  seedReferenceData,
} from './reference.service.js';
export { isWithinRegion, regionPrefix, levelOfCode, deriveParentCode } from '../../platform/rbac/region-codes.js';
export { regionNameSql, occupationNameSql, occupationSubtreeSql } from './reference-sql.js';
export { TOWN_CENTRES } from './data/regions.js';
export { occupations } from './reference.schema.js';

/** The reference module as a Fastify plugin: all its routes. */
export const referenceModule = defineModule('reference', [registerReferenceRoutes, registerOccupationAdminRoutes]);
