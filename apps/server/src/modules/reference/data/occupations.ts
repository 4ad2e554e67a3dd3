/**
 * The occupation (工种) tree for a Guangxi county gig market: 12 categories, each with the trades
 * commonly posted in 鹿寨县. Split into two data files to keep them readable.
 *
 * National codes (2022 edition of 中华人民共和国职业分类大典, form '6-29-01-01') were filled only
 * where known with confidence; all others are deliberately null (a wrong code is worse than none).
 * Staff can add or correct codes in the console.
 */
import { PRODUCTION_OCCUPATIONS } from './occupations-production.js';
import { SERVICE_OCCUPATIONS } from './occupations-services.js';
import type { SeedOccupation } from './occupation-seed.js';

export type { SeedOccupation } from './occupation-seed.js';

/** Categories first, each followed by its trades; array order is the display order. */
export const SEED_OCCUPATIONS: SeedOccupation[] = [...PRODUCTION_OCCUPATIONS, ...SERVICE_OCCUPATIONS];
