import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq, sql } from 'drizzle-orm';
import { makeIdNumber } from '@lingong/contracts';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { guidanceSessions, matchmakings, registrationFollowups } from '../src/modules/services/services.schema.js';
import { workerProfiles, workerRegistrationConsents, workerSkills } from '../src/modules/workers/workers.schema.js';
import { collectionHouseholds, collectionMembers } from '../src/modules/collection/index.js';
import {
  addVillages,
  buildXlsx,
  type CellInput,
  createTestApp,
  makeEmployer,
  makeJob,
  json,
  occupationIdByName,
  postImport,
  type RegisteredWorker,
  registerWorker,
  makeStaff,
  type TestContext,
  TOWNS,
  VILLAGES,
} from './support/index.js';

type ErrorRes = {
  error: { code: string; message: string; details?: { row?: number; field: string; message: string }[] };
};

const NOW = new Date('2025-11-15T04:00:00Z');
const REG_HEADERS = [
  '序号',
  '姓名',
  '性别',
  '公民身份号码',
  '联系电话',
  '户籍/现居住地',
  '重点群体类别',
  '登记渠道',
  '登记人',
  '登记时间',
  '工种',
];

let ctx: TestContext;
let county: { token: string; id: string; name: string };
let zhongdu: { token: string; id: string; name: string };
let supervisor: { token: string; id: string; name: string };
let zhongduWorker: RegisteredWorker;
let zhaishaWorker: RegisteredWorker;

const id = (seq: number, gender: 'male' | 'female' = 'female') =>
  makeIdNumber({ regionCode: '450223', birthDate: '1985-03-0' + ((seq % 9) + 1), seq, gender });
const db = () => ctx.deps.database.db;
const countOf = async (
  table:
    | typeof workerProfiles
    | typeof workerSkills
    | typeof workerRegistrationConsents
    | typeof registrationFollowups
    | typeof guidanceSessions
    | typeof matchmakings,
) => (await db().select({ n: count() }).from(table))[0]?.n ?? 0;
const importAudits = async (ledger: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'import'), eq(auditLog.entity, 'ledger'), eq(auditLog.entityId, ledger)));
const regFile = (rows: CellInput[][]) => buildXlsx('求职登记台账', REG_HEADERS, rows);
const detailsOf = (res: { body: string }) => json<ErrorRes>(res as never).error.details ?? [];

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = NOW;
  await addVillages(ctx);
  county = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  zhongduWorker = await registerWorker(ctx, {
    name: '韦春花',
    homeRegionCode: VILLAGES.dazhao.code,
    createdAt: new Date('2025-10-01T02:00:00Z'),
  });
  zhaishaWorker = await registerWorker(ctx, {
    name: '覃秋月',
    homeRegionCode: VILLAGES.zhaisha.code,
    createdAt: new Date('2025-10-01T02:00:00Z'),
  });
});
afterAll(async () => ctx?.close());

describe('templates', () => {
  it('each importable ledger has a template with the export headers and a 填写说明 sheet', async () => {
    const res = await ctx.as(county.token).get('/api/v1/admin/ledgers/registrations/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['求职登记台账', '填写说明']);
    const headers = (wb.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(REG_HEADERS);
    expect(wb.worksheets[0]?.rowCount).toBe(1);
    expect(String(wb.worksheets[0]?.getRow(1).getCell(4).note)).toContain('必填');
    for (const ledger of ['followups', 'guidance', 'matchmakings']) {
      const t = await ctx.as(county.token).get(`/api/v1/admin/ledgers/${ledger}/import/template`);
      expect(t.statusCode).toBe(200);
    }
    const unknown = await ctx.as(county.token).get('/api/v1/admin/ledgers/kpi/import/template');
    expect(unknown.statusCode).toBe(400);
    const sup = await ctx.as(supervisor.token).get('/api/v1/admin/ledgers/registrations/import/template');
    expect(sup.statusCode).toBe(403);
  });
});

describe('registration import', () => {
  it('imports paper registrations: encrypted PII, channel, recorder, places by code or name, 工种, consent; one audit entry', async () => {
    const before = await countOf(workerProfiles);
    const file = await regFile([
      [
        1,
        '黄小明',
        '男',
        id(101, 'male'),
        '13800001111',
        '中渡镇·大兆村',
        '脱贫劳动力、残疾人',
        '入户采集',
        zhongdu.name,
        '2025-10-08 09:30',
        '泥水工、电工',
      ],
      [
        2,
        '蓝 小 红',
        '',
        id(102).toLowerCase(),
        '',
        VILLAGES.zhaisha.code,
        '',
        '活动现场',
        '',
        new Date(Date.UTC(2025, 9, 9, 14, 0)),
        '',
      ],
      [
        3,
        '莫三妹',
        '女',
        id(103),
        '+86 139-0000-2222',
        '寨沙镇新村',
        '失业人员，农民工/返乡人员',
        'station',
        '',
        '2025年10月10日',
        '6-31-01-03',
      ],
    ]);
    const res = await postImport(ctx, county.token, 'registrations', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ ledger: 'registrations', rows: 3, imported: 3 });
    expect(await countOf(workerProfiles)).toBe(before + 3);

    const rows = await db()
      .select()
      .from(workerProfiles)
      .where(eq(workerProfiles.idNumberHash, ctx.deps.pii.index('id_number', id(101, 'male'))));
    const row = rows[0];
    expect(row).toBeDefined();
    if (!row) return;
    expect(row.nameEnc).not.toContain('黄小明');
    expect(ctx.deps.pii.decrypt(row.nameEnc)).toBe('黄小明');
    expect(ctx.deps.pii.decrypt(row.phoneEnc ?? '')).toBe('13800001111');
    expect(row).toMatchObject({
      homeRegionCode: VILLAGES.dazhao.code,
      channel: 'household',
      registeredByStaffId: zhongdu.id,
      gender: 'male',
      priorityGroups: ['脱贫劳动力', '残疾人'],
      phoneHash: ctx.deps.pii.index('phone', '13800001111'),
    });
    expect(row.createdAt.toISOString()).toBe('2025-10-08T01:30:00.000Z');
    expect(row.occupationIds).toEqual([await occupationIdByName(ctx, '泥水工'), await occupationIdByName(ctx, '电工')]);
    expect((await db().select().from(workerSkills).where(eq(workerSkills.workerId, row.id))).length).toBe(2);
    expect(
      (await db().select().from(workerRegistrationConsents).where(eq(workerRegistrationConsents.workerId, row.id)))[0],
    ).toMatchObject({ method: 'paper', recordedByStaffId: county.id });

    const second = (
      await db()
        .select()
        .from(workerProfiles)
        .where(eq(workerProfiles.idNumberHash, ctx.deps.pii.index('id_number', id(102))))
    )[0];
    expect(second && ctx.deps.pii.decrypt(second.nameEnc)).toBe('蓝小红');
    expect(second).toMatchObject({
      channel: 'event',
      registeredByStaffId: county.id,
      phoneEnc: null,
      homeRegionCode: VILLAGES.zhaisha.code,
    });
    expect(second?.createdAt.toISOString()).toBe('2025-10-09T06:00:00.000Z');
    const third = (
      await db()
        .select()
        .from(workerProfiles)
        .where(eq(workerProfiles.idNumberHash, ctx.deps.pii.index('id_number', id(103))))
    )[0];
    expect(third).toMatchObject({
      priorityGroups: ['失业人员', '农民工/返乡人员'],
      channel: 'station',
      homeRegionCode: VILLAGES.zhaishaXincun.code,
      occupationIds: [await occupationIdByName(ctx, '电工')],
    });

    const audits = await importAudits('registrations');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: county.id, details: { rows: 3, imported: 3 } });

    const ledger = await ctx.as(county.token).get('/api/v1/admin/ledgers/registrations?channel=household');
    const items = json<{ items: { nameMasked: string; recorderName: string | null; homeRegionName: string }[] }>(
      ledger,
    ).items;
    expect(items).toContainEqual(
      expect.objectContaining({ nameMasked: '黄**', recorderName: zhongdu.name, homeRegionName: '中渡镇·大兆村' }),
    );
  });

  it('reports every bad row and field (row, field, message) and imports nothing', async () => {
    const before = { profiles: await countOf(workerProfiles), audits: (await importAudits('registrations')).length };
    const good = [1, '韦正常', '', id(201), '13800002222', '中渡镇·大兆村', '', '窗口代登记', '', '2025-10-01', ''];
    const badCheck = id(202).slice(0, 17) + (id(202).endsWith('0') ? '1' : '0');
    const file = await regFile([
      good,
      [
        2,
        '覃',
        '男',
        badCheck,
        '1234',
        '中渡镇·不存在村',
        '富人、残疾人',
        '线上自助',
        '不存在的人',
        '2026-01-01',
        '挖掘机手',
      ],
      [3, '韦重复', '', id(201), '', '新村', '', '驿站', '', '2025-10-01', '建筑装修'],
      [4, '韦已登记', '', zhongduWorker.idNumber, '', '中渡镇', '', '驿站', '', '2019-12-31', ''],
      [5, '韦性别', '男', id(203), '', '', '', '', '', '', ''],
      [6, '', '', '', '', '中渡镇', '', '驿站', '', 'yesterday', ''],
    ]);
    const res = await postImport(ctx, county.token, 'registrations', file);
    expect(res.statusCode).toBe(400);
    expect(json<ErrorRes>(res).error.code).toBe('IMPORT_FAILED');
    const details = detailsOf(res);
    const at = (row: number) => details.filter((d) => d.row === row).map((d) => [d.field, d.message]);
    expect(at(3)).toEqual([
      ['姓名', '姓名至少2个字'],
      ['公民身份号码', '身份证号码校验位不正确'],
      ['联系电话', '手机号码格式不正确'],
      ['户籍/现居住地', '不是本县的乡镇或村，请填写区划代码或如"中渡镇·大兆村"的名称'],
      ['重点群体类别', '"富人"不是重点群体类别'],
      ['登记渠道', '登记渠道应为 窗口代登记/驿站/入户采集/活动现场'],
      ['登记人', '"不存在的人"不是系统中的工作人员'],
      ['登记时间', '时间不能晚于当前时间'],
      ['工种', '工种"挖掘机手"不存在'],
    ]);
    expect(at(4)).toEqual([
      ['公民身份号码', '与第2行重复'],
      ['户籍/现居住地', '村名重复，请写明乡镇，如"中渡镇·大兆村"'],
      ['工种', '"建筑装修"是工种类别，请填写具体工种'],
    ]);
    expect(at(5)).toEqual([
      ['公民身份号码', '该身份证号码已登记，不能重复导入'],
      ['登记时间', '时间不能早于2020年'],
    ]);
    expect(at(6)).toEqual([
      ['性别', '性别与身份证号码不符'],
      ['户籍/现居住地', '请填写户籍/现居住地'],
      ['登记渠道', '请填写登记渠道'],
      ['登记时间', '请填写登记时间'],
    ]);
    expect(at(7)).toEqual([
      ['姓名', '请填写姓名'],
      ['公民身份号码', '请填写身份证号码'],
      ['登记时间', '时间格式不正确，应为 2025-10-01 或 2025-10-01 09:30'],
    ]);
    expect(at(2)).toEqual([]);
    expect(await countOf(workerProfiles)).toBe(before.profiles);
    expect((await importAudits('registrations')).length).toBe(before.audits);
  });

  it('rows outside the actor region are errors; other roles and anonymous callers are refused', async () => {
    const before = await countOf(workerProfiles);
    const file = await regFile([
      [1, '韦中渡', '', id(301), '', '中渡镇·新村', '', '驿站', '', '2025-10-01', ''],
      [2, '覃寨沙', '', id(302), '', '寨沙镇·寨沙村', '', '驿站', '', '2025-10-01', ''],
    ]);
    const res = await postImport(ctx, zhongdu.token, 'registrations', file);
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([{ row: 3, field: '户籍/现居住地', message: '不在管辖区域内' }]);
    expect((await postImport(ctx, supervisor.token, 'registrations', file)).statusCode).toBe(403);
    expect(
      (await ctx.anon.post('/api/v1/admin/ledgers/registrations/import', { file: file.toString('base64') })).statusCode,
    ).toBe(401);
    expect(await countOf(workerProfiles)).toBe(before);
  });

  it('refuses files that are not the template: missing columns, not xlsx, empty', async () => {
    const noId = await postImport(
      ctx,
      county.token,
      'registrations',
      await buildXlsx(
        '求职登记台账',
        ['姓名', '户籍/现居住地', '登记渠道', '登记时间'],
        [['韦某某', '中渡镇', '驿站', '2025-10-01']],
      ),
    );
    expect(detailsOf(noId)).toEqual([
      { row: 1, field: '公民身份号码', message: '缺少"公民身份号码"列，请使用下载的模板' },
    ]);
    const text = await postImport(ctx, county.token, 'registrations', Buffer.from('姓名,身份证\n韦某某,1'));
    expect(detailsOf(text)).toEqual([{ field: 'file', message: '无法读取文件，请上传 Excel（.xlsx）文件' }]);
    const empty = await postImport(ctx, county.token, 'registrations', await regFile([]));
    expect(detailsOf(empty)).toEqual([{ field: 'file', message: '文件中没有数据行' }]);
    const notBase64 = await postImport(ctx, county.token, 'registrations', '***');
    expect(notBase64.statusCode).toBe(400);
  });

  it('a failure in the middle of the insert leaves nothing behind', async () => {
    const before = {
      profiles: await countOf(workerProfiles),
      skills: await countOf(workerSkills),
      audits: (await importAudits('registrations')).length,
    };
    // A real database fault after the profiles are written: the consent insert fails.
    await db().execute(
      sql.raw(
        `create or replace function lingong_test_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$`,
      ),
    );
    await db().execute(
      sql.raw(
        `create trigger lingong_test_fail before insert on worker_registration_consents for each row execute function lingong_test_fail()`,
      ),
    );
    try {
      const rows = Array.from(
        { length: 30 },
        (_, i) =>
          [
            i + 1,
            `韦批量${i}`,
            '',
            id(400 + i),
            '',
            '中渡镇·大兆村',
            '',
            '入户采集',
            '',
            '2025-10-02 08:00',
            '泥水工',
          ] as CellInput[],
      );
      const res = await postImport(ctx, county.token, 'registrations', await regFile(rows));
      expect(res.statusCode).toBe(500);
    } finally {
      await db().execute(sql.raw('drop trigger lingong_test_fail on worker_registration_consents'));
    }
    expect(await countOf(workerProfiles)).toBe(before.profiles);
    expect(await countOf(workerSkills)).toBe(before.skills);
    expect((await importAudits('registrations')).length).toBe(before.audits);
  });
  it('a duplicate registered by someone else during the import is refused as a file error, nothing kept', async () => {
    const before = await countOf(workerProfiles);
    // The database reports a unique violation on insert, as when another import won the race.
    await db().execute(
      sql.raw(
        `create or replace function lingong_test_dup() returns trigger language plpgsql as $$ begin raise exception 'duplicate (test)' using errcode = 'unique_violation'; end $$`,
      ),
    );
    await db().execute(
      sql.raw(
        `create trigger lingong_test_dup before insert on worker_skills for each row execute function lingong_test_dup()`,
      ),
    );
    try {
      const res = await postImport(
        ctx,
        county.token,
        'registrations',
        await regFile([[1, '韦竞态', '', id(480), '', '中渡镇', '', '驿站', '', '2025-10-02', '泥水工']]),
      );
      expect(res.statusCode).toBe(400);
      expect(detailsOf(res)).toEqual([
        { field: 'file', message: '导入期间文件中的部分人员已被登记，未导入任何数据，请重新导入以查看明细' },
      ]);
    } finally {
      await db().execute(sql.raw('drop trigger lingong_test_dup on worker_skills'));
    }
    expect(await countOf(workerProfiles)).toBe(before);
  });
});

describe('service record imports', () => {
  it('imports follow-ups for registered workers by ID number, with recorder and dates', async () => {
    const before = await countOf(registrationFollowups);
    const file = await buildXlsx(
      '跟踪服务台账',
      ['序号', '姓名', '所在地', '公民身份号码', '联系时间', '跟踪状态', '情况说明', '下次跟踪日期', '记录人'],
      [
        [
          1,
          '韦春花',
          '中渡镇·大兆村',
          zhongduWorker.idNumber,
          '2025-11-01 10:00',
          '已就业',
          '在本镇工厂上班',
          '2025-12-01',
          zhongdu.name,
        ],
        [2, '韦春花', '', zhongduWorker.idNumber, '2025-11-10', 'seeking', '', '', ''],
      ],
    );
    const res = await postImport(ctx, zhongdu.token, 'followups', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ ledger: 'followups', rows: 2, imported: 2 });
    expect(await countOf(registrationFollowups)).toBe(before + 2);
    const rows = await db()
      .select()
      .from(registrationFollowups)
      .where(eq(registrationFollowups.workerId, zhongduWorker.id));
    expect(
      rows.map((r) => [r.status, r.nextDate, r.recorderStaffId, r.regionCode, r.contactedAt.toISOString()]).sort(),
    ).toEqual([
      ['employed', '2025-12-01', zhongdu.id, VILLAGES.dazhao.code, '2025-11-01T02:00:00.000Z'],
      ['seeking', null, zhongdu.id, VILLAGES.dazhao.code, '2025-11-09T16:00:00.000Z'],
    ]);
    expect((await importAudits('followups'))[0]).toMatchObject({ details: { rows: 2, imported: 2 } });
  });

  it('refuses follow-ups of unknown, mismatched or out-of-region workers, bad status and dates', async () => {
    const before = await countOf(registrationFollowups);
    const file = await buildXlsx(
      '跟踪服务台账',
      ['姓名', '公民身份号码', '联系时间', '跟踪状态', '下次跟踪日期'],
      [
        ['韦春花', zhongduWorker.idNumber, '2025-11-01', '已就业', '2025-12-01'],
        ['覃秋月', zhaishaWorker.idNumber, '2025-11-01', '已就业', ''],
        ['韦冒名', zhongduWorker.idNumber, '2025-11-01', '开心', '2025-10-01'],
        ['无此人', id(499), '2025-11-01', '其他', '2025/13/01'],
      ],
    );
    const res = await postImport(ctx, zhongdu.token, 'followups', file);
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([
      { row: 3, field: '公民身份号码', message: '该求职者未登记或不在管辖区域内，请先导入求职登记' },
      { row: 4, field: '姓名', message: '姓名与身份证号码登记的姓名不一致' },
      { row: 4, field: '跟踪状态', message: '跟踪状态应为 已就业/求职中/培训中/其他' },
      { row: 4, field: '下次跟踪日期', message: '下次跟踪日期不能早于联系日期' },
      { row: 5, field: '公民身份号码', message: '该求职者未登记或不在管辖区域内，请先导入求职登记' },
      { row: 5, field: '下次跟踪日期', message: '日期格式不正确，应为 2025-10-01' },
    ]);
    expect(await countOf(registrationFollowups)).toBe(before);
  });

  it('imports career-guidance sessions (职业指导)', async () => {
    const before = await countOf(guidanceSessions);
    const file = await buildXlsx(
      '职业指导台账',
      ['序号', '姓名', '公民身份号码', '指导时间', '指导主题', '择业建议', '下一步安排', '回访日期', '指导人'],
      [
        [
          1,
          '覃秋月',
          zhaishaWorker.idNumber,
          '2025-11-03 15:00',
          '择业方向',
          '建议参加电工培训',
          '报名电工班',
          '2025-11-20',
          '',
        ],
        [2, '覃秋月', zhaishaWorker.idNumber, '2025-11-04', '', '', '', '2025-11-01', ''],
      ],
    );
    const bad = await postImport(ctx, county.token, 'guidance', file);
    expect(detailsOf(bad)).toEqual([
      { row: 3, field: '指导主题', message: '请填写指导主题' },
      { row: 3, field: '择业建议', message: '请填写择业建议' },
      { row: 3, field: '回访日期', message: '回访日期不能早于指导日期' },
    ]);
    expect(await countOf(guidanceSessions)).toBe(before);
    const ok = await postImport(
      ctx,
      county.token,
      'guidance',
      await buildXlsx(
        '职业指导台账',
        ['姓名', '公民身份号码', '指导时间', '指导主题', '择业建议', '回访日期'],
        [['覃秋月', zhaishaWorker.idNumber, '2025-11-03 15:00', '择业方向', '建议参加电工培训', '2025-11-20']],
      ),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const rows = await db().select().from(guidanceSessions).where(eq(guidanceSessions.workerId, zhaishaWorker.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      topic: '择业方向',
      advice: '建议参加电工培训',
      followupDate: '2025-11-20',
      recorderStaffId: county.id,
      regionCode: VILLAGES.zhaisha.code,
    });
  });

  it('imports offline referrals (职业介绍) against employers and their jobs', async () => {
    const employerId = await makeEmployer(ctx, {
      name: '寨沙镇导入测试建材厂',
      townCode: TOWNS.zhaisha,
      createdAt: new Date('2025-09-01T00:00:00Z'),
    });
    const jobId = await makeJob(ctx, {
      employerId,
      townCode: TOWNS.zhaisha,
      kind: 'contract',
      headcount: 5,
      publishedAt: new Date('2025-10-01T00:00:00Z'),
      title: '搬运工（导入测试）',
    });
    const headers = [
      '序号',
      '求职者姓名',
      '公民身份号码',
      '用工主体',
      '岗位',
      '对接方式',
      '对接时间',
      '记录人',
      '备注',
    ];
    const before = await countOf(matchmakings);
    const bad = await postImport(
      ctx,
      county.token,
      'matchmakings',
      await buildXlsx('招聘求职对接台账', headers, [
        [1, '覃秋月', zhaishaWorker.idNumber, '不存在的公司', '', '', '2025-11-05', '', ''],
        [2, '覃秋月', zhaishaWorker.idNumber, '寨沙镇导入测试建材厂', '不存在岗位', '面谈', '2025-11-05', '', ''],
      ]),
    );
    expect(detailsOf(bad)).toEqual([
      { row: 2, field: '用工主体', message: '用工主体"不存在的公司"不存在，请填写系统中的全称' },
      { row: 3, field: '岗位', message: '该用工主体没有"不存在岗位"岗位' },
      { row: 3, field: '对接方式', message: '对接方式应为 报名/邀请/推荐/录用' },
    ]);
    expect(await countOf(matchmakings)).toBe(before);
    const ok = await postImport(
      ctx,
      county.token,
      'matchmakings',
      await buildXlsx('招聘求职对接台账', headers, [
        [
          1,
          '覃秋月',
          zhaishaWorker.idNumber,
          '寨沙镇导入测试建材厂',
          '搬运工（导入测试）',
          '录用',
          '2025-11-05 09:00',
          zhongdu.name,
          '线下推荐面试',
        ],
        [2, '韦春花', zhongduWorker.idNumber, '寨沙镇导入测试建材厂', '', '', '2025-11-06', '', ''],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const rows = await db().select().from(matchmakings).where(eq(matchmakings.employerId, employerId));
    expect(rows.map((r) => [r.workerId, r.jobId, r.kind, r.channel, r.source, r.recorderStaffId]).sort()).toEqual(
      [
        [zhaishaWorker.id, jobId, 'hire', 'offline', 'manual', zhongdu.id],
        [zhongduWorker.id, null, 'referral', 'offline', 'manual', county.id],
      ].sort(),
    );
    const ledger = await ctx.as(county.token).get('/api/v1/admin/ledgers/matchmakings?source=manual');
    expect(
      json<{ items: { employerName: string }[] }>(ledger).items.filter(
        (i) => i.employerName === '寨沙镇导入测试建材厂',
      ),
    ).toHaveLength(2);
  });
});

describe('household collection import (就业信息采集)', () => {
  const HEADERS = [
    '序号',
    '所在村',
    '户主姓名',
    '家庭住址',
    '家庭人口',
    '采集日期',
    '姓名',
    '与户主关系',
    '公民身份号码',
    '联系电话',
    '就业状态',
    '务工地点',
    '务工工种',
    '务工联系方式',
    '需求',
    '需求说明',
    '零就业家庭',
    '备注',
    '采集人',
  ];
  const member = (o: Record<string, CellInput>) => HEADERS.map((h) => o[h] ?? '');
  const homeA = {
    所在村: '中渡镇·大兆村',
    户主姓名: '韦大勇',
    家庭住址: '大兆村三组12号',
    家庭人口: 3,
    采集日期: '2025-11-01',
  };
  const homeB = {
    所在村: VILLAGES.dazhao.code,
    户主姓名: '黄海',
    家庭住址: '大兆村五组1号',
    家庭人口: 2,
    采集日期: '2025-11-02',
  };
  const cid = (seq: number, birth: string) =>
    makeIdNumber({ regionCode: '450223', birthDate: birth, seq, gender: 'male' });

  it('groups member rows into households, encrypts PII and derives the zero-employment flag', async () => {
    const file = await buildXlsx('家庭成员就业情况', HEADERS, [
      member({
        ...homeA,
        姓名: '韦大勇',
        与户主关系: '本人',
        公民身份号码: cid(11, '1980-02-02'),
        就业状态: '失业/未就业',
        需求: '就业岗位、技能培训',
        需求说明: '想学电工',
      }),
      member({
        ...homeA,
        姓名: '韦老伯',
        与户主关系: '父亲',
        公民身份号码: cid(12, '1950-02-02'),
        就业状态: '非劳动力',
      }),
      member({
        ...homeB,
        姓名: '黄海',
        公民身份号码: cid(13, '1990-03-03'),
        联系电话: '13900001234',
        就业状态: '外出务工',
        务工地点: '广东省佛山市',
        务工工种: '普工',
        务工联系方式: '13900001234',
        采集人: zhongdu.name,
      }),
    ]);
    const res = await postImport(ctx, zhongdu.token, 'collection', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ ledger: 'collection', rows: 3, imported: 3 });
    const households = await db().select().from(collectionHouseholds);
    expect(households).toHaveLength(2);
    const a = households.find((h) => ctx.deps.pii.decrypt(h.headNameEnc) === '韦大勇');
    const b = households.find((h) => ctx.deps.pii.decrypt(h.headNameEnc) === '黄海');
    expect(a).toMatchObject({
      villageCode: VILLAGES.dazhao.code,
      memberCount: 3,
      collectedOn: '2025-11-01',
      zeroEmployment: true,
      zeroEmploymentDerived: true,
      zeroEmploymentOverride: null,
      recorderStaffId: zhongdu.id,
    });
    expect(b).toMatchObject({ zeroEmployment: false, collectedOn: '2025-11-02' });
    expect(a && ctx.deps.pii.decrypt(a.addressEnc)).toBe('大兆村三组12号');
    const members = await db().select().from(collectionMembers);
    expect(members).toHaveLength(3);
    const migrant = members.find((m) => m.status === 'migrant');
    expect(migrant).toMatchObject({
      householdId: b?.id,
      migrantDestination: '广东省佛山市',
      migrantTrade: '普工',
      gender: 'male',
      birthDate: '1990-03-03',
    });
    expect(migrant && ctx.deps.pii.decrypt(migrant.migrantContactEnc ?? '')).toBe('13900001234');
    expect(members.find((m) => m.needs.length > 0)).toMatchObject({
      needs: ['job', 'training'],
      needNote: '想学电工',
      householdId: a?.id,
    });
    expect((await importAudits('collection'))[0]).toMatchObject({ details: { rows: 3, imported: 3 } });
  });

  it('reports bad member rows (village level, migrant destination, duplicates, household consistency, scope) and imports nothing', async () => {
    const before = {
      h: (await db().select({ n: count() }).from(collectionHouseholds))[0]?.n,
      m: (await db().select({ n: count() }).from(collectionMembers))[0]?.n,
    };
    const homeC = {
      所在村: '中渡镇·新村',
      户主姓名: '莫一',
      家庭住址: '新村一组',
      家庭人口: 3,
      采集日期: '2025-11-03',
    };
    const homeD = {
      所在村: '中渡镇·大兆村',
      户主姓名: '蓝六',
      家庭住址: '大兆村九组',
      家庭人口: 1,
      采集日期: '2025-11-03',
    };
    const file = await buildXlsx('家庭成员就业情况', HEADERS, [
      member({ ...homeA, 所在村: '中渡镇', 姓名: '韦某某', 公民身份号码: cid(21, '1980-04-04'), 就业状态: '本地就业' }),
      member({ ...homeC, 姓名: '莫一', 公民身份号码: cid(22, '1981-04-04'), 就业状态: '外出务工' }),
      member({ ...homeC, 姓名: '莫二', 公民身份号码: cid(22, '1981-04-04'), 就业状态: '本地就业' }),
      member({ ...homeC, 家庭人口: 2, 姓名: '莫三', 公民身份号码: cid(23, '1982-04-04'), 就业状态: '本地就业' }),
      member({ ...homeC, 姓名: '莫四', 公民身份号码: cid(11, '1980-02-02'), 就业状态: '待业', 零就业家庭: '也许' }),
      member({
        ...homeC,
        所在村: '寨沙镇·寨沙村',
        姓名: '覃五',
        公民身份号码: cid(24, '1983-04-04'),
        就业状态: '灵活就业',
        采集日期: '2026-01-01',
      }),
      member({ ...homeD, 姓名: '蓝六', 公民身份号码: cid(25, '1984-04-04'), 就业状态: '本地就业' }),
      member({ ...homeD, 姓名: '蓝七', 公民身份号码: cid(26, '1985-04-04'), 就业状态: '本地就业' }),
    ]);
    const res = await postImport(ctx, zhongdu.token, 'collection', file);
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([
      { row: 2, field: '所在村', message: '请填写行政村（不是乡镇）' },
      { row: 3, field: '务工地点', message: '外出务工人员须填写务工地点' },
      { row: 4, field: '公民身份号码', message: '与第3行重复' },
      { row: 5, field: '家庭人口', message: '同一户（第3行起）的家庭人口和采集日期应一致' },
      { row: 6, field: '公民身份号码', message: '该身份证号码已在其他户登记' },
      { row: 6, field: '就业状态', message: '就业状态应为 本地就业/外出务工/灵活就业/失业/未就业/非劳动力' },
      { row: 6, field: '零就业家庭', message: '零就业家庭应为 是/否' },
      { row: 7, field: '所在村', message: '不在管辖区域内' },
      { row: 7, field: '采集日期', message: '采集日期应在2020年至今天之间' },
      { row: 9, field: '家庭人口', message: '该户填写的成员多于家庭人口（1人）' },
    ]);
    expect((await db().select({ n: count() }).from(collectionHouseholds))[0]?.n).toBe(before.h);
    expect((await db().select({ n: count() }).from(collectionMembers))[0]?.n).toBe(before.m);
  });
});
