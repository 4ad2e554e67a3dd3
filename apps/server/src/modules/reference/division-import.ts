/**
 * Parser and validator for the official division list (统计用区划代码), so the administrative
 * villages can be loaded from a CSV or an .xlsx the operator supplies.
 *
 * Columns (header row required, any order, extra columns ignored):
 *   代码 / code (required), 名称 / name (required), 级别 / level (optional), 上级代码 / parent (optional).
 * An empty level is read from the code's shape; an empty parent is derived from the code.
 * Any error rejects the whole file; errors carry the 1-based file row (header = row 1).
 */
import {
  deriveParentCode,
  isTwelveDigits,
  levelOfCode,
  REGION_LEVEL_LABELS,
  REGION_LEVEL_ORDER,
  type RegionLevel,
} from '../../platform/rbac/region-codes.js';

export interface ParsedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** 1-based file row the region came from (header = row 1). */
  row: number;
}

export interface DivisionImportError {
  /** 1-based file row (header = row 1). */
  row: number;
  /** 'code' | 'name' | 'level' | 'parent' for a cell, 'header' or 'file' for the whole file. */
  field: string;
  /** Chinese message naming the field. */
  message: string;
}

export interface DivisionImportOptions {
  /** Codes already in the database; a parent must be here or in the file. */
  knownCodes?: ReadonlySet<string>;
}

export type DivisionImportResult = { ok: true; regions: ParsedRegion[] } | { ok: false; errors: DivisionImportError[] };

export const MAX_NAME_LENGTH = 50;

type Column = 'code' | 'name' | 'level' | 'parent';
const COLUMNS: readonly Column[] = ['code', 'name', 'level', 'parent'];
const REQUIRED_COLUMNS: readonly Column[] = ['code', 'name'];

const COLUMN_LABELS: Readonly<Record<Column, string>> = {
  code: '代码',
  name: '名称',
  level: '级别',
  parent: '上级代码',
};

const HEADER_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  code: ['代码', '区划代码', '统计用区划代码', '行政区划代码', 'code', 'divisioncode'],
  name: ['名称', '区划名称', '单位名称', 'name'],
  level: ['级别', '层级', '区划级别', 'level'],
  parent: ['上级代码', '上级区划代码', '父级代码', 'parent', 'parentcode'],
};

const LEVEL_ALIASES: ReadonlyMap<string, RegionLevel> = new Map<string, RegionLevel>([
  ...REGION_LEVEL_ORDER.map((level, index): [string, RegionLevel][] => [
    [level, level],
    [String(index + 1), level],
  ]).flat(),
  ['省', 'province'],
  ['省级', 'province'],
  ['市', 'city'],
  ['地', 'city'],
  ['市级', 'city'],
  ['地级', 'city'],
  ['县', 'county'],
  ['区', 'county'],
  ['县级', 'county'],
  ['乡', 'town'],
  ['镇', 'town'],
  ['乡镇', 'town'],
  ['街道', 'town'],
  ['乡级', 'town'],
  ['村', 'village'],
  ['社区', 'village'],
  ['村级', 'village'],
]);

const LEVEL_HINT = 'province/city/county/town/village、省/市/县/乡/村 或 1-5';

/** Normalises a header cell: trims, drops spaces, underscores and hyphens, lower-cases ASCII. */
function headerKey(cell: string): string {
  return cell.replace(/[\s_\-（）()]/g, '').toLowerCase();
}

function parseLevel(raw: string): RegionLevel | null {
  return LEVEL_ALIASES.get(raw.trim().toLowerCase()) ?? null;
}

function cellAt(row: readonly string[], index: number | undefined): string {
  if (index === undefined) return '';
  return (row[index] ?? '').trim();
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function readHeader(header: readonly string[]): {
  columns: Partial<Record<Column, number>>;
  errors: DivisionImportError[];
} {
  const columns: Partial<Record<Column, number>> = {};
  const errors: DivisionImportError[] = [];
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    for (const column of COLUMNS) {
      if (!HEADER_ALIASES[column].some((alias) => headerKey(alias) === key)) continue;
      if (columns[column] !== undefined) {
        errors.push({ row: 1, field: 'header', message: `表头中“${COLUMN_LABELS[column]}”列出现了不止一次` });
      } else {
        columns[column] = index;
      }
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (columns[column] === undefined) {
      errors.push({
        row: 1,
        field: 'header',
        message: `表头缺少“${COLUMN_LABELS[column]}”列（可写作 ${HEADER_ALIASES[column].join('、')}）`,
      });
    }
  }
  return { columns, errors };
}

/**
 * Validates rows already split into cells (from a CSV or an .xlsx). `rows[0]` is the header.
 * On success regions are ordered parents first (by level, then code), ready to insert.
 */
export function parseDivisionRows(
  rows: readonly (readonly string[])[],
  options: DivisionImportOptions = {},
): DivisionImportResult {
  const header = rows[0];
  if (!header || isBlankRow(header)) {
    return {
      ok: false,
      errors: [{ row: 1, field: 'file', message: '文件为空：第1行应为表头（代码、名称、级别、上级代码）' }],
    };
  }
  const { columns, errors } = readHeader(header);
  if (errors.length > 0) return { ok: false, errors };

  const knownCodes = options.knownCodes ?? new Set<string>();
  const regions: ParsedRegion[] = [];
  const firstRowOfCode = new Map<string, number>();
  const pendingParents: { row: number; parentCode: string }[] = [];

  rows.forEach((cells, index) => {
    const row = index + 1;
    if (index === 0 || isBlankRow(cells)) return;
    const rowErrors: DivisionImportError[] = [];
    const fail = (field: Column, message: string): void => {
      rowErrors.push({ row, field, message });
    };

    const code = cellAt(cells, columns.code);
    const name = cellAt(cells, columns.name);
    const levelRaw = cellAt(cells, columns.level);
    const parentRaw = cellAt(cells, columns.parent);

    let shapeLevel: RegionLevel | null = null;
    if (code === '') {
      fail('code', '代码不能为空');
    } else if (!isTwelveDigits(code)) {
      fail('code', `代码“${code}”应为12位数字`);
    } else {
      shapeLevel = levelOfCode(code);
      if (shapeLevel === null) fail('code', `代码“${code}”不是有效的区划代码：上级各段不能为000，其后各段应全为0`);
    }
    if (shapeLevel !== null) {
      const firstRow = firstRowOfCode.get(code);
      if (firstRow !== undefined) fail('code', `代码“${code}”重复，与第${firstRow}行相同`);
      else firstRowOfCode.set(code, row);
    }

    const nameLength = [...name].length;
    if (nameLength === 0) fail('name', '名称不能为空');
    else if (nameLength > MAX_NAME_LENGTH) fail('name', `名称最多${MAX_NAME_LENGTH}个字，当前${nameLength}个字`);

    let level: RegionLevel | null = shapeLevel;
    if (levelRaw !== '') {
      const declared = parseLevel(levelRaw);
      if (declared === null) {
        fail('level', `级别“${levelRaw}”无法识别，应为 ${LEVEL_HINT}`);
      } else if (shapeLevel !== null && declared !== shapeLevel) {
        fail('level', `级别“${levelRaw}”与代码不符：代码“${code}”是${REGION_LEVEL_LABELS[shapeLevel]}代码`);
      } else {
        level = declared;
      }
    }

    let parentCode: string | null = null;
    if (shapeLevel !== null) {
      const derived = deriveParentCode(code);
      if (parentRaw === '') {
        parentCode = derived;
      } else if (!isTwelveDigits(parentRaw)) {
        fail('parent', `上级代码“${parentRaw}”应为12位数字`);
      } else if (derived === null) {
        fail('parent', `省级区划不应填写上级代码（填写了“${parentRaw}”）`);
      } else if (parentRaw !== derived) {
        fail('parent', `上级代码“${parentRaw}”与代码不符：代码“${code}”的上级应为“${derived}”`);
      } else {
        parentCode = derived;
      }
    } else if (parentRaw !== '' && !isTwelveDigits(parentRaw)) {
      fail('parent', `上级代码“${parentRaw}”应为12位数字`);
    }

    if (rowErrors.length > 0 || level === null) {
      errors.push(...rowErrors);
      return;
    }
    if (parentCode !== null) pendingParents.push({ row, parentCode });
    regions.push({ code, name, level, parentCode, row });
  });

  for (const { row, parentCode } of pendingParents) {
    if (!firstRowOfCode.has(parentCode) && !knownCodes.has(parentCode)) {
      errors.push({ row, field: 'parent', message: `上级代码“${parentCode}”既不在本文件中，也不在系统已有区划中` });
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, errors };
  }
  if (regions.length === 0) {
    return { ok: false, errors: [{ row: 1, field: 'file', message: '文件中没有区划数据：表头之后至少需要一行' }] };
  }
  const depth = (level: RegionLevel): number => REGION_LEVEL_ORDER.indexOf(level);
  regions.sort((a, b) => depth(a.level) - depth(b.level) || a.code.localeCompare(b.code));
  return { ok: true, regions };
}

export type CsvParseResult = { ok: true; rows: string[][] } | { ok: false; row: number; message: string };

/**
 * RFC 4180 CSV: comma separated; fields may be quoted, with "" for a quote and commas or line
 * breaks inside quotes; CRLF, LF or CR line ends; a leading UTF-8 BOM is dropped; a final line
 * break does not add an empty row. Rows are numbered by record (a quoted line break stays in
 * its row, as a spreadsheet shows it).
 */
export function parseCsv(text: string): CsvParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let fieldStarted = false;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < source.length) {
    const ch = source[i];
    if (ch === '"' && !fieldStarted && field === '') {
      // Quoted field: read to the closing quote.
      const startRow = rows.length + 1;
      i += 1;
      let closed = false;
      while (i < source.length) {
        const c = source[i];
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        field += c;
        i += 1;
      }
      if (!closed) return { ok: false, row: startRow, message: `第${startRow}行的引号没有闭合` };
      const next = source[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        return { ok: false, row: startRow, message: `第${startRow}行引号字段后面只能是逗号或换行` };
      }
      fieldStarted = true;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (fieldStarted || field !== '' || row.length > 0) endRow();
  return { ok: true, rows };
}

/** Parses and validates the text of a division CSV (UTF-8, optional BOM). */
export function parseDivisionCsv(text: string, options: DivisionImportOptions = {}): DivisionImportResult {
  if (text.includes('\uFFFD')) {
    return {
      ok: false,
      errors: [{ row: 1, field: 'file', message: '文件编码无法识别，请用 Excel“另存为 CSV UTF-8”后再导入' }],
    };
  }
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.row, field: 'file', message: csv.message }] };
  return parseDivisionRows(csv.rows, options);
}
