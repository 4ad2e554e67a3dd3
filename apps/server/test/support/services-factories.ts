import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@lingong/contracts';
import { findStaffByUsername } from '../../src/modules/accounts/index.js';
import { employers } from '../../src/modules/employers/employers.schema.js';
import { insertJobs } from '../../src/modules/jobs/index.js';
import { buildStaff, insertWorker, loginStaff } from './factories.js';
import type { TestContext } from './test-app.js';
import type { StaffRole } from '@lingong/contracts';

// Factories for the public-employment-services tests: registrations at a given time and
// channel, employers and published jobs in a town.

let seq = 0;

export type RegisteredWorker = { id: string; name: string; idNumber: string; phone: string };

/** A job seeker registered at `createdAt` through `channel`, optionally by a staff member. */
export async function registerWorker(
  ctx: TestContext,
  opts: {
    name: string;
    homeRegionCode: string;
    createdAt: Date;
    channel?: 'online' | 'counter' | 'station' | 'household' | 'event';
    staffId?: string;
    priorityGroups?: string[];
  },
): Promise<RegisteredWorker> {
  seq += 1;
  const idNumber = makeIdNumber({
    regionCode: '450223',
    birthDate: `1980-0${(seq % 9) + 1}-1${seq % 10}`,
    seq: (seq * 7) % 500,
    gender: 'female',
  });
  const phone = `137${String(20_000_000 + seq).slice(-8)}`;
  const id = await insertWorker(ctx, {
    name: opts.name,
    idNumber,
    phone,
    row: {
      gender: 'female',
      birthDate: '1980-01-01',
      homeRegionCode: opts.homeRegionCode,
      priorityGroups: opts.priorityGroups ?? [],
      channel: opts.channel ?? 'counter',
      registeredByStaffId: opts.staffId ?? null,
      createdAt: opts.createdAt,
      updatedAt: opts.createdAt,
    },
  });
  return { id, name: opts.name, idNumber, phone };
}

/** An enterprise employer in a town, registered at `createdAt`. */
export async function insertEmployer(
  ctx: TestContext,
  opts: { name: string; townCode: string; createdAt: Date },
): Promise<string> {
  const id = randomUUID();
  await ctx.deps.database.db.insert(employers).values({
    id,
    name: opts.name,
    kind: 'enterprise',
    townCode: opts.townCode,
    createdAt: opts.createdAt,
    verificationStatus: 'verified',
  });
  return id;
}

/** A published job posting of an employer. */
export async function insertPublishedJob(
  ctx: TestContext,
  opts: {
    employerId: string;
    townCode: string;
    kind: 'contract' | 'flexible';
    headcount: number;
    publishedAt: Date;
    title?: string;
    occupationId?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await insertJobs(ctx.deps.database.db, [
    {
      id,
      employerId: opts.employerId,
      occupationId: opts.occupationId ?? randomUUID(),
      title: opts.title ?? `测试岗位${++seq}`,
      kind: opts.kind,
      headcount: opts.headcount,
      wageMinFen: 15_000,
      wageMaxFen: 20_000,
      wageUnit: 'day',
      settlement: 'daily',
      townCode: opts.townCode,
      address: '测试地址1号',
      startDate: '2025-07-01',
      status: 'published',
      publishedAt: opts.publishedAt,
      createdAt: opts.publishedAt,
    },
  ]);
  return id;
}

/** A logged-in staff member and its id. */
export async function staffWithId(
  ctx: TestContext,
  opts: { roles: StaffRole[]; regionCode?: string },
): Promise<{ token: string; id: string; name: string }> {
  const username = await buildStaff(ctx, opts);
  const row = await findStaffByUsername(ctx.deps.database.db, username);
  if (!row) throw new Error('staff not found');
  return { token: await loginStaff(ctx, username), id: row.id, name: row.name };
}
