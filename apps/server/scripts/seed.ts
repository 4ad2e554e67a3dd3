// npm run seed -- --workers N --employers M --jobs K [--seed S]
// Plausible Luzhai demo data in batched multi-row inserts (100k workers in about a minute).
import { openCliContext, parseArgs } from './cli-context.js';
import { seedEmployers, seedJobs, seedWorkers } from './demo/seed-demo.js';

const args = parseArgs(process.argv.slice(2));
const num = (name: string, fallback: number) => {
  const v = Number(args.get(name) ?? fallback);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
  return v;
};
const workers = num('workers', 1000);
const employersN = num('employers', 50);
const jobs = num('jobs', 200);
const seed = num('seed', Date.now() % 100000);

const { database, pii } = await openCliContext();
const deps = { db: database.db, pii };
const t0 = Date.now();
const emps = employersN > 0 ? await seedEmployers(deps, employersN, seed) : undefined;
console.log(`employers: ${employersN} (${Date.now() - t0} ms)`);
const t1 = Date.now();
await seedJobs(deps, jobs, seed, emps);
console.log(`jobs: ${jobs} (${Date.now() - t1} ms)`);
const t2 = Date.now();
await seedWorkers(deps, workers, seed);
const ms = Date.now() - t2;
console.log(`workers: ${workers} (${ms} ms, ${Math.round((workers / Math.max(ms, 1)) * 1000)} rows/s)`);
await database.close();
