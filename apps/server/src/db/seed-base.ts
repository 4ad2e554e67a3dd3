import type { Db } from './client.js';
import { seedReferenceData } from '../modules/reference/index.js';
import { seedSensitiveWords } from '../platform/moderation/index.js';

/** Data every installation needs (regions, occupations, stations, starter dictionary). Idempotent. */
export async function seedBaseData(db: Db): Promise<void> {
  await seedReferenceData(db);
  await seedSensitiveWords(db);
}
