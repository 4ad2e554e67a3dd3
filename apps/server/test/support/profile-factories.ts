import { PRIVACY_POLICY_VERSION } from '@lingong/contracts';
import { eq } from 'drizzle-orm';
import { workerProfiles } from '../../src/db/schema.js';
import { appUser } from './factories.js';
import type { TestContext } from './test-app.js';

// Factories for the 画像管理 and certificate-review tests: workers who registered themselves
// in the app (so certificates and messages belong to a real account), and direct profile tweaks.

export type AppWorker = { token: string; userId: string; workerId: string };

/** A worker who consented and saved a profile in the app; returns their token and ids. */
export async function appWorker(
  ctx: TestContext,
  opts: {
    name: string;
    homeRegionCode: string;
    occupationId: string;
    certificates?: { name: string; level?: string; number?: string; photoFileId?: string }[];
    priorityGroups?: string[];
    trainingIntentions?: string[];
  },
): Promise<AppWorker> {
  const u = await appUser(ctx);
  const client = ctx.as(u.token);
  const consent = await client.post('/api/v1/app/worker/consents', {
    kind: 'privacy_policy',
    version: PRIVACY_POLICY_VERSION,
  });
  if (consent.status !== 200) throw new Error(`consent failed: ${consent.body}`);
  const res = await client.put('/api/v1/app/worker/profile', profilePayload(opts));
  if (res.status !== 200) throw new Error(`profile failed: ${res.body}`);
  const [row] = await ctx.deps.database.db
    .select({ id: workerProfiles.id })
    .from(workerProfiles)
    .where(eq(workerProfiles.userId, u.userId));
  if (!row) throw new Error('no profile row');
  return { token: u.token, userId: u.userId, workerId: row.id };
}

/** The body of PUT /app/worker/profile for a factory worker. */
export function profilePayload(opts: {
  name: string;
  homeRegionCode: string;
  occupationId: string;
  certificates?: { name: string; level?: string; number?: string; photoFileId?: string }[];
  priorityGroups?: string[];
  trainingIntentions?: string[];
}) {
  return {
    name: opts.name,
    homeRegionCode: opts.homeRegionCode,
    skills: [{ occupationId: opts.occupationId, years: 5 }],
    certificates: (opts.certificates ?? []).map((c) => ({
      name: c.name,
      level: c.level ?? '',
      number: c.number ?? '',
      photoFileId: c.photoFileId ?? null,
    })),
    availability: { weekdays: [1, 2, 3], dayParts: ['morning'], earliestStart: null },
    expectedPay: { minFen: 18_000, unit: 'day' },
    maxDistanceKm: 20,
    jobKinds: ['flexible'],
    priorityGroups: opts.priorityGroups ?? [],
    trainingIntentions: opts.trainingIntentions ?? [],
    bio: '',
  };
}

/** Set profile columns the app form does not (birth date, gender) or timestamps, directly. */
export async function tweakWorker(
  ctx: TestContext,
  workerId: string,
  values: Partial<typeof workerProfiles.$inferInsert>,
): Promise<void> {
  await ctx.deps.database.db.update(workerProfiles).set(values).where(eq(workerProfiles.id, workerId));
}
