import { z } from 'zod';

// Import of offline paper records (纸质台账补录) from the same Excel templates as the ledger exports.
// A file with any bad row imports nothing; the 400 IMPORT_FAILED body lists row, field, message.

export const IMPORTABLE_LEDGERS = ['registrations', 'followups', 'guidance', 'matchmakings', 'collection'] as const;
export const ImportableLedger = z.enum(IMPORTABLE_LEDGERS, { error: '该台账不支持导入' });
export type ImportableLedger = z.infer<typeof ImportableLedger>;

export const LedgerImportParams = z.object({ ledger: ImportableLedger });
export type LedgerImportParams = z.infer<typeof LedgerImportParams>;

/** Largest upload: about 30 MB of .xlsx (100,000 registration rows are about 5 MB). */
export const LEDGER_IMPORT_MAX_BASE64 = 40_000_000;

export const LedgerImportBody = z.object({
  file: z
    .base64({ error: '请上传 Excel 文件（.xlsx）' })
    .min(1, { error: '请上传 Excel 文件（.xlsx）' })
    .max(LEDGER_IMPORT_MAX_BASE64, { error: '文件过大（最多约30MB）' }),
});
export type LedgerImportBody = z.infer<typeof LedgerImportBody>;

export const LedgerImportResult = z.object({
  ledger: ImportableLedger,
  /** Data rows read from the file (blank lines skipped). */
  rows: z.number().int(),
  /** Records created (equals rows: all or nothing). */
  imported: z.number().int(),
});
export type LedgerImportResult = z.infer<typeof LedgerImportResult>;
