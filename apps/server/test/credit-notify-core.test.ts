import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { backgroundJobs, notifications, settings, users } from '../src/db/schema.js';
import { creditScoresOf, recordCreditEvent } from '../src/modules/credit/index.js';
// Credit reads its subjects through look-ups the workers and employers modules provide when loaded.
import '../src/modules/employers/index.js';
import '../src/modules/workers/index.js';
import { notify } from '../src/modules/notifications/index.js';
import { renderSmsTemplate } from '../src/modules/notifications/notify.js';
import { SETTING_DEFAULTS } from '../src/modules/settings/settings.defaults.js';
import { openTestDatabase } from './support/index.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('credit ledger core', () => {
  it('moves the score by the rule points, once per cause, clamped to 0..100', async () => {
    const db = database.db;
    const worker = randomUUID();
    const app = randomUUID();
    expect((await creditScoresOf(db, 'worker', [worker])).get(worker)).toEqual({ score: 80, level: 'good' });
    const first = await recordCreditEvent(db, {
      subjectType: 'worker',
      subjectId: worker,
      kind: 'no_show',
      refType: 'application',
      refId: app,
    });
    expect(first).toMatchObject({ points: -10, score: 70 });
    expect(
      await recordCreditEvent(db, {
        subjectType: 'worker',
        subjectId: worker,
        kind: 'no_show',
        refType: 'application',
        refId: app,
      }),
    ).toBeNull();
    await recordCreditEvent(db, {
      subjectType: 'worker',
      subjectId: worker,
      kind: 'manual_adjust',
      points: 50,
      reason: '申诉核实',
    });
    expect((await creditScoresOf(db, 'worker', [worker])).get(worker)).toEqual({ score: 100, level: 'excellent' });
  });

  it('rolls back with the business transaction', async () => {
    const db = database.db;
    const employer = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await recordCreditEvent(tx, {
          subjectType: 'employer',
          subjectId: employer,
          kind: 'late_cancel',
          refId: randomUUID(),
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await creditScoresOf(db, 'employer', [employer])).get(employer)!.score).toBe(80);
  });
});

describe('notify core', () => {
  it('stores the message and queues an SMS with the encrypted phone only when asked', async () => {
    const db = database.db;
    const [user] = await db
      .insert(users)
      .values({ phoneEnc: 'enc:phone', phoneHash: `h-${randomUUID()}` })
      .returning();
    const quiet = await notify(db, {
      userId: user!.id,
      kind: 'application',
      title: '新报名',
      body: '有人报名了您的岗位',
    });
    const loud = await notify(db, { userId: user!.id, kind: 'hired', title: '已录用', body: '您已被录用', sms: true });
    const rows = await db.select().from(notifications).where(eq(notifications.userId, user!.id));
    expect(rows.map((r) => r.id).sort()).toEqual([quiet, loud].sort());
    const jobs = await db.select().from(backgroundJobs).where(eq(backgroundJobs.kind, 'sms.send'));
    expect(jobs.map((j) => j.dedupeKey)).toEqual([`notify:${loud}`]);
    expect(jobs[0]!.payload).toMatchObject({ phoneEnc: 'enc:phone', template: 'notice' });
  });
});

describe('SMS texts from the 系统配置 templates', () => {
  it('fills ${name} placeholders, leaving unknown names empty', () => {
    expect(renderSmsTemplate('您已被${employer}录用（${job}）${nope}', { employer: '兴农超市', job: '理货员' })).toBe(
      '您已被兴农超市录用（理货员）',
    );
  });

  it('uses the staff-edited template at once, and the body when the template is missing', async () => {
    const db = database.db;
    const [user] = await db
      .insert(users)
      .values({ phoneEnc: 'enc:phone2', phoneHash: `h-${randomUUID()}` })
      .returning();
    const send = (code: string) =>
      notify(db, {
        userId: user!.id,
        kind: 'hired',
        title: '已录用',
        body: '正文',
        sms: true,
        smsTemplate: { code, params: { employer: '兴农超市', job: '理货员' } },
      });
    const textOf = async (id: string) => {
      const [job] = await db
        .select()
        .from(backgroundJobs)
        .where(eq(backgroundJobs.dedupeKey, `notify:${id}`));
      return (job!.payload as { params: { text: string } }).params.text;
    };
    expect(await textOf(await send('hired'))).toBe('【鹿寨零工】您已被兴农超市录用（理货员），请按约定时间到岗。');
    await db.insert(settings).values({
      key: 'smsTemplates',
      value: { ...SETTING_DEFAULTS.smsTemplates, hired: '${employer}录用了您：${job}' },
    });
    expect(await textOf(await send('hired'))).toBe('【鹿寨零工】兴农超市录用了您：理货员');
    expect(await textOf(await send('no_such_template'))).toBe('【鹿寨零工】正文');
  });
});
