// 供需监测 and the hall screen at scale (issue 13 item 6): the figures a request reads from the
// maintained rollups, against a baseline that computes the same figures from the base tables per
// request (the live 工种 × town cells plus today's and this year's registrations and
// matchmakings), in the same run, on a fresh PostgreSQL database created and dropped here.
// Seeding is set-based SQL (generate_series), not the services, so 1M applications take seconds.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/monitoring-aggregates.ts [applications] [workers]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { permissionsOf } from '@lingong/contracts';
import { openDatabase, type Db } from '../apps/server/src/db/client.js';
import { seedBaseData } from '../apps/server/src/db/seed-base.js';
import { refreshMonitoring } from '../apps/server/src/modules/monitoring/index.js';
import { getScreenSummary } from '../apps/server/src/modules/monitoring/screen.service.js';
import { getSupplyDemand } from '../apps/server/src/modules/monitoring/monitoring.service.js';
import { createPii } from '../apps/server/src/platform/pii.js';
import type { StaffActor } from '../apps/server/src/platform/rbac/actor.js';

const APPLICATIONS = Number(process.argv[2] ?? 1_000_000);
const WORKERS = Number(process.argv[3] ?? 100_000);
const JOBS = Math.max(100, Math.round(WORKERS / 20));
const MATCHMAKINGS = Math.round(APPLICATIONS / 5);
const RUNS = 30;
const LIMIT_MS = 100;
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) throw new Error('DATABASE_URL (PostgreSQL) is required');
if (APPLICATIONS / JOBS > WORKERS / 2) throw new Error('too many applications per job for the workers');

const TOWN_CODES = `array['450223100000','450223101000','450223102000','450223103000','450223104000','450223105000','450223200000','450223201000','450223202000']`;

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
  return { database, drop };
}

/** Workers, postings, applications and matchmakings over two years, set-based. */
async function seed(db: Db): Promise<void> {
  await db.execute(
    sql.raw(
      `create temporary table occ as select row_number() over (order by id) - 1 as i, id from occupations where not is_category`,
    ),
  );
  await db.execute(
    sql.raw(`
    insert into worker_profiles (id, name_enc, home_region_code, occupation_ids, channel, created_at, updated_at)
    select md5('w' || g)::uuid, 'bench', (${TOWN_CODES})[1 + g % 9],
      array(select id from occ where i in (g % (select count(*) from occ), (g * 7 + 3) % (select count(*) from occ))),
      'counter', now() - (g % 730) * interval '1 day' - (g % 24) * interval '1 hour', now()
    from generate_series(0, ${WORKERS - 1}) g`),
  );
  await db.execute(
    sql.raw(`
    insert into job_postings (id, employer_id, occupation_id, title, kind, headcount, wage_min_fen, wage_max_fen, wage_unit,
      settlement, town_code, address, start_date, status, published_at, closed_at, created_at)
    select md5('j' || g)::uuid, md5('e' || (g % 500))::uuid, (select id from occ where i = g % (select count(*) from occ)),
      '压测岗位' || g, case when g % 3 = 0 then 'contract' else 'flexible' end, 1 + g % 300, 15000, 20000, 'day',
      'daily', (${TOWN_CODES})[1 + (g * 5) % 9], '压测地址', current_date,
      case when g % 10 < 7 then 'published' when g % 10 < 9 then 'closed' else 'filled' end,
      now() - (g % 700) * interval '1 day',
      case when g % 10 < 7 then null else now() - (g % 30) * interval '1 day' end,
      now() - (g % 700) * interval '1 day'
    from generate_series(0, ${JOBS - 1}) g`),
  );
  // Application i: job i mod JOBS, worker (i div JOBS) * step + job (distinct per job).
  const step = Math.floor(WORKERS / Math.ceil(APPLICATIONS / JOBS));
  await db.execute(
    sql.raw(`
    insert into applications (id, job_id, worker_id, employer_id, status, origin, created_at, updated_at, hired_at)
    select md5('a' || g)::uuid, md5('j' || (g % ${JOBS}))::uuid,
      md5('w' || (((g / ${JOBS}) * ${step} + g % ${JOBS}) % ${WORKERS}))::uuid, md5('e' || ((g % ${JOBS}) % 500))::uuid,
      (array['applied','declined','hired','completed','withdrawn','confirmed','cancelled','applied'])[1 + g % 8], 'apply',
      now() - (g % 700) * interval '1 day', now(),
      case when g % 8 in (2, 3, 5) then now() - (g % 700) * interval '1 day' else null end
    from generate_series(0, ${APPLICATIONS - 1}) g`),
  );
  await db.execute(
    sql.raw(`
    insert into matchmakings (worker_id, job_id, channel, kind, source, occurred_at, region_code)
    select md5('w' || (g % ${WORKERS}))::uuid, md5('j' || (g % ${JOBS}))::uuid, 'online', 'apply', 'auto',
      now() - (g % 730) * interval '1 day' - (g % 24) * interval '1 hour', (${TOWN_CODES})[1 + g % 9]
    from generate_series(0, ${MATCHMAKINGS - 1}) g`),
  );
  await db.execute(sql.raw('analyze'));
}

/** What a request would compute without the rollups: the live cells and the day and year counts. */
async function fullScan(db: Db): Promise<void> {
  await db.execute(
    sql.raw(`
    select coalesce(d.town, s.town), coalesce(d.occ, s.occ), coalesce(d.n, 0), coalesce(s.n, 0) from (
      select left(j.town_code, 9) || '000' as town, j.occupation_id as occ,
        sum(greatest(j.headcount - (select count(*) from applications a where a.job_id = j.id
          and a.status in ('hired','confirmed','working','completed')), 0))::int as n
      from job_postings j where j.status = 'published' group by 1, 2) d
    full outer join (
      select left(w.home_region_code, 9) || '000' as town, o.occ, count(*)::int as n
      from worker_profiles w cross join lateral unnest(w.occupation_ids) as o(occ)
      where not exists (select 1 from applications a where a.worker_id = w.id and a.status in ('hired','confirmed','working'))
      group by 1, 2) s on s.town = d.town and s.occ = d.occ`),
  );
  for (const table of [
    ['worker_profiles', 'created_at'],
    ['matchmakings', 'occurred_at'],
  ])
    await db.execute(
      sql.raw(
        `select count(*) filter (where ${table[1]} >= date_trunc('day', now())), count(*) filter (where ${table[1]} >= date_trunc('year', now())) from ${table[0]}`,
      ),
    );
}

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(RUNS / 2)] ?? 0;
  console.log(
    `${label.padEnd(44)} median ${m.toFixed(1)} ms, p90 ${(times[Math.floor(RUNS * 0.9)] ?? 0).toFixed(1)} ms`,
  );
  return m;
}

const { database, drop } = await freshDatabase();
const keyDir = mkdtempSync(path.join(tmpdir(), 'lingong-bench-'));
try {
  const db = database.db;
  let t = performance.now();
  await seed(db);
  console.log(
    `seeded ${WORKERS} workers, ${JOBS} postings, ${APPLICATIONS} applications, ${MATCHMAKINGS} matchmakings in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`,
  );
  t = performance.now();
  const first = await refreshMonitoring(db, new Date());
  console.log(
    `first refresh (live week + 4 past weeks rebuilt from dates + daily counts): ${((performance.now() - t) / 1000).toFixed(2)} s, ${first.cells} cells this week`,
  );
  // The rest of the year as if earlier runs had rebuilt it (marks only), to time a steady run.
  await db.execute(
    sql.raw(
      `insert into supply_demand_weeks (week_start, source, refreshed_at) select ('${first.week}'::date - g * 7), 'reconstructed', now() from generate_series(1, 51) g on conflict do nothing`,
    ),
  );
  t = performance.now();
  await refreshMonitoring(db, new Date());
  console.log(
    `steady refresh (the queued job every 5 min: live week + daily counts + alerts): ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );

  const pii = createPii({
    pii: { keysSpec: undefined, activeKeyId: undefined, indexKeyHex: undefined },
    dataDir: keyDir,
    env: 'development',
  });
  const actor: StaffActor = {
    kind: 'staff',
    id: '00000000-0000-0000-0000-000000000000',
    sessionId: 'bench',
    roles: ['supervisor'],
    permissions: new Set(permissionsOf(['supervisor'])),
    regionCode: '450223000000',
  };
  const deps = { db, pii, now: () => new Date() };
  const base = await median('baseline: full scan of base tables', () => fullScan(db));
  const screen = await median('screen summary from rollups', () => getScreenSummary(db, new Date()));
  const console_ = await median('console 供需监测 (cells + 52-week trend)', () => getSupplyDemand(deps, actor, {}));
  console.log(
    `ratio: screen ${(base / screen).toFixed(1)}x faster, console ${(base / console_).toFixed(1)}x faster than the full scan`,
  );
  console.log(
    `target < ${LIMIT_MS} ms: screen ${screen < LIMIT_MS ? 'PASS' : 'FAIL'}, console ${console_ < LIMIT_MS ? 'PASS' : 'FAIL'}`,
  );
} finally {
  rmSync(keyDir, { recursive: true, force: true });
  await drop();
}
