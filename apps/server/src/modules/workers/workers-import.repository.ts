import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { workerProfiles, workerRegistrationConsents, workerSkills } from './workers.schema.js';

/** Profiles of an import with their skills and paper consents, all inserted or none (caller's tx). */
export type ImportedWorkers = {
  profiles: (typeof workerProfiles.$inferInsert & { id: string; createdAt: Date; updatedAt: Date })[];
  skills: (typeof workerSkills.$inferInsert)[];
  consents: (typeof workerRegistrationConsents.$inferInsert & { createdAt: Date })[];
};

/** Rows per INSERT ... SELECT FROM unnest(...): one bound array per column, whatever the row count. */
export const IMPORT_CHUNK = 10_000;

type Column<R> = { name: string; type: string; value: (r: R) => unknown; cast?: string };

/** A PostgreSQL array literal of text values ('{"a","b"}'), for array columns passed through unnest. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * Bulk insert with one array parameter per column (`insert ... select from unnest($1::uuid[], ...)`):
 * far fewer bind parameters and much less statement building than a multi-row VALUES list.
 * Strict: no ON CONFLICT, so a duplicate that slipped past validation fails the caller's transaction.
 */
async function unnestInsert<R>(
  tx: DbOrTx,
  table: string,
  columns: Column<R>[],
  rows: R[],
  chunk: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params = columns.map(
      (c, k) =>
        sql`${sql.param(part.map(c.value))}::${sql.raw(c.type)}[]${sql.raw(k < columns.length - 1 ? ', ' : '')}`,
    );
    const names = sql.raw(columns.map((c) => c.name).join(', '));
    const selected = sql.raw(columns.map((c) => (c.cast ? `${c.name}::${c.cast}` : c.name)).join(', '));
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${names}) select ${selected} from unnest(${sql.join(params)}) as u(${names})`,
    );
  }
}

const PROFILE_COLUMNS: Column<ImportedWorkers['profiles'][number]>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'name_enc', type: 'text', value: (r) => r.nameEnc },
  { name: 'id_number_enc', type: 'text', value: (r) => r.idNumberEnc ?? null },
  { name: 'id_number_hash', type: 'text', value: (r) => r.idNumberHash ?? null },
  { name: 'id_last4', type: 'text', value: (r) => r.idLast4 ?? null },
  { name: 'phone_enc', type: 'text', value: (r) => r.phoneEnc ?? null },
  { name: 'phone_hash', type: 'text', value: (r) => r.phoneHash ?? null },
  { name: 'gender', type: 'text', value: (r) => r.gender ?? null },
  { name: 'birth_date', type: 'date', value: (r) => r.birthDate ?? null },
  { name: 'home_region_code', type: 'text', value: (r) => r.homeRegionCode },
  { name: 'occupation_ids', type: 'text', value: (r) => arrayLiteral(r.occupationIds ?? []), cast: 'uuid[]' },
  { name: 'priority_groups', type: 'text', value: (r) => arrayLiteral(r.priorityGroups ?? []), cast: 'text[]' },
  { name: 'channel', type: 'text', value: (r) => r.channel },
  { name: 'registered_by_staff_id', type: 'uuid', value: (r) => r.registeredByStaffId ?? null },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt.toISOString() },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt.toISOString() },
];
const SKILL_COLUMNS: Column<ImportedWorkers['skills'][number]>[] = [
  { name: 'worker_id', type: 'uuid', value: (r) => r.workerId },
  { name: 'occupation_id', type: 'uuid', value: (r) => r.occupationId },
  { name: 'years', type: 'int', value: (r) => r.years ?? 0 },
];
const CONSENT_COLUMNS: Column<ImportedWorkers['consents'][number]>[] = [
  { name: 'worker_id', type: 'uuid', value: (r) => r.workerId },
  { name: 'method', type: 'text', value: (r) => r.method },
  { name: 'signature_file_id', type: 'uuid', value: (r) => r.signatureFileId ?? null },
  { name: 'policy_version', type: 'text', value: (r) => r.policyVersion },
  { name: 'recorded_by_staff_id', type: 'uuid', value: (r) => r.recordedByStaffId },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt.toISOString() },
];

/** Insert an import's profiles, skills and consents (inside the caller's transaction). */
export async function insertImportedWorkers(tx: DbOrTx, rows: ImportedWorkers, chunk = IMPORT_CHUNK): Promise<void> {
  await unnestInsert(tx, 'worker_profiles', PROFILE_COLUMNS, rows.profiles, chunk);
  await unnestInsert(tx, 'worker_skills', SKILL_COLUMNS, rows.skills, chunk);
  await unnestInsert(tx, 'worker_registration_consents', CONSENT_COLUMNS, rows.consents, chunk);
}
