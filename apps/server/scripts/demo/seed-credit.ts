import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { recordCreditEvent } from '../../src/modules/credit/index.js';
import { creditBlacklist } from '../../src/modules/credit/credit.schema.js';
import { employers } from '../../src/modules/employers/employers.schema.js';
import { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { staff } from '../../src/modules/accounts/accounts.schema.js';

const DAY = 86_400_000;
const KINDS = [
  'completed',
  'completed',
  'completed',
  'rating_5',
  'rating_4',
  'rating_3',
  'no_show',
  'late_cancel',
  'rating_2',
] as const;

/** Demo 诚信 data: a spread of credit events and one blacklist entry (a worker without an app account). */
export async function seedCreditDemo(db: DbOrTx): Promise<void> {
  const workers = await db
    .select({ id: workerProfiles.id, userId: workerProfiles.userId })
    .from(workerProfiles)
    .orderBy(asc(workerProfiles.createdAt))
    .limit(60);
  const emps = await db.select({ id: employers.id }).from(employers).orderBy(asc(employers.createdAt)).limit(20);
  const [admin] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin'));
  const now = Date.now();
  for (const [i, w] of workers.entries()) {
    for (let k = 0; k < 1 + (i % 4); k += 1) {
      const kind = KINDS[(i * 3 + k) % KINDS.length]!;
      await recordCreditEvent(db, {
        subjectType: 'worker',
        subjectId: w.id,
        kind,
        refType: 'demo',
        refId: crypto.randomUUID(),
        reason: '演示数据',
        at: new Date(now - ((i + k) % 40) * DAY),
      });
    }
  }
  for (const [i, e] of emps.entries()) {
    const kind = KINDS[(i * 5) % KINDS.length]!;
    await recordCreditEvent(db, {
      subjectType: 'employer',
      subjectId: e.id,
      kind,
      refType: 'demo',
      refId: crypto.randomUUID(),
      reason: '演示数据',
      at: new Date(now - (i % 30) * DAY),
    });
  }
  const target = workers.find((w, i) => i > 0 && w.userId === null);
  if (!target || !admin) return;
  const [entry] = await db
    .select({ region: workerProfiles.homeRegionCode })
    .from(workerProfiles)
    .where(eq(workerProfiles.id, target.id));
  await db.insert(creditBlacklist).values({
    subjectType: 'worker',
    subjectId: target.id,
    scope: 'applying',
    reason: '一个月内三次录用后未到岗',
    expiresAt: new Date(now + 30 * DAY),
    regionCode: entry!.region,
    createdByStaffId: admin.id,
  });
}
