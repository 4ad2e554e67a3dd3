import type { DbOrTx } from '../../db/client.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { isWithinRegion, regionPrefix } from '../reference/index.js';
import * as repo from './imports.repository.js';
import type { Parsed } from './imports.values.js';

// Resolvers from what a paper record says (place names, 工种 names, staff names) to ids.

/** The deployment's county (鹿寨县); home places must be a town or village in it. */
export const COUNTY_CODE = '450223000000';
const PREFIXES = ['广西壮族自治区', '广西', '柳州市', '鹿寨县'];
const squash = (s: string) => s.replace(/[\s·•．.\-—/、]/g, '');

export type RegionResolver = (cell: string) => Parsed<string>;

/** Town or village by 12-digit code or name ('中渡镇·大兆村', '中渡镇大兆村', '大兆村' when unique), in scope. */
export async function regionResolver(db: DbOrTx, actor: StaffActor): Promise<RegionResolver> {
  const rows = (await repo.findRegionsUnder(db, `${regionPrefix(COUNTY_CODE)}%`)).filter(
    (r) => r.level === 'town' || r.level === 'village',
  );
  const towns = new Map(rows.filter((r) => r.level === 'town').map((r) => [r.code, r.name]));
  const byName = new Map<string, string | null>();
  const add = (key: string, code: string) => byName.set(key, byName.has(key) && byName.get(key) !== code ? null : code);
  for (const r of rows) {
    if (r.level === 'town') add(squash(r.name), r.code);
    else {
      add(squash(`${towns.get(r.parentCode ?? '') ?? ''}${r.name}`), r.code);
      add(squash(r.name), r.code);
    }
  }
  const codes = new Set(rows.map((r) => r.code));
  return (cell) => {
    let code: string | null | undefined;
    if (/^\d{12}$/.test(cell)) code = codes.has(cell) ? cell : undefined;
    else {
      let name = squash(cell);
      for (const p of PREFIXES) if (name.startsWith(p)) name = name.slice(p.length);
      code = byName.get(name);
    }
    if (code === null) return { ok: false, message: '村名重复，请写明乡镇，如"中渡镇·大兆村"' };
    if (!code) return { ok: false, message: '不是本县的乡镇或村，请填写区划代码或如"中渡镇·大兆村"的名称' };
    if (!isWithinRegion(actor.regionCode, code)) return { ok: false, message: '不在管辖区域内' };
    return { ok: true, value: code };
  };
}

/** 工种 by name or 国家职业分类代码; categories are refused. */
export async function occupationResolver(db: DbOrTx): Promise<(cell: string) => Parsed<string>> {
  const rows = await repo.findActiveOccupations(db);
  const map = new Map<string, (typeof rows)[number]>();
  for (const o of rows) {
    map.set(o.name, o);
    if (o.nationalCode && !map.has(o.nationalCode)) map.set(o.nationalCode, o);
  }
  return (cell) => {
    const o = map.get(cell);
    if (!o) return { ok: false, message: `工种"${cell}"不存在` };
    if (o.isCategory) return { ok: false, message: `"${cell}"是工种类别，请填写具体工种` };
    return { ok: true, value: o.id };
  };
}

/** Staff by name (blank: the importing staff member). */
export async function recorderResolver(
  db: DbOrTx,
  actor: StaffActor,
  names: string[],
): Promise<(cell: string) => Parsed<string>> {
  const rows = await repo.findStaffByNames(db, names.filter(Boolean));
  const ids = new Map<string, string[]>();
  for (const r of rows) ids.set(r.name, [...(ids.get(r.name) ?? []), r.id]);
  return (cell) => {
    if (!cell) return { ok: true, value: actor.id };
    const found = ids.get(cell) ?? [];
    if (found.length === 0) return { ok: false, message: `"${cell}"不是系统中的工作人员` };
    if (found.length > 1) return { ok: false, message: `有多名工作人员叫"${cell}"，请留空（记为导入人）` };
    return { ok: true, value: found[0] ?? actor.id };
  };
}
