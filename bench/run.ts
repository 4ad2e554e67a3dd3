// `npm run bench`: the public job list and detail under load, Lingong against a same-SQL baseline
// in the same run (issue 16).
//   Seeds a county (BENCH_JOBS=5000 jobs, BENCH_WORKERS=50000 workers) into PGlite (BENCH_DATA_DIR,
//   reused when already seeded) or into PostgreSQL when DATABASE_URL is set (use a database of its
//   own: the bench writes into it). Then for each scenario runs autocannon (BENCH_CONNECTIONS=50,
//   BENCH_DURATION=5 s) against: the Lingong server as `npm start` runs it; the same with the list
//   page cache off (LIST_CACHE_TTL_MS=0, the cost of a page miss); and a bare Fastify running the same
//   service functions (same SQL, same bytes, no cache, no logging). Prints req/s, p50/p99, errors
//   and ratios to the baseline. BENCH_SCENARIOS=default,keyword limits the scenarios.
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../apps/server/src/db/client.js';
import { isSeeded, seedCounty, TOWNS } from './seed-county.js';

const env = process.env;
const scale = { jobs: Number(env.BENCH_JOBS ?? 5000), workers: Number(env.BENCH_WORKERS ?? 50000) };
const duration = Number(env.BENCH_DURATION ?? 5);
const connections = Number(env.BENCH_CONNECTIONS ?? 50);
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = env.BENCH_DATA_DIR ?? path.join(tmpdir(), `lingong-bench-${scale.jobs}-${scale.workers}`);
const here = import.meta.dirname;

type Target = { name: string; kind: 'lingong' | 'baseline'; env?: Record<string, string> };
const TARGETS: Target[] = [
  { name: 'lingong', kind: 'lingong' },
  { name: 'lingong, no page cache', kind: 'lingong', env: { LIST_CACHE_TTL_MS: '0' } },
  { name: 'baseline (same SQL)', kind: 'baseline' },
];

async function prepare(): Promise<{ paths: [string, string][] }> {
  mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await database.migrate();
    if (await isSeeded(database.db, scale))
      console.log(`reusing seeded data (${databaseUrl ? 'PostgreSQL' : dataDir})`);
    else {
      const t = performance.now();
      await seedCounty(database.db, scale);
      console.log(
        `seeded ${scale.jobs} jobs, ${scale.workers} workers into ${databaseUrl ? 'PostgreSQL' : `PGlite ${dataDir}`} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    const rows = (sql_: string) =>
      database.db.execute(sql.raw(sql_)).then((r) => (r as unknown as { rows: Record<string, string>[] }).rows);
    const [category] = await rows(
      `select c.id from occupations c join job_postings j on j.occupation_id in (select id from occupations where parent_id = c.id)
       where c.is_category and j.status = 'published' group by c.id order by count(*) desc limit 1`,
    );
    const [job] = await rows(
      `select id from job_postings where status = 'published' order by published_at desc limit 1 offset 100`,
    );
    const jobs = '/api/v1/public/jobs';
    return {
      paths: [
        ['default list', jobs],
        ['keyword 保洁', `${jobs}?q=${encodeURIComponent('保洁')}`],
        ['town filter', `${jobs}?town=${TOWNS[1]}`],
        ['工种 filter', `${jobs}?occupationId=${category?.id}`],
        ['best pay', `${jobs}?sort=best_pay`],
        ['page 50', `${jobs}?page=50`],
        ['distance 5 km', `${jobs}?lng=109.7&lat=24.45&radiusKm=5&sort=nearest`],
        ['job detail', `${jobs}/${job?.id}`],
      ],
    };
  } finally {
    await database.close();
  }
}

async function start(target: Target, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(here, 'server.ts'), [target.kind], {
    execArgv: ['--import', 'tsx'],
    // As `npm start` runs it (default NODE_ENV and LOG_LEVEL), without demo data; ROLE=api (the
    // background runner's periodic work would land at random in the measurements; BENCH_ROLE=all).
    env: { ...env, BENCH_DATA_DIR: dir, SEED_DEMO: 'false', ROLE: env.BENCH_ROLE ?? 'api', ...target.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`${target.name} exited (${code})`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

type Result = { rps: number; p50: number; p99: number; errors: number; bytes: string };

async function load(url: string): Promise<Result> {
  const body = await fetch(url).then((r) => r.text());
  for (let i = 0; i < 5; i++) await fetch(url).then((r) => r.text()); // warm-up
  const r = await autocannon({ url, connections, duration });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    bytes: body,
  };
}

const { paths } = await prepare();
const wanted = env.BENCH_SCENARIOS?.split(',');
const scenarios = paths.filter(([name]) => !wanted || wanted.some((w) => name.includes(w)));
const results = new Map<string, Map<string, Result>>();
// Every target runs at once (PGlite: each on its own copy of the seeded files), idle while another
// is measured; the targets take turns per scenario, so a change in the machine's load hits all.
const servers: { target: Target; url: string; child: ChildProcess; dir: string }[] = [];
try {
  for (const [i, target] of TARGETS.entries()) {
    const dir = databaseUrl ? dataDir : `${dataDir}-run${i}`;
    if (!databaseUrl) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(dataDir, dir, { recursive: true });
    }
    servers.push({ target, dir, ...(await start(target, dir)) });
  }
  for (const [name, p] of scenarios) {
    for (const { target, url } of servers) {
      const r = await load(url + p);
      (results.get(name) ?? results.set(name, new Map()).get(name))?.set(target.name, r);
      console.log(
        `${target.name.padEnd(20)} ${name.padEnd(14)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`,
      );
    }
  }
} finally {
  for (const s of servers) {
    await stop(s.child);
    if (!databaseUrl) rmSync(s.dir, { recursive: true, force: true });
  }
}

console.log(
  `\n${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${scale.jobs} jobs / ${scale.workers} workers, ${connections} connections, ${duration} s per scenario`,
);
console.log(
  '| scenario | lingong req/s (p99) | no page cache req/s (p99) | baseline req/s (p99) | lingong / baseline | no page cache / baseline | errors | same bytes |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, byTarget] of results) {
  const [l, n, b] = TARGETS.map((t) => byTarget.get(t.name));
  if (!l || !n || !b) continue;
  const cell = (r: Result) => `${r.rps.toFixed(0)} (${r.p99} ms)`;
  console.log(
    `| ${name} | ${cell(l)} | ${cell(n)} | ${cell(b)} | ${(l.rps / b.rps).toFixed(2)} | ${(n.rps / b.rps).toFixed(2)} | ${l.errors}/${n.errors}/${b.errors} | ${l.bytes === b.bytes && n.bytes === b.bytes ? 'yes' : 'NO'} |`,
  );
}
