import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { occupationChanges, occupations } from '../src/modules/reference/reference.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { createTestApp, json, staffToken, type TestContext } from './support/index.js';

let ctx: TestContext;
let admin: string;
let supervisor: string;
let zhongduAgent: string;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: '450223101000' });
});
afterAll(async () => ctx?.close());

type Occ = {
  id: string;
  name: string;
  parentId: string | null;
  nationalCode: string | null;
  skillTags: string[];
  category: boolean;
  sort: number;
  disabled: boolean;
};
type Err = { error: { code: string; message: string; details?: { row?: number; field: string; message: string }[] } };
const base = '/api/v1/admin/occupations';
const req = (method: 'GET' | 'POST' | 'PATCH', url: string, token = admin, payload?: object) =>
  ctx.as(token).request(method, `${base}${url}`, payload);
const all = async () => json<{ items: Occ[] }>(await req('GET', '')).items;
const byName = async (name: string) => (await all()).find((o) => o.name === name);
const occCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(occupations))[0]?.n ?? 0;

async function xlsx(
  rows: (string | number)[][],
  headers = ['工种名称', '上级工种', '是否类别', '国家职业分类代码', '技能标签', '排序'],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工种目录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('occupation tree administration', () => {
  it('creates a category and a trade with a national code and skill tags; history and audit are kept', async () => {
    const cat = await req('POST', '', admin, { name: '新能源', category: true });
    expect(cat.statusCode).toBe(201);
    const catId = json<Occ>(cat).id;
    const trade = await req('POST', '', admin, {
      name: '光伏安装工',
      parentId: catId,
      nationalCode: '６－２９－０１－０１',
      skillTags: ['光伏', '高空作业', '光伏'],
    });
    expect(trade.statusCode).toBe(201);
    expect(json<Occ>(trade)).toMatchObject({
      parentId: catId,
      nationalCode: '6-29-01-01',
      skillTags: ['光伏', '高空作业'],
      category: false,
      disabled: false,
    });
    const hist = json<{ items: { action: string; changedByName: string }[] }>(
      await req('GET', `/${json<Occ>(trade).id}/history`, supervisor),
    );
    expect(hist.items[0]).toMatchObject({ action: 'create' });
    expect(hist.items[0]?.changedByName).toMatch(/^测试/);
    const audits = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, json<Occ>(trade).id));
    expect(audits.map((a) => a.action)).toEqual(['occupation_create']);
  });

  it('bad input is 400 with Chinese field messages; duplicates are 409; nothing written', async () => {
    const before = await occCount();
    const res = await req('POST', '', admin, {
      name: '',
      nationalCode: '629-01',
      skillTags: ['x'.repeat(21)],
      sort: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '请填写工种名称' },
        { field: 'nationalCode', message: '国家职业分类代码格式应为 6-29-01-01' },
        { field: 'skillTags.0', message: '每个技能标签最多20个字' },
        { field: 'sort', message: '排序不能为负数' },
      ]),
    );
    const dup = await req('POST', '', admin, { name: '电焊工' });
    expect(dup.statusCode).toBe(409);
    expect(json<Err>(dup).error.details?.[0]).toMatchObject({ field: 'name', message: '工种名称已存在' });
    const orphan = await req('POST', '', admin, { name: '孤儿工种', parentId: crypto.randomUUID() });
    expect(json<Err>(orphan).error.details).toEqual([{ field: 'parentId', message: '上级工种不存在' }]);
    expect(await occCount()).toBe(before);
  });

  it('edits keep old -> new in the history', async () => {
    const trade = await byName('光伏安装工');
    const res = await req('PATCH', `/${trade?.id}`, admin, { nationalCode: null, skillTags: ['光伏板'] });
    expect(json<Occ>(res)).toMatchObject({ nationalCode: null, skillTags: ['光伏板'] });
    const sortOnly = await req('PATCH', `/${trade?.id}`, admin, { sort: 7 });
    expect(json<Occ>(sortOnly)).toMatchObject({ sort: 7, nationalCode: null, skillTags: ['光伏板'] });
    const codeKept = json<Occ>(await req('PATCH', `/${(await byName('电焊工'))?.id}`, admin, { sort: 6 }));
    expect(codeKept.nationalCode).not.toBeNull();
    expect(codeKept.skillTags.length).toBeGreaterThan(0);
    const [change] = await ctx.deps.database.db
      .select()
      .from(occupationChanges)
      .where(eq(occupationChanges.action, 'update'));
    expect(change).toMatchObject({
      oldValue: { nationalCode: '6-29-01-01', skillTags: ['光伏', '高空作业'] },
      newValue: { nationalCode: null, skillTags: ['光伏板'] },
    });
  });

  it('moves under another parent and refuses cycles', async () => {
    const cat = await byName('新能源');
    const trade = await byName('光伏安装工');
    const construction = (await all()).find((o) => o.category && o.name.includes('建筑'));
    const moved = await req('POST', `/${trade?.id}/move`, admin, { parentId: construction?.id });
    expect(json<Occ>(moved).parentId).toBe(construction?.id);
    await req('POST', `/${trade?.id}/move`, admin, { parentId: cat?.id });
    const self = await req('POST', `/${cat?.id}/move`, admin, { parentId: cat?.id });
    expect(self.statusCode).toBe(409);
    const cycle = await req('POST', `/${cat?.id}/move`, admin, { parentId: trade?.id });
    expect(cycle.statusCode).toBe(409);
    expect(json<Err>(cycle).error.message).toBe('不能移动到自身或其下级工种之下');
    expect((await byName('新能源'))?.parentId).toBeNull();
  });

  it('disables (children first) and enables; disabled ones leave the public tree but stay for history', async () => {
    const cat = await byName('新能源');
    const trade = await byName('光伏安装工');
    const refused = await req('POST', `/${cat?.id}/disable`);
    expect(refused.statusCode).toBe(409);
    expect(json<Occ>(await req('POST', `/${trade?.id}/disable`)).disabled).toBe(true);
    expect(json<Occ>(await req('POST', `/${cat?.id}/disable`)).disabled).toBe(true);
    const pub = json<{ items: { name: string }[] }>(await ctx.anon.get('/api/v1/public/occupations')).items;
    expect(pub.map((o) => o.name)).not.toContain('光伏安装工');
    expect((await byName('光伏安装工'))?.disabled).toBe(true);
    expect((await req('POST', `/${trade?.id}/enable`)).statusCode).toBe(409);
    await req('POST', `/${cat?.id}/enable`);
    expect(json<Occ>(await req('POST', `/${trade?.id}/enable`)).disabled).toBe(false);
    const actions = (
      await ctx.deps.database.db
        .select()
        .from(occupationChanges)
        .where(eq(occupationChanges.occupationId, trade?.id ?? ''))
    ).map((c) => c.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'move', 'disable', 'enable']));
  });

  it('supervisors and station agents read but cannot write', async () => {
    const before = await occCount();
    expect((await req('GET', '', supervisor)).statusCode).toBe(200);
    expect((await req('POST', '', supervisor, { name: '监管新增' })).statusCode).toBe(403);
    expect((await req('POST', '', zhongduAgent, { name: '驿站新增' })).statusCode).toBe(403);
    const trade = await byName('电焊工');
    expect((await req('POST', `/${trade?.id}/disable`, supervisor)).statusCode).toBe(403);
    expect((await req('POST', '/import', supervisor, { file: await xlsx([['监管导入', '']]) })).statusCode).toBe(403);
    expect(await occCount()).toBe(before);
  });
});

describe('occupation Excel export and import', () => {
  it('exports the tree with Chinese headers, categories followed by their trades', async () => {
    const res = await req('GET', '/export', supervisor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="occupations.xlsx"; filename*=UTF-8''${encodeURIComponent('工种目录.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const ws = wb.getWorksheet('工种目录');
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      '工种名称',
      '上级工种',
      '是否类别',
      '国家职业分类代码',
      '技能标签',
      '排序',
      '状态',
    ]);
    const rows: string[][] = [];
    ws?.eachRow((r, n) => n > 1 && rows.push([r.getCell(1).text, r.getCell(2).text, r.getCell(3).text]));
    expect(rows.length).toBe(await occCount());
    const welder = rows.findIndex((r) => r[0] === '电焊工');
    const parent = rows[welder]?.[1] ?? '';
    expect(rows.findIndex((r) => r[0] === parent)).toBeLessThan(welder);
  });

  it('re-importing the export changes nothing', async () => {
    const exported = await req('GET', '/export', admin);
    const res = await req('POST', '/import', admin, { file: exported.rawPayload.toString('base64') });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ created: 0, updated: 0, unchanged: await occCount() });
  });

  it('imports new and changed rows; parents may come from the file or the database', async () => {
    const list = await all();
    const welderParent = list.find((o) => o.id === list.find((x) => x.name === '电焊工')?.parentId)?.name ?? '';
    const file = await xlsx([
      ['农机服务', '', '是', '', '', ''],
      ['拖拉机驾驶员', '农机服务', '否', '6-28-01-01', '拖拉机、耕地', 5],
      ['收割机手', '农机服务', '', '', '收割，机械', ''],
      ['电焊工', welderParent, '否', '6-25-04-03', '电焊、氩弧焊', ''],
      [],
    ]);
    const res = await req('POST', '/import', admin, { file });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ created: 3, updated: 1 });
    const harvester = await byName('收割机手');
    expect(harvester).toMatchObject({
      parentId: (await byName('农机服务'))?.id,
      category: false,
      skillTags: ['收割', '机械'],
    });
    expect((await byName('电焊工'))?.nationalCode).toBe('6-25-04-03');
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'occupation_import'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.details).toMatchObject({ created: ['农机服务', '拖拉机驾驶员', '收割机手'], updated: ['电焊工'] });
  });

  it('a file with any bad row imports nothing and reports row, field and message', async () => {
    const before = await occCount();
    const welderBefore = await byName('电焊工');
    const file = await xlsx([
      ['电焊工', '', '否', '6-25-04-99', '', ''],
      ['养蜂工', '不存在的类别', '否', '', '', ''],
      ['', '农机服务', '', '', '', ''],
      ['采茶工', '农机服务', '也许', '62901', '', '第一'],
      ['采茶工', '农机服务', '否', '', '', ''],
      ['农机服务', '收割机手', '是', '', '', ''],
    ]);
    const res = await req('POST', '/import', admin, { file });
    expect(res.statusCode).toBe(400);
    const body = json<Err>(res);
    expect(body.error.code).toBe('IMPORT_FAILED');
    expect(body.error.message).toBe('导入文件有错误，未导入任何数据');
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { row: 4, field: '工种名称', message: '请填写工种名称' },
        { row: 5, field: '是否类别', message: '应填"是"或"否"' },
        { row: 5, field: '国家职业分类代码', message: '格式应为 6-29-01-01' },
        { row: 5, field: '排序', message: '排序应为0到100000的整数' },
        { row: 6, field: '工种名称', message: '与第5行重复' },
      ]),
    );
    expect(await occCount()).toBe(before);
    expect(await byName('电焊工')).toEqual(welderBefore);

    const treeErrors = await req('POST', '/import', admin, {
      file: await xlsx([
        ['养蜂工', '不存在的类别', '否', '', '', ''],
        ['农机服务', '收割机手', '是', '', '', ''],
      ]),
    });
    expect(json<Err>(treeErrors).error.details).toEqual([
      { row: 2, field: '上级工种', message: '上级工种"不存在的类别"不存在' },
      { row: 3, field: '上级工种', message: '上下级关系形成循环' },
    ]);
    expect(await occCount()).toBe(before);
  });

  it('refuses a file that is not a workbook or lacks the required columns', async () => {
    const notXlsx = await req('POST', '/import', admin, { file: Buffer.from('hello').toString('base64') });
    expect(json<Err>(notXlsx).error.details).toEqual([
      { field: 'file', message: '无法读取文件，请上传 Excel（.xlsx）文件' },
    ]);
    const noColumns = await req('POST', '/import', admin, { file: await xlsx([['x']], ['名称']) });
    expect(json<Err>(noColumns).error.details?.map((d) => d.field)).toEqual(['工种名称', '上级工种']);
    const notBase64 = await req('POST', '/import', admin, { file: '%%%' });
    expect(json<Err>(notBase64).error.details).toEqual([{ field: 'file', message: '请上传 Excel 文件（.xlsx）' }]);
  });
});
