import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { randomBytes, createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { makeIdNumber } from '@lingong/contracts';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { storedFiles } from '../src/platform/files/files.schema.js';
import { encryptLegacyFiles } from '../src/platform/files/files-encrypt.js';
import { checkXlsx } from '../src/platform/files/zip-guard.js';
import { readSheet } from '../src/modules/imports/imports.sheet.js';
import { IMPORT_SPECS } from '../src/modules/imports/imports.columns.js';
import { workerCertificates, workerProfiles } from '../src/modules/workers/workers.schema.js';
import {
  appUser,
  appWorker,
  createTestApp,
  json,
  occupationIdByName,
  postImport,
  profilePayload,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';
import { deflatedZeros, jpegHeader, png, sheetXml, xlsxParts, zip } from './support/upload-files.js';

type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let worker: string;
let county: string;
let filesDir: string;

const REG_HEADERS = IMPORT_SPECS.registrations.columns.map((c) => c.header);
const uploadPhoto = (token: string, bytes: Buffer) =>
  ctx.as(token).post('/api/v1/app/worker/certificate-photos', { image: bytes.toString('base64') });
const myPhoto = (token: string, id: string) => ctx.as(token).get(`/api/v1/app/worker/certificate-photos/${id}`);

/** Rows in `files` and entries under DATA_DIR/files: what a refused upload must leave unchanged. */
async function stored(): Promise<[number, number]> {
  const [row] = await ctx.deps.database.db.select({ n: count() }).from(storedFiles);
  const names = await readdir(filesDir).catch(() => []);
  return [row?.n ?? 0, names.length];
}
async function profiles(): Promise<number> {
  const [row] = await ctx.deps.database.db.select({ n: count() }).from(workerProfiles);
  return row?.n ?? 0;
}

let origin: string;

/**
 * POST over a real connection a JSON body produced lazily (chunked, no content-length) of about
 * `totalBytes`; answers the response and how many bytes had been sent when it arrived.
 */
function streamUpload(url: string, token: string, field: string, totalBytes: number) {
  return new Promise<{ status: number; body: Err; sentWhenAnswered: number }>((resolve, reject) => {
    let sent = 0;
    const piece = Buffer.alloc(64 * 1024, 'A');
    const body = new Readable({
      read() {
        if (sent === 0) this.push(Buffer.from(`{"${field}":"`));
        if (sent >= totalBytes) {
          this.push('"}');
          this.push(null);
          return;
        }
        sent += piece.length;
        this.push(piece);
      },
    });
    const req = request(`${origin}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-requested-with': 't' },
    });
    req.on('response', (res) => {
      const sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        body.unpipe(req);
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString()) as Err,
          sentWhenAnswered,
        });
      });
    });
    req.on('error', (err) => (sent >= totalBytes ? reject(err) : undefined));
    body.pipe(req);
  });
}

beforeAll(async () => {
  ctx = await createTestApp();
  filesDir = path.join(ctx.deps.config.dataDir, 'files');
  worker = (await appUser(ctx)).token;
  county = await staffToken(ctx, { roles: ['counter_staff'] });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const address = ctx.app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => ctx?.close());

describe('image uploads', () => {
  it('refuses an oversize photo while it streams in: 413 naming the field and the limit, nothing stored', async () => {
    await uploadPhoto(worker, png(4, 4)); // the files folder exists
    const before = await stored();
    const streamed = await streamUpload('/api/v1/app/worker/certificate-photos', worker, 'image', 64 * 1024 * 1024);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '图片不能超过700KB',
      details: [{ field: 'image', message: '图片不能超过700KB' }],
    });
    // Answered while the upload was still streaming (after the limit, long before the 64 MB end).
    expect(streamed.sentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    // Just over the limit but inside the JSON slack: refused by the store with the same words.
    const edge = await uploadPhoto(worker, Buffer.alloc(700 * 1024 + 1, 1));
    expect(edge.statusCode).toBe(400);
    expect(json<Err>(edge).error.details).toEqual([{ field: 'image', message: '图片不能超过700KB' }]);
    // A declared length over the limit is refused the same way.
    const big = await uploadPhoto(worker, Buffer.alloc(800 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(json<Err>(big).error.details).toEqual([{ field: 'image', message: '图片不能超过700KB' }]);
    const evidence = await ctx.as(county).post('/api/v1/admin/publicity/files', {
      imageBase64: Buffer.alloc(2 * 1024 * 1024 + 16 * 1024).toString('base64'),
    });
    expect(evidence.statusCode).toBe(413);
    expect(json<Err>(evidence).error.details).toEqual([{ field: 'imageBase64', message: '图片不能超过2MB' }]);
    expect(await stored()).toEqual(before);
  });

  it('sniffs the bytes: HTML, SVG with script, programs, script-carrying PNGs and pixel bombs are refused', async () => {
    const before = await stored();
    const notImage = '只支持 JPG、PNG、WebP 图片';
    const cases: [Buffer, string][] = [
      [Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), notImage],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
        notImage,
      ],
      [Buffer.concat([Buffer.from('MZ'), randomBytes(2000)]), '不能上传程序文件，请选择 JPG、PNG、WebP 图片'],
      [
        Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), randomBytes(2000)]),
        '不能上传程序文件，请选择 JPG、PNG、WebP 图片',
      ],
      [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]), notImage],
      [png(16, 16, { text: '<script>fetch("/api/v1/app/me")</script>' }), '图片中含有网页脚本内容，不能上传'],
      [
        png(30_000, 30_000, { headerOnly: true }),
        '图片尺寸过大（30000×30000），边长不能超过12000像素、总像素不能超过4000万',
      ],
      [jpegHeader(11_000, 5_000), '图片尺寸过大（11000×5000），边长不能超过12000像素、总像素不能超过4000万'],
    ];
    for (const [bytes, message] of cases) {
      const res = await uploadPhoto(worker, bytes);
      expect(res.statusCode, message).toBe(400);
      expect(json<Err>(res).error.details).toEqual([{ field: 'image', message }]);
    }
    expect(await stored()).toEqual(before);
    // A sound JPEG header of a normal size passes.
    expect((await uploadPhoto(worker, jpegHeader(1200, 900))).statusCode).toBe(201);
  });

  it('stores the photo encrypted (the plaintext is not on disk) and serves it back as an attachment', async () => {
    const marker = `PLAINTEXT-MARKER-${randomUUID()}`;
    const image = png(32, 32, { text: marker });
    const up = await uploadPhoto(worker, image);
    expect(up.statusCode).toBe(201);
    const { fileId } = json<{ fileId: string }>(up);
    const onDisk = await readFile(path.join(filesDir, fileId));
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('LGFE');
    expect(onDisk.includes(Buffer.from(marker))).toBe(false);
    expect(onDisk.includes(image.subarray(0, 8))).toBe(false);
    expect(onDisk.includes(image.subarray(16, 33))).toBe(false); // the IHDR body
    const [row] = await ctx.deps.database.db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(row).toMatchObject({ encryption: 'sm4-ctr+hmac-sm3/v1', mime: 'image/png', sizeBytes: image.length });
    expect(row?.sha256).toBe(createHash('sha256').update(image).digest('hex'));
    expect((await readdir(filesDir)).filter((n) => n.includes('.'))).toEqual([]); // no temporaries left

    const back = await myPhoto(worker, fileId);
    expect(back.statusCode).toBe(200);
    expect(back.headers['cache-control']).toContain('no-store');
    expect(back.rawPayload.equals(image)).toBe(true);
    expect(back.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': 'attachment; filename="certificate-photo.png"',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect((await myPhoto((await appUser(ctx)).token, fileId)).statusCode).toBe(404);
  });

  it('a tampered file or one moved onto another id is never served', async () => {
    const a = json<{ fileId: string }>(await uploadPhoto(worker, png(8, 8))).fileId;
    const b = json<{ fileId: string }>(await uploadPhoto(worker, png(9, 9))).fileId;
    const sealedA = await readFile(path.join(filesDir, a));
    await writeFile(path.join(filesDir, b), sealedA); // A's sealed bytes under B's id
    const moved = await myPhoto(worker, b);
    expect(moved.statusCode).toBe(500);
    expect(json<Err>(moved).error.code).toBe('INTERNAL');
    const flipped = Buffer.from(sealedA);
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 1;
    await writeFile(path.join(filesDir, a), flipped);
    expect((await myPhoto(worker, a)).statusCode).toBe(500);
  });

  it('a staff view of a certificate photo decrypts it, is audited and is sent as an attachment', async () => {
    const occ = await occupationIdByName(ctx, '电焊工');
    const w = await appWorker(ctx, { name: '覃焊工', homeRegionCode: TOWNS.zhaisha, occupationId: occ });
    const image = png(20, 10);
    const { fileId } = json<{ fileId: string }>(await uploadPhoto(w.token, image));
    const saved = await ctx.as(w.token).put(
      '/api/v1/app/worker/profile',
      profilePayload({
        name: '覃焊工',
        homeRegionCode: TOWNS.zhaisha,
        occupationId: occ,
        certificates: [{ name: '叉车证', number: 'UP-001', photoFileId: fileId }],
      }),
    );
    expect(saved.statusCode).toBe(200);
    const [cert] = await ctx.deps.database.db
      .select()
      .from(workerCertificates)
      .where(eq(workerCertificates.number, 'UP-001'));
    const res = await ctx.as(county).get(`/api/v1/admin/certificates/${cert?.id}/photo`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(image)).toBe(true);
    expect(res.headers['content-disposition']).toBe('attachment; filename="certificate-photo.png"');
    expect(res.headers['cache-control']).toContain('no-store');
    const views = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'view_photo'), eq(auditLog.entityId, cert?.id ?? '')));
    expect(views).toHaveLength(1);
  });

  it('a counter registration that fails after its signature was stored leaves no signature behind', async () => {
    const mason = await occupationIdByName(ctx, '泥水工');
    const admin = await staffToken(ctx, { roles: ['admin'] });
    const signatures = async () =>
      (
        await ctx.deps.database.db
          .select({ n: count() })
          .from(storedFiles)
          .where(eq(storedFiles.purpose, 'consent_signature'))
      )[0]?.n ?? 0;
    const [rowsBefore, filesBefore] = await stored();
    const before = await signatures();
    const registration = {
      name: '韦阿姨',
      phone: '13529990001',
      idNumber: makeIdNumber({ regionCode: '450223', birthDate: '1970-03-04', seq: 477, gender: 'female' }),
      homeRegionCode: TOWNS.zhongdu,
      skills: [{ occupationId: mason, years: 5 }],
      consent: { method: 'signature', signatureDataUrl: `data:image/png;base64,${png(40, 20).toString('base64')}` },
    };
    // The same person twice at once: both pass the checks, one insert loses the race.
    const results = await Promise.all([1, 2].map(() => ctx.as(admin).post('/api/v1/admin/workers', registration)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const loser = results.find((r) => r.statusCode === 400);
    expect(loser && json<Err>(loser).error.details).toEqual([
      { field: 'idNumber', message: '该身份证号码已登记，请到零工驿站或服务窗口核实' },
    ]);
    const created = 1;
    expect(await signatures()).toBe(before + created);
    expect(await stored()).toEqual([rowsBefore + created, filesBefore + created]);
  });

  it('files stored before encryption still read, and files:encrypt seals them (again safely)', async () => {
    const u = await appUser(ctx);
    const userId = json<{ id: string }>(await ctx.as(u.token).get('/api/v1/app/me')).id;
    const image = png(12, 12, { text: 'LEGACY-PLAINTEXT' });
    const ids = [randomUUID(), randomUUID()];
    await mkdir(filesDir, { recursive: true });
    for (const id of ids) {
      await writeFile(path.join(filesDir, id), image);
      await ctx.deps.database.db.insert(storedFiles).values({
        id,
        ownerKind: 'user',
        ownerId: userId,
        purpose: 'certificate_photo',
        mime: 'image/png',
        sizeBytes: image.length,
        sha256: createHash('sha256').update(image).digest('hex'),
        encryption: null,
      });
    }
    expect((await myPhoto(u.token, ids[0] ?? '')).rawPayload.equals(image)).toBe(true);
    // A crash after sealing one file but before marking its row: it reads, and the run finishes it.
    const [first, second] = ids as [string, string];
    await writeFile(path.join(filesDir, second), ctx.deps.pii.files.seal(second, image));
    expect((await myPhoto(u.token, second)).rawPayload.equals(image)).toBe(true);

    const deps = { db: ctx.deps.database.db, dataDir: ctx.deps.config.dataDir, pii: ctx.deps.pii };
    const report = await encryptLegacyFiles(deps);
    expect(report).toMatchObject({ sealed: 1, alreadySealed: 1, missing: [], mismatched: [] });
    for (const id of ids) {
      const disk = await readFile(path.join(filesDir, id));
      expect(disk.includes(Buffer.from('LEGACY-PLAINTEXT'))).toBe(false);
      expect((await myPhoto(u.token, id)).rawPayload.equals(image)).toBe(true);
    }
    const rows = await ctx.deps.database.db.select().from(storedFiles).where(eq(storedFiles.id, first));
    expect(rows[0]?.encryption).toBe('sm4-ctr+hmac-sm3/v1');
    expect(await encryptLegacyFiles(deps)).toMatchObject({ sealed: 0, alreadySealed: 0 });
  });
});

describe('Excel imports', () => {
  const cantRead = '无法读取文件，请上传 Excel（.xlsx）文件';
  const refusedWith = async (file: Buffer, message: string) => {
    const before = await profiles();
    const res = await postImport(ctx, county, 'registrations', file);
    expect(res.statusCode, message).toBe(400);
    expect(json<Err>(res).error.details).toEqual([{ field: 'file', message }]);
    expect(await profiles()).toBe(before);
  };

  it('refuses files that are not workbooks whatever they are called: HTML, a program, a .docx, a .xlsm', async () => {
    await refusedWith(Buffer.from('<html><body><script>alert(1)</script></body></html>'), cantRead);
    await refusedWith(
      Buffer.concat([Buffer.from('MZ'), randomBytes(4000)]),
      '不能上传程序文件，请上传 Excel（.xlsx）文件',
    );
    await refusedWith(
      zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
      cantRead,
    );
    const sheet = sheetXml(REG_HEADERS, [REG_HEADERS.map(() => '')]);
    await refusedWith(
      zip(xlsxParts(sheet, [{ name: 'xl/vbaProject.bin', data: randomBytes(256) }])),
      '不支持含宏的文件（.xlsm），请另存为 .xlsx',
    );
    // Truncated: the zip's end is cut off.
    await refusedWith(zip(xlsxParts(sheet)).subarray(0, 300), cantRead);
  });

  it('refuses zip bombs before the Excel parser runs: honest and lying sizes, too many entries', async () => {
    const bomb = '文件压缩比异常（超过100倍，疑似压缩炸弹），不能导入';
    const zeros = await deflatedZeros(64 * 1024 * 1024);
    expect(zeros.deflated.length).toBeLessThan(100 * 1024); // 64 MB inside well under 100 KB
    await refusedWith(zip(xlsxParts(zeros)), bomb);
    // The same bomb declaring 2 KB: the inflating counter stops at 100 × the compressed size.
    const lying = xlsxParts(zeros).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 2_000 } : e,
    );
    await refusedWith(zip(lying), bomb);
    const many = xlsxParts(sheetXml(REG_HEADERS, [])).concat(
      Array.from({ length: 1_000 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.from([i & 0xff]) })),
    );
    await refusedWith(zip(many), '文件内部条目过多（超过1000个），不能导入');
    // The occupation import checks the same way.
    const occ = await ctx.as(await staffToken(ctx, { roles: ['admin'] })).post('/api/v1/admin/occupations/import', {
      file: zip(xlsxParts(zeros)).toString('base64'),
    });
    expect(occ.statusCode).toBe(400);
    expect(json<Err>(occ).error.details).toEqual([{ field: 'file', message: bomb }]);
  });

  it('caps the total uncompressed size even when each entry compresses plausibly', async () => {
    const limits = { maxEntries: 100, maxTotalBytes: 1024 * 1024, maxRatio: 100, ratioFloorBytes: 64 * 1024 };
    const parts = xlsxParts(sheetXml(['a'], [])).concat(
      [0, 1, 2].map((i) => ({ name: `xl/media/r${i}.bin`, data: randomBytes(400 * 1024) })),
    );
    expect(await checkXlsx(zip(parts), limits)).toEqual({
      ok: false,
      message: '文件解压后超过1MB（疑似压缩炸弹），不能导入，请分批导入',
    });
    expect((await checkXlsx(zip(parts.slice(0, 6)), limits)).ok).toBe(true);
  });

  it('counts blank rows against the row limit and stops at the time limit', async () => {
    const data = [['1', '韦大勇', '男', '', '', '', '', '', '', '', '']];
    const blanks = zip(xlsxParts(sheetXml(REG_HEADERS, data, 100_000)));
    await refusedWith(blanks, '一次最多导入100000行（空行也计入），请删除空行或分批导入');
    const small = zip(xlsxParts(sheetXml(REG_HEADERS, data, 10)));
    expect(await readSheet(small, IMPORT_SPECS.registrations, 100_000, { timeLimitMs: -1 })).toEqual({
      ok: false,
      errors: [{ field: 'file', message: '文件处理超时，请拆分后再导入' }],
    });
    const read = await readSheet(small, IMPORT_SPECS.registrations, 100_000);
    expect(read.ok && read.sheet.rows.length).toBe(1);
  });

  it('refuses an oversize workbook while it streams in with the field and the limit', async () => {
    const streamed = await streamUpload(
      '/api/v1/admin/ledgers/registrations/import',
      county,
      'file',
      256 * 1024 * 1024,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.details).toEqual([{ field: 'file', message: 'Excel 文件不能超过30MB' }]);
    expect(streamed.sentWhenAnswered).toBeLessThan(128 * 1024 * 1024);
  });
});
