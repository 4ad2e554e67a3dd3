import ExcelJS from 'exceljs';
import { checkXlsx } from '../../platform/files/zip-guard.js';
import { NATIONAL_CODE_PATTERN, normaliseNationalCode } from '@lingong/contracts';
import type { FieldError } from '../../platform/errors/app-error.js';
import { sheetWorkbook, type SheetSpec } from '../../platform/reporting/index.js';
import type { OccupationRow } from './reference.repository.js';

const REQUIRED_HEADERS = ['工种名称', '上级工种'];
export const SHEET_NAME = '工种目录';

/** An occupation with its parent's name, as one sheet row. */
type OccupationSheetRow = { row: OccupationRow; parentName: string };
/** The occupation sheet's columns, in order. 工种名称 is the row's identity. */
const OCCUPATION_SHEET: SheetSpec<OccupationSheetRow> = {
  name: SHEET_NAME,
  columns: [
    { header: '工种名称', width: 18, value: ({ row }) => row.name },
    { header: '上级工种', width: 16, value: ({ parentName }) => parentName },
    { header: '是否类别', width: 10, value: ({ row }) => (row.isCategory ? '是' : '否') },
    { header: '国家职业分类代码', width: 18, value: ({ row }) => row.nationalCode ?? '' },
    { header: '技能标签', width: 40, value: ({ row }) => row.skillTags.join('、') },
    { header: '排序', width: 8, value: ({ row }) => row.sort },
    { header: '状态', width: 8, value: ({ row }) => (row.disabledAt ? '停用' : '启用') },
  ],
};

/** Categories first, each followed by its children (depth-first, by sort). */
function treeOrder(rows: OccupationRow[]): OccupationRow[] {
  const byParent = new Map<string | null, OccupationRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const ids = new Set(rows.map((r) => r.id));
  const out: OccupationRow[] = [];
  const visit = (parent: string | null) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  // Orphans (parent missing) still appear, at the end.
  for (const r of rows) if (r.parentId && !ids.has(r.parentId)) out.push(r);
  return out;
}

/** The occupation tree as an .xlsx workbook with Chinese headers, one row per occupation. */
export async function buildOccupationWorkbook(rows: OccupationRow[], now: Date): Promise<Buffer> {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const sheetRows = treeOrder(rows).map((row) => ({
    row,
    parentName: row.parentId ? (names.get(row.parentId) ?? '') : '',
  }));
  return sheetWorkbook(OCCUPATION_SHEET, sheetRows, now);
}

/** One valid row of an import file. */
export type ImportedOccupation = {
  row: number;
  name: string;
  parentName: string | null;
  category: boolean;
  nationalCode: string | null;
  skillTags: string[];
  sort: number | null;
};

export type ParseResult = { ok: true; rows: ImportedOccupation[] } | { ok: false; errors: FieldError[] };

const TAG_SEPARATORS = /[,，、;；\s]+/;

/**
 * Read an occupation sheet. Every row is checked (name present, unique in the file and at most 30
 * characters; 是否类别 是/否; national code format; tags; sort a whole number); the 状态 column is
 * informational and ignored. Tree checks against the database happen in the import service.
 */
export async function parseOccupationWorkbook(data: Buffer): Promise<ParseResult> {
  const zip = await checkXlsx(data);
  if (!zip.ok) return { ok: false, errors: [{ field: 'file', message: zip.message }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    return { ok: false, errors: [{ field: 'file', message: '无法读取文件，请上传 Excel（.xlsx）文件' }] };
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) return { ok: false, errors: [{ field: 'file', message: '文件中没有工作表' }] };
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columns.set(cell.text.trim(), col));
  const missing = REQUIRED_HEADERS.filter((h) => !columns.has(h));
  if (missing.length > 0)
    return { ok: false, errors: missing.map((h) => ({ row: 1, field: h, message: `缺少"${h}"列` })) };

  const errors: FieldError[] = [];
  const rows: ImportedOccupation[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((excelRow, rowNumber) => {
    if (rowNumber === 1) return;
    const text = (header: string) => {
      const col = columns.get(header);
      return col ? excelRow.getCell(col).text.trim() : '';
    };
    const fail = (field: string, message: string) => errors.push({ row: rowNumber, field, message });
    const name = text('工种名称');
    const parentName = text('上级工种');
    const rawCategory = text('是否类别');
    const rawCode = normaliseNationalCode(text('国家职业分类代码'));
    const rawTags = text('技能标签');
    const rawSort = text('排序');
    if (!name && !parentName && !rawCode && !rawTags) return; // blank line
    if (!name) fail('工种名称', '请填写工种名称');
    else if (name.length > 30) fail('工种名称', '工种名称最多30个字');
    else if (seen.has(name)) fail('工种名称', `与第${seen.get(name)}行重复`);
    else seen.set(name, rowNumber);
    if (parentName && parentName === name) fail('上级工种', '上级工种不能是自己');
    if (rawCategory && rawCategory !== '是' && rawCategory !== '否') fail('是否类别', '应填"是"或"否"');
    if (rawCode && !NATIONAL_CODE_PATTERN.test(rawCode)) fail('国家职业分类代码', '格式应为 6-29-01-01');
    const skillTags = [...new Set(rawTags.split(TAG_SEPARATORS).filter(Boolean))];
    if (skillTags.length > 30) fail('技能标签', '技能标签最多30个');
    if (skillTags.some((t) => t.length > 20)) fail('技能标签', '每个技能标签最多20个字');
    let sort: number | null = null;
    if (rawSort) {
      sort = Number(rawSort);
      if (!Number.isInteger(sort) || sort < 0 || sort > 100000) fail('排序', '排序应为0到100000的整数');
    }
    rows.push({
      row: rowNumber,
      name,
      parentName: parentName || null,
      category: rawCategory ? rawCategory === '是' : !parentName,
      nationalCode: rawCode || null,
      skillTags,
      sort,
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ field: 'file', message: '文件中没有数据行' }] };
  return { ok: true, rows };
}
