import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { makeIdNumber } from '@lingong/contracts';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { storedFiles } from '../src/platform/files/files.schema.js';
import { workerProfiles, workerSkills } from '../src/modules/workers/workers.schema.js';
import { registrationFollowups } from '../src/modules/services/services.schema.js';
import { trainingNeeds } from '../src/modules/training/training.schema.js';
import {
  makeWorker,
  createTestApp,
  json,
  occupationIdByName,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
let county: string;
let zhongduCounter: string;
let zhongduAgent: string;
let supervisor: string;
let welder: string;
let mason: string;
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Summary = {
  id: string;
  nameMasked: string;
  phoneMasked: string | null;
  channel: string;
  homeRegionName: string;
  occupationNames: string[];
  priorityGroups: string[];
};
type Detail = Summary & {
  registeredByStaffName: string | null;
  consents: { method: string; signatureFileId: string | null; recordedByName: string | null }[];
  skills: { occupationName: string; years: number }[];
  hasAccount: boolean;
  idNumberMasked: string | null;
};
type Page = { items: Summary[]; total: number };

let phoneSeq = 0;
const nextPhone = () => `135${String(20_000_000 + ++phoneSeq).slice(-8)}`;
const body = (over: Record<string, unknown> = {}) => ({
  name: '韦阿姨',
  phone: nextPhone(),
  homeRegionCode: TOWNS.zhongdu,
  skills: [{ occupationId: mason, years: 5 }],
  priorityGroups: ['大龄(4050)人员'],
  consent: { method: 'signature', signatureDataUrl: PNG },
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  county = await staffToken(ctx, { roles: ['admin'] });
  zhongduCounter = await staffToken(ctx, { roles: ['counter_staff'], regionCode: TOWNS.zhongdu });
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  welder = await occupationIdByName(ctx, '电焊工');
  mason = await occupationIdByName(ctx, '泥水工');
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const countWorkers = async () => (await db().select({ n: count() }).from(workerProfiles))[0]?.n ?? 0;

describe('代登记 (counter registration of a worker)', () => {
  it('registers with an on-screen signature stored as a file; channel and staff recorded; audited', async () => {
    const res = await ctx.as(zhongduCounter).request('POST', '/api/v1/admin/workers', body());
    expect(res.statusCode).toBe(201);
    const w = json<Detail>(res);
    expect(w).toMatchObject({
      channel: 'counter',
      homeRegionName: expect.stringContaining('中渡镇'),
      hasAccount: false,
      priorityGroups: ['大龄(4050)人员'],
    });
    expect(w.registeredByStaffName).toBeTruthy();
    expect(w.skills).toEqual([{ occupationId: mason, occupationName: '泥水工', years: 5 }]);
    expect(w.consents).toEqual([
      expect.objectContaining({ method: 'signature', recordedByName: w.registeredByStaffName }),
    ]);
    const fileId = w.consents[0]?.signatureFileId ?? '';
    const [file] = await db().select().from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(file).toMatchObject({ mime: 'image/png', purpose: 'consent_signature', ownerKind: 'staff' });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'worker'), eq(auditLog.entityId, w.id)));
    expect(audits.map((a) => a.action)).toEqual(['counter_register']);
  });

  it('a station agent registers with a paper consent; the channel is station', async () => {
    const res = await ctx
      .as(zhongduAgent)
      .request('POST', '/api/v1/admin/workers', body({ consent: { method: 'paper', paperConsentSigned: true } }));
    expect(res.statusCode).toBe(201);
    expect(json<Detail>(res)).toMatchObject({
      channel: 'station',
      consents: [expect.objectContaining({ method: 'paper', signatureFileId: null })],
    });
  });

  it('rejects bad input with Chinese field messages and writes nothing', async () => {
    const before = await countWorkers();
    const noConsent = await ctx
      .as(county)
      .request('POST', '/api/v1/admin/workers', body({ consent: undefined, name: '韦', phone: '12345' }));
    expect(noConsent.statusCode).toBe(400);
    const fields = json<Err>(noConsent).error.details ?? [];
    expect(fields.map((d) => d.field)).toEqual(expect.arrayContaining(['consent', 'name', 'phone']));
    expect(fields.find((d) => d.field === 'name')?.message).toBe('姓名至少2个字');
    const paperUnticked = await ctx
      .as(county)
      .request('POST', '/api/v1/admin/workers', body({ consent: { method: 'paper', paperConsentSigned: false } }));
    expect(json<Err>(paperUnticked).error.details?.[0]).toMatchObject({
      field: 'consent.paperConsentSigned',
      message: '请确认本人已签署纸质授权书',
    });
    const notPng = await ctx
      .as(county)
      .request(
        'POST',
        '/api/v1/admin/workers',
        body({ consent: { method: 'signature', signatureDataUrl: 'data:image/png;base64,aGVsbG8=' } }),
      );
    expect(notPng.statusCode).toBe(400);
    expect(json<Err>(notPng).error.details?.[0]?.field).toBe('consent.signatureDataUrl');
    const badTrade = await ctx
      .as(county)
      .request('POST', '/api/v1/admin/workers', body({ skills: [{ occupationId: crypto.randomUUID(), years: 1 }] }));
    expect(json<Err>(badTrade).error.details?.[0]).toMatchObject({
      field: 'skills.0.occupationId',
      message: '工种不存在，请重新选择',
    });
    expect(await countWorkers()).toBe(before);
  });

  it('a 中渡镇 agent cannot register into 寨沙镇; a supervisor cannot register at all', async () => {
    const before = await countWorkers();
    expect(
      (await ctx.as(zhongduAgent).request('POST', '/api/v1/admin/workers', body({ homeRegionCode: TOWNS.zhaisha })))
        .statusCode,
    ).toBe(403);
    expect((await ctx.as(supervisor).request('POST', '/api/v1/admin/workers', body())).statusCode).toBe(403);
    expect(await countWorkers()).toBe(before);
  });
});

describe('雇员管理 search and detail', () => {
  it('finds by phone, ID last 4, 工种 and priority group; a 中渡镇 agent never sees 寨沙镇', async () => {
    const phone = nextPhone();
    const idNumber = makeIdNumber({ regionCode: '450223', birthDate: '1972-08-09', seq: 321, gender: 'female' });
    const created = json<Detail>(
      await ctx.as(county).request(
        'POST',
        '/api/v1/admin/workers',
        body({
          phone,
          idNumber,
          homeRegionCode: TOWNS.zhaisha,
          skills: [{ occupationId: welder, years: 2 }],
          priorityGroups: ['残疾人'],
        }),
      ),
    );
    const byPhone = json<Page>(await ctx.as(county).get(`/api/v1/admin/workers?phone=${phone}`));
    expect(byPhone.items.map((w) => w.id)).toEqual([created.id]);
    const byId = json<Page>(
      await ctx
        .as(county)
        .get(
          `/api/v1/admin/workers?idLast4=${idNumber.slice(-4)}&occupationId=${welder}&priorityGroup=${encodeURIComponent('残疾人')}`,
        ),
    );
    expect(byId.items.map((w) => w.id)).toContain(created.id);
    expect(byId.items[0]?.occupationNames).toContain('电焊工');
    expect(
      json<Page>(await ctx.as(county).get(`/api/v1/admin/workers?phone=${phone}&town=${TOWNS.zhongdu}`)).total,
    ).toBe(0);
    expect(json<Page>(await ctx.as(zhongduAgent).get(`/api/v1/admin/workers?phone=${phone}`)).total).toBe(0);
    expect((await ctx.as(zhongduAgent).get(`/api/v1/admin/workers/${created.id}/detail`)).statusCode).toBe(404);
    const detail = await ctx.as(supervisor).get(`/api/v1/admin/workers/${created.id}/detail`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(phone);
    expect(detail.body).not.toContain(idNumber);
    expect(json<Detail>(detail).idNumberMasked).toMatch(/\*{8}/);
  });

  it('rejects bad search input in Chinese', async () => {
    const res = await ctx.as(county).get('/api/v1/admin/workers?idLast4=12&phone=abc');
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details?.find((d) => d.field === 'idLast4')?.message).toContain('后4位');
  });
});

describe('staff edits are audited', () => {
  it('keeps old → new of plain fields and only the names of personal fields', async () => {
    const w = json<Detail>(await ctx.as(zhongduCounter).request('POST', '/api/v1/admin/workers', body()));
    const newPhone = nextPhone();
    const edit = body({
      name: '韦桂芳',
      phone: newPhone,
      priorityGroups: ['大龄(4050)人员', '残疾人'],
      skills: [{ occupationId: welder, years: 3 }],
      consent: undefined,
    });
    expect((await ctx.as(supervisor).request('PUT', `/api/v1/admin/workers/${w.id}`, edit)).statusCode).toBe(403);
    expect(
      (
        await ctx
          .as(zhongduCounter)
          .request('PUT', `/api/v1/admin/workers/${w.id}`, { ...edit, homeRegionCode: TOWNS.zhaisha })
      ).statusCode,
    ).toBe(403);
    const res = await ctx.as(zhongduCounter).request('PUT', `/api/v1/admin/workers/${w.id}`, edit);
    expect(res.statusCode).toBe(200);
    expect(json<Detail>(res).occupationNames).toEqual(['电焊工']);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.id), eq(auditLog.action, 'update')));
    expect(audit?.details).toMatchObject({
      changes: {
        priorityGroups: { from: ['大龄(4050)人员'], to: ['大龄(4050)人员', '残疾人'] },
        occupationIds: { from: [mason], to: [welder] },
      },
      piiChanged: ['name', 'phone'],
    });
    expect(JSON.stringify(audit?.details)).not.toContain(newPhone);
    expect(JSON.stringify(audit?.details)).not.toContain('韦桂芳');
  });
});

describe('疑似重复 and merge', () => {
  it('groups profiles by phone and merges a counter registration with the ID-bearing profile', async () => {
    const phone = nextPhone();
    const online = (await makeWorker(ctx, { name: '覃建国', homeRegionCode: TOWNS.zhongdu, phone })).id;
    await db().insert(workerSkills).values({ workerId: online, occupationId: welder, years: 8 });
    await db().insert(registrationFollowups).values({
      workerId: online,
      contactedAt: new Date(),
      status: 'seeking',
      regionCode: TOWNS.zhongdu,
      recorderStaffId: crypto.randomUUID(),
    });
    const counter = json<Detail>(
      await ctx.as(zhongduCounter).request('POST', '/api/v1/admin/workers', body({ name: '覃建国', phone })),
    );
    const zhaishaPhone = nextPhone();
    await makeWorker(ctx, { name: '寨沙甲', homeRegionCode: TOWNS.zhaisha, phone: zhaishaPhone });
    await makeWorker(ctx, { name: '寨沙乙', homeRegionCode: TOWNS.zhaisha, phone: zhaishaPhone });

    const groups = json<{ items: { key: string; workers: Summary[] }[] }>(
      await ctx.as(zhongduAgent).get('/api/v1/admin/workers/duplicates'),
    );
    const ids = groups.items.map((g) => g.workers.map((w) => w.id).sort());
    expect(ids).toContainEqual([online, counter.id].sort());
    expect(groups.items.every((g) => g.workers.every((w) => w.homeRegionName.includes('中渡镇')))).toBe(true);

    expect(
      (await ctx.as(supervisor).request('POST', '/api/v1/admin/workers/merge', { keepId: counter.id, mergeId: online }))
        .statusCode,
    ).toBe(403);
    const merged = await ctx.as(zhongduCounter).request('POST', '/api/v1/admin/workers/merge', {
      keepId: counter.id,
      mergeId: online,
    });
    expect(merged.statusCode).toBe(200);
    const kept = json<Detail>(merged);
    expect(kept.idNumberMasked).toMatch(/^450223/);
    expect(kept.skills.map((s) => s.occupationName).sort()).toEqual(['泥水工', '电焊工']);
    expect(kept.consents).toHaveLength(1);
    expect(await db().select().from(workerProfiles).where(eq(workerProfiles.id, online))).toEqual([]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, counter.id), eq(auditLog.action, 'merge')));
    expect(audit?.details).toMatchObject({
      mergedId: online,
      taken: ['idNumberHash'],
      moved: { skills: 1, ledgerRows: 1 },
    });
    const followups = await db()
      .select()
      .from(registrationFollowups)
      .where(eq(registrationFollowups.workerId, counter.id));
    expect(followups).toHaveLength(1);
    const after = json<{ items: { workers: Summary[] }[] }>(
      await ctx.as(zhongduAgent).get('/api/v1/admin/workers/duplicates'),
    );
    expect(after.items.some((g) => g.workers.some((w) => w.id === counter.id))).toBe(false);
  });

  it('refuses to merge two different ID numbers, and out-of-scope or invalid requests', async () => {
    const phone = nextPhone();
    const a = (await makeWorker(ctx, { name: '甲某', homeRegionCode: TOWNS.zhongdu, phone })).id;
    const b = (await makeWorker(ctx, { name: '乙某', homeRegionCode: TOWNS.zhongdu, phone })).id;
    const conflict = await ctx.as(county).request('POST', '/api/v1/admin/workers/merge', { keepId: a, mergeId: b });
    expect(conflict.statusCode).toBe(409);
    expect(json<Err>(conflict).error).toMatchObject({
      code: 'MERGE_CONFLICT',
      message: expect.stringContaining('身份证'),
    });
    const z = (await makeWorker(ctx, { name: '丙某', homeRegionCode: TOWNS.zhaisha })).id;
    expect(
      (await ctx.as(zhongduAgent).request('POST', '/api/v1/admin/workers/merge', { keepId: a, mergeId: z })).statusCode,
    ).toBe(404);
    const self = await ctx.as(county).request('POST', '/api/v1/admin/workers/merge', { keepId: a, mergeId: a });
    expect(json<Err>(self).error.details?.[0]).toMatchObject({ field: 'mergeId', message: '不能与自身合并' });
    expect((await db().select().from(workerProfiles).where(eq(workerProfiles.id, b))).length).toBe(1);
  });
  it('refuses a merge that would orphan training, application or event rows of the merged profile', async () => {
    const phone = nextPhone();
    const keep = (await makeWorker(ctx, { name: '丁某', homeRegionCode: TOWNS.zhongdu, phone })).id;
    const gone = (await makeWorker(ctx, { name: '丁某', homeRegionCode: TOWNS.zhongdu, phone })).id;
    await db()
      .update(workerProfiles)
      .set({ idNumberEnc: null, idNumberHash: null, idLast4: null })
      .where(eq(workerProfiles.id, gone));
    await db().insert(trainingNeeds).values({ workerId: gone, trade: '电焊工', regionCode: TOWNS.zhongdu });
    const res = await ctx.as(county).request('POST', '/api/v1/admin/workers/merge', { keepId: keep, mergeId: gone });
    expect(res.statusCode).toBe(409);
    expect(json<Err>(res).error.message).toContain('培训');
    expect((await db().select().from(workerProfiles).where(eq(workerProfiles.id, gone))).length).toBe(1);
  });
});
