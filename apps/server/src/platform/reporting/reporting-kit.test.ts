import ExcelJS from 'exceljs';
import type { Permission } from '@lingong/contracts';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../rbac/actor.js';
import { emptyPage, paged, sliceOf } from './paging.js';
import { collectAll, windowOf, windowPage, EXPORT_MAX_ROWS } from './region-window.js';
import { attachmentHeader, MIME } from './send-file.js';
import { compactDay, shanghaiDayPlus, shanghaiMinute, shanghaiMinuteOf, startOfShanghaiDay } from './shanghai-time.js';
import { addSheet, newWorkbook, SEQ_COLUMN, sheetWorkbook, workbookBytes, type SheetSpec } from './workbook.js';

const TOWN = '450223101000'; // 中渡镇
const COUNTY = '450223000000';
const agent = (permissions: Permission[]): StaffActor => ({
  kind: 'staff',
  id: 's1',
  sessionId: 'x',
  roles: [],
  permissions: new Set(permissions),
  regionCode: TOWN,
});

describe('Shanghai time', () => {
  it('shows 16:30 UTC as the next morning in Shanghai', () => {
    const at = new Date('2025-06-30T16:30:00Z');
    expect(shanghaiMinuteOf(at)).toBe('2025-07-01 00:30');
    expect(shanghaiMinute('2025-06-30T16:30:00.000Z')).toBe('2025-07-01 00:30');
    expect(shanghaiMinute(null)).toBe('');
    expect(compactDay(at)).toBe('20250701');
    expect(shanghaiDayPlus(at, 3)).toBe('2025-07-04');
    expect(startOfShanghaiDay(at).toISOString()).toBe('2025-06-30T16:00:00.000Z');
  });
});

describe('paging', () => {
  it('turns a page into a slice and answers items, total, page and pageSize', async () => {
    expect(sliceOf({ page: 3, pageSize: 20 })).toEqual({ limit: 20, offset: 40 });
    const page = await paged({ page: 2, pageSize: 2 }, async (slice) => ({
      items: ['c', 'd', 'e'].slice(slice.offset - 2, slice.offset),
      total: 5,
    }));
    expect(page).toEqual({ items: ['c', 'd'], total: 5, page: 2, pageSize: 2 });
    expect(emptyPage({ page: 1, pageSize: 10 })).toEqual({ items: [], total: 0, page: 1, pageSize: 10 });
  });
});

describe('region windows', () => {
  it('limits a town agent to the town and answers an empty page for another town', async () => {
    const actor = agent(['dashboard.read']);
    const own = windowOf(actor, { from: '2025-07-01', to: '2025-07-31' });
    expect(own).toEqual({
      regionPattern: '450223101%',
      start: new Date('2025-06-30T16:00:00Z'),
      end: new Date('2025-07-31T16:00:00Z'),
    });
    expect(windowOf(actor, { town: COUNTY })?.regionPattern).toBe('450223101%');
    const other = windowOf(actor, { town: '450223102000' });
    expect(other).toBeNull();
    const fetch = async () => ({ items: [1], total: 1 });
    expect(await windowPage({ page: 1, pageSize: 5 }, other, fetch)).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 5,
    });
    expect(() => windowOf(agent([]), {})).toThrow();
  });

  it('collects every row in batches and refuses an export over the limit', async () => {
    const w = { regionPattern: '450223%' };
    const rows = Array.from({ length: 4500 }, (_, i) => i);
    const all = await collectAll(w, async (_w, s) => ({
      items: rows.slice(s.offset, s.offset + s.limit),
      total: 4500,
    }));
    expect(all).toEqual(rows);
    await expect(collectAll(w, async () => ({ items: [], total: EXPORT_MAX_ROWS + 1 }))).rejects.toThrow();
  });
});

describe('workbook and downloads', () => {
  it('writes a bold frozen header row and one row per record', async () => {
    const spec: SheetSpec<{ name: string }> = {
      name: '测试台账',
      columns: [SEQ_COLUMN, { header: '姓名', width: 12, value: (r) => r.name }],
    };
    const bytes = await sheetWorkbook(spec, [{ name: '韦**' }, { name: '覃**' }], new Date('2025-07-01T00:00:00Z'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = book.getWorksheet('测试台账');
    expect(sheet?.getRow(1).values).toEqual([undefined, '序号', '姓名']);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getRow(3).values).toEqual([undefined, 2, '覃**']);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes a template: text columns, header notes, a coloured required header, notes rows, unfrozen help sheet', async () => {
    const book = newWorkbook(new Date('2025-07-01T00:00:00Z'));
    addSheet(
      book,
      {
        name: '模板',
        columns: [
          { header: '身份证号', width: 20, value: () => null, text: true, note: '必填。18位', headerColor: 'FFC00000' },
          { header: '备注', width: 10, value: () => null },
        ],
      },
      [],
    );
    addSheet(
      book,
      {
        name: '说明',
        frozenHeader: false,
        columns: [{ header: '列名', width: 18, value: (r: string) => r }],
        notes: ['注意'],
      },
      ['身份证号'],
    );
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(new Uint8Array(await workbookBytes(book)).buffer);
    const [template, help] = read.worksheets;
    expect(read.creator).toBe('鹿寨县零工市场');
    expect(template?.rowCount).toBe(1);
    expect(template?.getRow(1).getCell(1).note).toBe('必填。18位');
    expect(template?.getRow(1).getCell(1).font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(template?.getRow(1).getCell(2).font).toMatchObject({ bold: true });
    expect(template?.getColumn(1).numFmt).toBe('@');
    expect(template?.getColumn(2).numFmt).toBeUndefined();
    expect(help?.views?.[0]?.state).not.toBe('frozen');
    expect(help?.getSheetValues().slice(1)).toEqual([
      [undefined, '列名'],
      [undefined, '身份证号'],
      undefined,
      [undefined, '注意'],
    ]);
  });

  it('writes a key row above the headers and freezes both', async () => {
    const book = newWorkbook(new Date('2025-07-01T00:00:00Z'), '数据交换');
    addSheet(
      book,
      {
        name: '交换',
        keyRow: true,
        columns: [
          { key: 'id', header: '编号', width: 18, value: (r: { id: string }) => r.id },
          { key: 'n', header: '数量', width: 18, value: () => 3 },
        ],
      },
      [{ id: 'a' }],
    );
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(new Uint8Array(await workbookBytes(book)).buffer);
    const sheet = read.getWorksheet('交换');
    expect(read.creator).toBe('数据交换');
    expect(sheet?.getSheetValues().slice(1)).toEqual([
      [undefined, 'id', 'n'],
      [undefined, '编号', '数量'],
      [undefined, 'a', 3],
    ]);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet?.getColumn(1).width).toBe(18);
  });

  it('names the download in Chinese with the Shanghai day and an ASCII fallback', () => {
    const header = attachmentHeader('求职登记台账', 'xlsx', new Date('2025-06-30T16:30:00Z'), 'ledger');
    expect(header).toBe(
      `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('求职登记台账_20250701.xlsx')}`,
    );
    expect(MIME.zip).toBe('application/zip');
    expect(attachmentHeader('工作协议_LZ001', 'pdf', null, 'LZ001')).toBe(
      `attachment; filename="LZ001.pdf"; filename*=UTF-8''${encodeURIComponent('工作协议_LZ001.pdf')}`,
    );
    expect(MIME.csv).toBe('text/csv; charset=utf-8');
  });
});
