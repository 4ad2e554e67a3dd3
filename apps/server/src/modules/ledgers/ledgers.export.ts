import type {
  FollowupExportQuery,
  GuidanceExportQuery,
  MatchmakingExportQuery,
  RegistrationExportQuery,
} from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { FOLLOWUP_SHEET, GUIDANCE_SHEET, MATCHMAKING_SHEET, REGISTRATION_SHEET } from './ledgers.excel.js';
import { sheetWorkbook, type ExportFile, type SheetSpec } from '../../platform/reporting/index.js';
import { exportRows, type LedgersDeps } from './ledgers.service.js';

type Meta = { ip?: string; requestId?: string };
export type LedgerFile = ExportFile;

async function exportOne<R>(
  deps: LedgersDeps,
  actor: StaffActor,
  ledger: string,
  spec: SheetSpec<R>,
  rows: R[],
  query: { pii: string },
  meta: Meta,
): Promise<LedgerFile> {
  const buffer = await sheetWorkbook(spec, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'ledger',
    entityId: ledger,
    regionCode: actor.regionCode,
    details: { rows: rows.length, query },
    ...meta,
  });
  return { name: spec.name, buffer };
}

/** Each ledger as .xlsx, region-scoped; every export (masked or real-name) is written to the audit log. */
export const exportRegistrations = async (
  deps: LedgersDeps,
  actor: StaffActor,
  q: RegistrationExportQuery,
  meta: Meta,
) =>
  exportOne(deps, actor, 'registrations', REGISTRATION_SHEET, await exportRows.registrations(deps, actor, q), q, meta);
export const exportFollowups = async (deps: LedgersDeps, actor: StaffActor, q: FollowupExportQuery, meta: Meta) =>
  exportOne(deps, actor, 'followups', FOLLOWUP_SHEET, await exportRows.followups(deps, actor, q), q, meta);
export const exportMatchmakings = async (deps: LedgersDeps, actor: StaffActor, q: MatchmakingExportQuery, meta: Meta) =>
  exportOne(deps, actor, 'matchmakings', MATCHMAKING_SHEET, await exportRows.matchmakings(deps, actor, q), q, meta);
export const exportGuidance = async (deps: LedgersDeps, actor: StaffActor, q: GuidanceExportQuery, meta: Meta) =>
  exportOne(deps, actor, 'guidance', GUIDANCE_SHEET, await exportRows.guidance(deps, actor, q), q, meta);
