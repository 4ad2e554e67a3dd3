// Paper-registration import at scale (issue 5 item 10): 100,000 求职登记 rows as one .xlsx through
// the real import service (parse, validate, encrypt, bulk insert in one transaction) on the
// PostgreSQL of DATABASE_URL, in a fresh database created and dropped by this script. Baseline in
// the same run: a plain COPY (psql \copy) of the very same already-encrypted rows into a scratch
// table with the same indexes. Target: under 60 s for 100,000 rows.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/registration-import.ts [rows]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { makeIdNumber, permissionsOf } from '@lingong/contracts';
import { openDatabase } from '../apps/server/src/db/client.js';
import { seedBaseData } from '../apps/server/src/db/seed-base.js';
import { hashPassword, insertStaff } from '../apps/server/src/modules/accounts/index.js';
import { importLedger, IMPORT_SPECS, type ImportsDeps } from '../apps/server/src/modules/imports/index.js';
import { createPii } from '../apps/server/src/platform/pii.js';
import type { StaffActor } from '../apps/server/src/platform/rbac/actor.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const LIMIT_S = 60;
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) throw new Error('DATABASE_URL (PostgreSQL) is required');

const TOWNS = ['鹿寨镇', '中渡镇', '寨沙镇', '平山镇', '黄冕镇', '四排镇', '江口乡', '导江乡', '拉沟乡'];
const TOWN_CODES = [
  '450223100000',
  '450223101000',
  '450223102000',
  '450223103000',
  '450223104000',
  '450223105000',
  '450223200000',
  '450223201000',
  '450223202000',
];
const GROUPS = ['', '脱贫劳动力', '残疾人、低保家庭成员', '农民工/返乡人员', '', '大龄(4050)人员'];
const CHANNELS = ['窗口代登记', '驿站', '入户采集', '活动现场'];
const TRADES = ['泥水工', '电工', '', '保洁员、家庭保洁', '砍蔗工', '普工', ''];
const SURNAMES = '韦覃蓝莫黄梁廖潘陆罗';
const GIVEN = '春花秋月小明大勇桂兰文华志强海燕建军丽娟';

/** The rows an operator would type from paper forms, as one .xlsx (the template's sheet and headers). */
async function buildFile(n: number): Promise<Buffer> {
  const spec = IMPORT_SPECS.registrations;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.sheet);
  ws.addRow(spec.columns.map((c) => c.header));
  const epoch = Date.UTC(1960, 0, 1);
  for (let i = 0; i < n; i++) {
    const birth = new Date(epoch + Math.floor(i / 1000) * 86_400_000 * 97).toISOString().slice(0, 10);
    const idNumber = makeIdNumber({ regionCode: '450223', birthDate: birth, seq: i % 1000 });
    const name = `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 16]}${GIVEN[(i * 3 + 1) % 16]}`;
    const home = i % 2 === 0 ? TOWNS[i % 9] : TOWN_CODES[i % 9];
    const day = String((i % 28) + 1).padStart(2, '0');
    ws.addRow([
      i + 1,
      name,
      '',
      idNumber,
      i % 5 === 0 ? '' : `139${String(i).padStart(8, '0')}`,
      home,
      GROUPS[i % 6],
      CHANNELS[i % 4],
      '',
      `2025-10-${day} 09:30`,
      TRADES[i % 7],
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function freshDatabase() {
  const name = `lingong_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl ?? '');
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await database.migrate();
  await seedBaseData(database.db);
  const drop = async () => {
    await database.close();
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return { database, url: url.toString(), drop };
}

const psql = (url: string, command: string) =>
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
const seconds = (ms: number) => (ms / 1000).toFixed(2);

let t = performance.now();
const file = await buildFile(ROWS);
console.log(
  `generated ${ROWS} rows as .xlsx: ${(file.length / 1e6).toFixed(1)} MB in ${seconds(performance.now() - t)} s (not timed)`,
);

const { database, url, drop } = await freshDatabase();
const dir = mkdtempSync(path.join(tmpdir(), 'lingong-bench-'));
try {
  const pii = createPii({
    pii: { keysSpec: undefined, activeKeyId: undefined, indexKeyHex: undefined },
    dataDir: dir,
    env: 'development',
  });
  const staff = await insertStaff(database.db, {
    username: 'bench',
    name: '压测员',
    passwordHash: await hashPassword('Bench@Password1'),
    roles: ['counter_staff'],
    regionCode: '450223000000',
  });
  const actor: StaffActor = {
    kind: 'staff',
    id: staff.id,
    sessionId: 'bench',
    roles: ['counter_staff'],
    permissions: new Set(permissionsOf(['counter_staff'])),
    regionCode: '450223000000',
  };
  const timings: NonNullable<ImportsDeps['timings']> = {};

  t = performance.now();
  const result = await importLedger(
    { db: database.db, pii, now: () => new Date(), timings },
    actor,
    'registrations',
    file,
    {},
  );
  const importMs = performance.now() - t;
  if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS}`);

  // Baseline: COPY the same encrypted rows (as stored) into a scratch table with the same indexes.
  const csv = path.join(dir, 'rows.csv');
  psql(url, `\\copy (select * from worker_profiles) to '${csv}' with (format csv)`);
  psql(url, 'create table bench_copy (like worker_profiles including all)');
  t = performance.now();
  psql(url, `\\copy bench_copy from '${csv}' with (format csv)`);
  const copyMs = performance.now() - t;

  const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
  console.log(
    `database: fresh PostgreSQL database, ${ROWS} rows, csv of the stored rows ${(statSync(csv).size / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `baseline: COPY of the same encrypted rows (worker_profiles only): ${seconds(copyMs)} s, ${rate(copyMs)} rows/s`,
  );
  console.log(
    `import:   ${seconds(importMs)} s, ${rate(importMs)} rows/s (parse .xlsx ${seconds(timings.parse ?? 0)} s, validate + encrypt ${seconds(timings.validate ?? 0)} s, insert profiles + skills + consents + audit ${seconds(timings.insert ?? 0)} s)`,
  );
  console.log(
    `insert phase alone: ${rate(timings.insert ?? 1)} rows/s, ${((timings.insert ?? 0) / copyMs).toFixed(1)}x the COPY time`,
  );
  console.log(
    `ratio: import takes ${(importMs / copyMs).toFixed(1)}x the COPY baseline; target < ${LIMIT_S} s: ${importMs < LIMIT_S * 1000 ? 'PASS' : 'FAIL'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await drop();
}
