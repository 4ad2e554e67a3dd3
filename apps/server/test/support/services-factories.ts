import { makeWorker, type MadeWorker, type WorkerOpts } from './factories.js';
import type { TestContext } from './test-app.js';

// Factories for the public-employment-services tests: registrations at a given time and channel.

export type RegisteredWorker = MadeWorker;

/** A job seeker (female, born 1980-01-01) registered at `createdAt`, by default at a counter. */
export function registerWorker(
  ctx: TestContext,
  opts: WorkerOpts & { name: string; homeRegionCode: string; createdAt: Date },
): Promise<RegisteredWorker> {
  return makeWorker(ctx, { gender: 'female', birthDate: '1980-01-01', ...opts });
}
