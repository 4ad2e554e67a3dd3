// EXPLAIN ANALYZE of the public list's statements on the bench's seeded data (run `npm run bench`
// first, or set BENCH_DATA_DIR / DATABASE_URL to a seeded database):
//   npx tsx bench/explain.ts            PGlite files of the last county bench
//   DATABASE_URL=postgres://… npx tsx bench/explain.ts
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PublicJobQuery } from '@lingong/contracts';
import { openDatabase } from '../apps/server/src/db/client.js';
import { listPublishedJobs } from '../apps/server/src/modules/jobs/index.js';
import { setListCacheTtl } from '../apps/server/src/modules/jobs/job-list-cache.js';
import { TOWNS } from './seed-county.js';

const env = process.env;
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir =
  env.BENCH_DATA_DIR ??
  path.join(tmpdir(), `lingong-bench-${Number(env.BENCH_JOBS ?? 5000)}-${Number(env.BENCH_WORKERS ?? 50000)}`);
const database = await openDatabase({ databaseUrl, dataDir });
setListCacheTtl(0);
type Session = { prepareQuery: (q: { sql: string; params: unknown[] }, ...rest: unknown[]) => unknown };
type Client = { query: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
const db = database.db as unknown as { session: Session; $client: Client };
const captured: { sql: string; params: unknown[] }[] = [];
const prepare = db.session.prepareQuery.bind(db.session);
db.session.prepareQuery = (q, ...rest) => {
  captured.push({ sql: q.sql, params: q.params });
  return prepare(q, ...rest);
};

const [category] = (
  await db.$client.query(
    `select c.id from occupations c where c.is_category and exists (select 1 from occupations t join job_postings j on j.occupation_id = t.id where t.parent_id = c.id) limit 1`,
    [],
  )
).rows;
const scenarios: [string, Record<string, string>][] = [
  ['default list', {}],
  ['keyword 保洁', { q: '保洁' }],
  ['town filter', { town: TOWNS[1] ?? '' }],
  ['工种 filter', { occupationId: String(category?.id) }],
  ['best pay', { sort: 'best_pay' }],
  ['page 50', { page: '50' }],
  ['distance 5 km', { lng: '109.7', lat: '24.45', radiusKm: '5', sort: 'nearest' }],
];
for (const [name, query] of scenarios) {
  captured.length = 0;
  await listPublishedJobs(database.db, PublicJobQuery.parse(query));
  console.log(`\n### ${name}: ${captured.length} statement(s)`);
  for (const q of captured) {
    const plan = await db.$client.query(`explain (analyze, costs off) ${q.sql}`, q.params);
    console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
  }
}
await database.close();
