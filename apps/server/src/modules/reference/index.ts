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
export { isWithinRegion, regionPrefix, levelOfCode, deriveParentCode } from './region-codes.js';
export { TOWN_CENTRES } from './data/regions.js';
export { occupations } from './reference.schema.js';
