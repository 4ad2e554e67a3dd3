/** 台账 (console): the service ledgers, their Excel exports, and the paper-record import. */
import type {
  FollowupLedgerRow,
  GuidanceLedgerRow,
  ImportableLedger,
  LedgerImportBody,
  LedgerImportResult,
  MatchmakingLedgerRow,
  RegistrationLedgerRow,
} from '@lingong/contracts';
import { ADMIN, api, withQuery, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/ledgers`;

/** The row each ledger returns. */
export interface LedgerRowOf {
  registrations: RegistrationLedgerRow;
  followups: FollowupLedgerRow;
  matchmakings: MatchmakingLedgerRow;
  guidance: GuidanceLedgerRow;
}
export type LedgerKind = keyof LedgerRowOf;

export const listLedger = <K extends LedgerKind>(kind: K, query: ListQuery) =>
  api.get<Paged<LedgerRowOf[K]>>(`${BASE}/${kind}`, query);
/** The ledger's Excel export for `downloadFile` (same filters as `listLedger`, plus `pii`: masked / full). */
export const ledgerExportPath = (kind: LedgerKind, query: ListQuery) => withQuery(`${BASE}/${kind}/export`, query);
/** The blank import template (Excel) for `downloadFile`. */
export const ledgerImportTemplatePath = (ledger: ImportableLedger) => `${BASE}/${ledger}/import/template`;
export const importLedger = (ledger: ImportableLedger, body: LedgerImportBody) =>
  api.post<LedgerImportResult>(`${BASE}/${ledger}/import`, body);
