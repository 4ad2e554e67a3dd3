import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { shanghaiIso } from '../../platform/reporting/index.js';
import { jobPostings } from '../jobs/index.js';
import { employers } from '../employers/index.js';
import { workerProfiles } from '../workers/index.js';
import { matchmakings } from '../services/index.js';
import { occupations } from '../reference/index.js';
import type { Dataset, SourceValues } from './exchange-datasets.js';
import { exchangeRecords } from './exchange.schema.js';

// Where each data set comes from: which source rows become exchange records (collect) and the
// named values of one record when it is sent (read fresh, so a fixed source goes out on resend).
// Read-only: the exchange writes only its own table.

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai, the form the HR systems use for 经办时间. */
export function shanghaiDateTime(d: Date | null): string | null {
  if (!d) return null;
  return shanghaiIso(d).slice(0, 19).replace('T', ' ');
}

const yuan = (fen: number) => Math.round(fen) / 100;
const JOB_KIND_CODES = { contract: '1', flexible: '2' } as const;
const WAGE_UNIT_LABELS = { hour: '时', day: '日', piece: '件', month: '月' } as const;
const EMPLOYER_KIND_LABELS = {
  enterprise: '企业',
  individual_business: '个体工商户',
  private_person: '个人雇主',
  public_institution: '机关事业单位',
} as const;

type SourceSpec = { from: PgTable; id: AnyPgColumn; region: AnyPgColumn; where: SQL };

/** The source rows of each data set. */
const SOURCES: Record<Dataset, () => SourceSpec> = {
  job_postings: () => ({
    from: jobPostings,
    id: jobPostings.id,
    region: jobPostings.townCode,
    where: sql`${jobPostings.publishedAt} is not null`,
  }),
  employer_registrations: () => ({ from: employers, id: employers.id, region: employers.townCode, where: sql`true` }),
  worker_registrations: () => ({
    from: workerProfiles,
    id: workerProfiles.id,
    region: workerProfiles.homeRegionCode,
    where: sql`true`,
  }),
  matchmakings: () => ({ from: matchmakings, id: matchmakings.id, region: matchmakings.regionCode, where: sql`true` }),
};

/**
 * Add an exchange record for every source row of the data set that has none yet (at most
 * `limit` per call); returns how many were added. Idempotent: the (dataset, source) pair is unique.
 */
export async function collectDataset(
  db: DbOrTx,
  opts: { dataset: Dataset; sender: string; now: Date; limit: number },
): Promise<number> {
  const s = SOURCES[opts.dataset]();
  const prefix = `${opts.sender}:${opts.dataset}:`;
  const result = await db.execute(sql`
    insert into ${exchangeRecords} (dataset, source_id, idempotency_key, region_code, next_attempt_at, created_at, updated_at)
    select ${opts.dataset}, src.id, ${prefix} || src.id::text || ':r1', src.region, ${opts.now}, ${opts.now}, ${opts.now}
    from (select ${s.id} as id, ${s.region} as region from ${s.from} where ${s.where}
      and not exists (select 1 from ${exchangeRecords} e where e.dataset = ${opts.dataset} and e.source_id = ${s.id})
      limit ${opts.limit}) src
    on conflict do nothing`);
  return affected(result);
}

function affected(result: unknown): number {
  if (typeof result === 'object' && result !== null) {
    if ('rowCount' in result && typeof result.rowCount === 'number') return result.rowCount;
    if ('affectedRows' in result && typeof result.affectedRows === 'number') return result.affectedRows;
  }
  return 0;
}

type Reader = (db: DbOrTx, pii: Pii, ids: string[]) => Promise<Map<string, SourceValues>>;

const reveal = (pii: Pii, token: string | null) => (token ? pii.decrypt(token) : null);

const readJobs: Reader = async (db, pii, ids) => {
  const rows = await db
    .select({
      job: jobPostings,
      employerName: employers.name,
      uscc: employers.uscc,
      occupationCode: occupations.nationalCode,
      occupationName: occupations.name,
    })
    .from(jobPostings)
    .leftJoin(employers, eq(employers.id, jobPostings.employerId))
    .leftJoin(occupations, eq(occupations.id, jobPostings.occupationId))
    .where(inArray(jobPostings.id, ids));
  return new Map(
    rows.map(({ job, ...r }) => [
      job.id,
      {
        jobId: job.id,
        employerId: job.employerId,
        employerName: r.employerName,
        uscc: r.uscc,
        occupationCode: r.occupationCode,
        occupationName: r.occupationName,
        title: job.title,
        kind: JOB_KIND_CODES[job.kind],
        headcount: job.headcount,
        wageMin: yuan(job.wageMinFen),
        wageMax: yuan(job.wageMaxFen),
        wageUnit: WAGE_UNIT_LABELS[job.wageUnit],
        regionCode: job.townCode,
        address: job.address,
        contactName: job.contactName || null,
        contactPhone: reveal(pii, job.contactPhoneEnc),
        startDate: job.startDate,
        endDate: job.endDate,
        publishedAt: shanghaiDateTime(job.publishedAt),
      },
    ]),
  );
};

const readEmployers: Reader = async (db, pii, ids) => {
  const rows = await db.select().from(employers).where(inArray(employers.id, ids));
  return new Map(
    rows.map((e) => [
      e.id,
      {
        employerId: e.id,
        name: e.name,
        uscc: e.uscc,
        kind: EMPLOYER_KIND_LABELS[e.kind],
        industry: e.industry,
        regionCode: e.townCode,
        address: e.address || null,
        contactName: e.contactName || null,
        contactPhone: reveal(pii, e.contactPhoneEnc),
        registeredAt: shanghaiDateTime(e.createdAt),
      },
    ]),
  );
};

const readWorkers: Reader = async (db, pii, ids) => {
  const rows = await db.select().from(workerProfiles).where(inArray(workerProfiles.id, ids));
  return new Map(
    rows.map((w) => [
      w.id,
      {
        workerId: w.id,
        idNumber: reveal(pii, w.idNumberEnc),
        name: pii.decrypt(w.nameEnc),
        gender: w.gender === 'male' ? '1' : w.gender === 'female' ? '2' : null,
        ethnicity: w.ethnicity || null,
        birthDate: w.birthDate,
        education: w.education,
        phone: reveal(pii, w.phoneEnc),
        regionCode: w.homeRegionCode,
        priorityGroups: w.priorityGroups.join(',') || null,
        channel: w.channel,
        registeredAt: shanghaiDateTime(w.createdAt),
      },
    ]),
  );
};

const readMatchmakings: Reader = async (db, pii, ids) => {
  const rows = await db
    .select({
      m: matchmakings,
      nameEnc: workerProfiles.nameEnc,
      idNumberEnc: workerProfiles.idNumberEnc,
      employerName: employers.name,
    })
    .from(matchmakings)
    .leftJoin(workerProfiles, eq(workerProfiles.id, matchmakings.workerId))
    .leftJoin(employers, eq(employers.id, matchmakings.employerId))
    .where(inArray(matchmakings.id, ids));
  return new Map(
    rows.map(({ m, ...r }) => [
      m.id,
      {
        matchmakingId: m.id,
        idNumber: reveal(pii, r.idNumberEnc),
        name: reveal(pii, r.nameEnc),
        employerId: m.employerId,
        employerName: r.employerName,
        jobId: m.jobId,
        kind: m.kind,
        channel: m.channel,
        regionCode: m.regionCode,
        occurredAt: shanghaiDateTime(m.occurredAt),
      },
    ]),
  );
};

export const READERS: Record<Dataset, Reader> = {
  job_postings: readJobs,
  employer_registrations: readEmployers,
  worker_registrations: readWorkers,
  matchmakings: readMatchmakings,
};
