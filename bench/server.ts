// A server process for bench/run.ts: `lingong` is the real server (startServer, as `npm start`
// runs it, default logging), `baseline` is a bare Fastify (no logger, no plugins, no cache) that
// runs the same service functions, hence exactly the same SQL, and serialises with the same zod
// schemas, hence the same bytes. Reports its URL to the parent over IPC.
import Fastify from 'fastify';
import { PublicJobDetail, PublicJobPage, PublicJobQuery } from '@lingong/contracts';
import { openDatabase } from '../apps/server/src/db/client.js';
import { startServer } from '../apps/server/src/main.js';
import { getPublicJob, listPublishedJobs } from '../apps/server/src/modules/jobs/index.js';
import { AppError } from '../apps/server/src/platform/errors/app-error.js';

const kind = process.argv[2];
const dataDir = process.env.BENCH_DATA_DIR ?? '';
const databaseUrl = process.env.DATABASE_URL || undefined;

async function baseline(): Promise<string> {
  const database = await openDatabase({ databaseUrl, dataDir });
  const db = database.db;
  const app = Fastify({ logger: false });
  app.get('/api/v1/public/jobs', async (request, reply) => {
    const q = PublicJobQuery.parse(request.query);
    const page = PublicJobPage.parse(await listPublishedJobs(db, q));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(page));
  });
  app.get<{ Params: { id: string } }>('/api/v1/public/jobs/:id', async (request, reply) => {
    try {
      const job = PublicJobDetail.parse(await getPublicJob(db, request.params.id, {}));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(job));
    } catch (err) {
      if (err instanceof AppError) return reply.status(404).send({ error: err.message });
      throw err;
    }
  });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

async function lingong(): Promise<string> {
  const server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  return server.url;
}

const url = kind === 'baseline' ? await baseline() : await lingong();
process.send?.({ url });
