import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { writeAudit } from '../src/platform/audit/audit.js';
import { verifyAuditChain } from '../src/platform/audit/audit-chain.js';
import { createTestApp, type TestContext } from './support/test-app.js';

// Issue 12, item 7: an SM3 hash chain over audit entries and a verification naming the first broken link.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const ids = async () =>
  (await db().select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);

async function writeSome(n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await writeAudit(db(), {
      actor: { kind: 'system' },
      action: 'test',
      entity: 'chain',
      entityId: `${tag}-${i}`,
      details: { z: 1, a: { y: [1, 'two', null], b: '鹿寨' }, when: new Date('2026-01-02T03:04:05Z') },
    });
  }
}

describe('audit hash chain', () => {
  it('links every entry, also from concurrent transactions, and verifies clean', async () => {
    await writeSome(5, 'seq');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db().transaction(async (tx) => {
          await writeAudit(tx, { actor: { kind: 'system' }, action: 'test', entity: 'chain', entityId: `par-${i}` });
          await writeAudit(tx, { actor: { kind: 'system' }, action: 'test2', entity: 'chain', entityId: `par-${i}` });
        }),
      ),
    );
    const report = await verifyAuditChain(db(), 4);
    expect(report).toMatchObject({ ok: true, legacy: 0 });
    expect(report.checked).toBe((await ids()).length);
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the first broken link when an entry is altered', async () => {
    const all = await ids();
    const victim = all[3]!;
    await db().execute(sql`update audit_log set action = 'nothing_to_see' where id = ${victim}`);
    const report = await verifyAuditChain(db());
    expect(report.ok).toBe(false);
    expect(report.broken?.id).toBe(victim);
    expect(report.broken?.reason).toContain('改写');
    await db().execute(sql`update audit_log set action = 'test' where id = ${victim}`);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('names the entry after a deleted one', async () => {
    const all = await ids();
    await db().delete(auditLog).where(eq(auditLog.id, all[5]!));
    const report = await verifyAuditChain(db());
    expect(report.ok).toBe(false);
    expect(report.broken?.id).toBe(all[6]);
  });
});

describe('npm run audit:verify', () => {
  it('prints the result and exits 1 naming the broken link', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lingong-audit-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    for (let i = 0; i < 3; i++)
      await writeAudit(database.db, { actor: { kind: 'system' }, action: 'test', entity: 'chain', entityId: `${i}` });
    const [second] = await database.db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(1).limit(1);
    await database.db.update(auditLog).set({ entityId: 'forged' }).where(eq(auditLog.id, second!.id));
    await database.close();
    const root = path.resolve(import.meta.dirname, '../../..');
    const run = promisify(execFile);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    const err = await run('npx', ['tsx', 'apps/server/scripts/audit-verify.ts'], { cwd: root, env }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect('code' in err ? err.code : 0).toBe(1);
    expect(err.stderr).toContain(`id=${second!.id}`);
  }, 60_000);
});
