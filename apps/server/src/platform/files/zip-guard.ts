import { createInflateRaw } from 'node:zlib';
import { isExecutable } from './sniff.js';

/**
 * Checks an .xlsx (a zip) before any Excel parser sees it: structure, entry count, declared and
 * actual uncompressed sizes and compression ratio. Every entry is inflated once into a counter
 * (nothing is kept) and abandoned as soon as it passes a limit, so a zip bomb costs at most the
 * limit in CPU and nothing in memory.
 */

export type ZipLimits = {
  maxEntries: number;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries above `ratioFloorBytes` and for the whole file. */
  maxRatio: number;
  ratioFloorBytes: number;
};

const MB = 1024 * 1024;
export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 256 * MB,
  maxRatio: 100,
  ratioFloorBytes: MB,
};

type Entry = { name: string; flags: number; method: number; compSize: number; size: number; offset: number };
export type ZipCheck = { ok: true; entries: string[]; totalBytes: number } | { ok: false; message: string };

const fail = (message: string): ZipCheck => ({ ok: false, message });
const NOT_XLSX = '无法读取文件，请上传 Excel（.xlsx）文件';

function centralDirectory(b: Buffer): Entry[] | string {
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return NOT_XLSX;
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return '不支持 ZIP64 格式的文件';
  if (cdOffset + cdSize > eocd) return NOT_XLSX;
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== 0x02014b50) return NOT_XLSX;
    const nameLen = b.readUInt16LE(p + 28);
    entries.push({
      flags: b.readUInt16LE(p + 8),
      method: b.readUInt16LE(p + 10),
      compSize: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      offset: b.readUInt32LE(p + 42),
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return entries;
}

/** Bytes an entry inflates to, stopping (and answering limit + 1) once past `limit`. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit) {
        inflate.destroy();
        resolve(limit + 1);
      }
    });
    inflate.on('end', () => resolve(n));
    inflate.on('error', reject);
    inflate.end(data);
  });
}

export async function checkZip(b: Buffer, limits: ZipLimits, deadline?: number): Promise<ZipCheck> {
  // Any read past the end of a truncated or crafted file is a file that is not a workbook.
  return walkZip(b, limits, deadline).catch(() => fail(NOT_XLSX));
}

async function walkZip(b: Buffer, limits: ZipLimits, deadline?: number): Promise<ZipCheck> {
  if (b.length < 30 || b.readUInt32LE(0) !== 0x04034b50) return fail(NOT_XLSX);
  const entries = centralDirectory(b);
  if (typeof entries === 'string') return fail(entries);
  if (entries.length > limits.maxEntries) return fail(`文件内部条目过多（超过${limits.maxEntries}个），不能导入`);
  const limitText = `${Math.round(limits.maxTotalBytes / MB)}MB`;
  const tooBig = fail(`文件解压后超过${limitText}（疑似压缩炸弹），不能导入，请分批导入`);
  const ratioBomb = fail(`文件压缩比异常（超过${limits.maxRatio}倍，疑似压缩炸弹），不能导入`);
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 0x1) return fail('不支持加密的文件，请取消密码后再上传');
    if (e.method !== 0 && e.method !== 8) return fail(NOT_XLSX);
    declared += e.size;
    if (declared > limits.maxTotalBytes) return tooBig;
    if (e.size > limits.ratioFloorBytes && e.size > e.compSize * limits.maxRatio) return ratioBomb;
  }
  // Entries must tile the file up to the central directory: no hidden local entries that a
  // streaming reader (which walks local headers) would see and this check would not.
  const sorted = [...entries].sort((x, y) => x.offset - y.offset);
  let expected = 0;
  let total = 0;
  for (const e of sorted) {
    if (deadline !== undefined && Date.now() > deadline) return fail('文件处理超时，请拆分后再导入');
    if (e.offset !== expected || e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== 0x04034b50)
      return fail(NOT_XLSX);
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    const end = start + e.compSize;
    if (end > b.length) return fail(NOT_XLSX);
    const data = b.subarray(start, end);
    // Inflate no further than the ratio or the remaining total allows: a bomb is abandoned early.
    const remaining = limits.maxTotalBytes - total;
    const cap = Math.min(remaining, Math.max(limits.ratioFloorBytes, e.compSize * limits.maxRatio));
    const actual = e.method === 0 ? data.length : await inflatedSize(data, cap).catch(() => -1);
    if (actual > cap) return cap === remaining ? tooBig : ratioBomb;
    if (actual !== e.size) return fail(NOT_XLSX);
    total += actual;
    if (total > limits.maxTotalBytes) return tooBig;
    expected = end;
    if (e.flags & 0x8) expected += b.readUInt32LE(end) === 0x08074b50 ? 16 : 12; // data descriptor
  }
  if (sorted.length > 0 && (expected + 4 > b.length || b.readUInt32LE(expected) !== 0x02014b50)) return fail(NOT_XLSX);
  if (total > limits.ratioFloorBytes && total > b.length * limits.maxRatio) return ratioBomb;
  return { ok: true, entries: entries.map((e) => e.name), totalBytes: total };
}

/** An .xlsx workbook: a sound zip within the limits holding a workbook part and no macros. */
export async function checkXlsx(b: Buffer, limits = XLSX_ZIP_LIMITS, deadline?: number): Promise<ZipCheck> {
  if (isExecutable(b)) return fail('不能上传程序文件，请上传 Excel（.xlsx）文件');
  const zip = await checkZip(b, limits, deadline);
  if (!zip.ok) return zip;
  if (!zip.entries.includes('[Content_Types].xml') || !zip.entries.includes('xl/workbook.xml')) return fail(NOT_XLSX);
  if (zip.entries.some((n) => /vbaProject\.bin$/i.test(n))) return fail('不支持含宏的文件（.xlsm），请另存为 .xlsx');
  return zip;
}
