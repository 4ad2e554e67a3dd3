// Server module graph: imports that go around a module's index.ts, platform → modules imports, files
// importing app.ts, and runtime (non-type) cycles between modules. Usage: node scripts/module-graph.mjs [-v]
// importsAroundIndexRaw counts every cross-module import of a file other than index.ts (the issue-9
// measure); importsAroundIndex leaves out the table reads (*.schema.ts) of the reporting modules, which
// eslint.config.js allows; schemaReadsOutsideReporting are the listed exceptions there.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
const root = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'apps/server/src';
const files = [];
(function walk(d) {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
  }
})(root);
const modOf = (p) => {
  const r = path.relative(root, p).split(path.sep);
  return r[0] === 'modules' ? 'modules/' + r[1] : r[0] === 'platform' ? 'platform' : r[0];
};
// Same list as REPORTING_MODULES in eslint.config.js.
const REPORTING = [
  'ledgers',
  'kpi',
  'review-queues',
  'audit-viewer',
  'collection',
  'operations',
  'publicity',
  'imports',
  'map',
  'monitoring',
];
let around = 0,
  aroundRaw = 0,
  schemaReporting = 0,
  schemaOther = 0,
  importsApp = 0,
  platformToModules = 0;
const edges = new Map();
const aroundList = [];
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    const isType = !!m[2];
    const target = path.resolve(path.dirname(f), m[3]).replace(/\.js$/, '.ts');
    const a = modOf(f),
      b = modOf(target);
    if (path.relative(root, target) === 'app.ts' && (a.startsWith('modules/') || a === 'platform')) {
      importsApp++;
      aroundList.push(`APP ${f}`);
    }
    if (a === b) continue;
    if (a === 'platform' && b.startsWith('modules/')) {
      platformToModules++;
      aroundList.push(`P ${f} -> ${m[3]}`);
    }
    if (b.startsWith('modules/') && a.startsWith('modules/') && path.basename(target) !== 'index.ts') {
      aroundRaw++;
      const schema = target.endsWith('.schema.ts');
      if (schema && REPORTING.includes(a.slice(8))) schemaReporting++;
      else if (schema) {
        schemaOther++;
        aroundList.push(`S ${f} -> ${m[3]}`);
      } else {
        around++;
        aroundList.push(`A ${f} -> ${m[3]}`);
      }
    }
    if (!isType && a.startsWith('modules/') && b.startsWith('modules/')) {
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a).add(b);
    }
  }
}
let cycles = 0;
const seen = new Set();
for (const [a, bs] of edges)
  for (const b of bs)
    if (edges.get(b)?.has(a) && !seen.has(b + a)) {
      seen.add(a + b);
      cycles++;
      console.log('2-cycle', a, b);
    }
// strongly connected components (Tarjan)
let idx = 0;
const st = [],
  on = new Set(),
  ind = new Map(),
  low = new Map(),
  sccs = [];
const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
function sc(v) {
  ind.set(v, idx);
  low.set(v, idx);
  idx++;
  st.push(v);
  on.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!ind.has(w)) {
      sc(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), ind.get(w)));
  }
  if (low.get(v) === ind.get(v)) {
    const c = [];
    let w;
    do {
      w = st.pop();
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) sccs.push(c);
  }
}
for (const v of nodes) if (!ind.has(v)) sc(v);
if (process.argv.includes('-v')) console.log(aroundList.join('\n'));
const counts = {
  importsAroundIndexRaw: aroundRaw,
  importsAroundIndex: around,
  schemaReadsByReporting: schemaReporting,
  schemaReadsOutsideReporting: schemaOther,
  platformImportsModules: platformToModules,
  filesImportingApp: importsApp,
  twoModuleCycles: cycles,
  cyclicComponents: sccs.map((c) => c.length),
};
console.log(JSON.stringify(counts));
// --check (npm run lint): the boundaries that must stay at zero.
if (process.argv.includes('--check')) {
  const broken = ['importsAroundIndex', 'platformImportsModules', 'filesImportingApp', 'twoModuleCycles'].filter(
    (k) => counts[k] !== 0,
  );
  if (sccs.length > 0) broken.push(`cyclicComponents (${sccs.map((c) => c.join(' → ')).join('; ')})`);
  if (broken.length > 0) {
    console.error(`✗ module boundaries broken: ${broken.join(', ')} (see docs/architecture-notes.md)`);
    process.exit(1);
  }
}
