import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addSheet, newWorkbook, workbookBytes, type Column } from '../../platform/reporting/index.js';
import { DATASET_LABELS, fieldsOf } from './exchange-datasets.js';
import type { ExchangeConfig } from './exchange-config.js';
import type { ExchangeTransport, OutboundBatch, OutboundRecord, TransportOutcome } from './exchange-transport.js';

type FileOptions = Pick<ExchangeConfig, 'fileDir' | 'sender' | 'templateVersion' | 'fieldMap'>;

/**
 * File batches for manual upload to the province's import page, while the online interface is
 * not granted: one .xlsx per batch in EXCHANGE_FILE_DIR. Row 1 holds the indicator codes (what
 * the import matches on), row 2 the Chinese labels, then one row per record; the first column is
 * the idempotency key so a re-uploaded file is recognised. The files hold personal data: the
 * directory must be as protected as the database.
 */
export class ExcelFileTransport implements ExchangeTransport {
  readonly kind = 'file' as const;
  private seq = 0;
  constructor(
    private readonly opts: FileOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(batch: OutboundBatch): Promise<TransportOutcome> {
    const defs = fieldsOf(batch.dataset, this.opts.fieldMap);
    const columns: Column<OutboundRecord>[] = [
      { key: 'idempotency_key', header: '幂等键', width: 18, value: (r) => r.idempotencyKey },
      ...defs.map((d) => ({
        key: d.code,
        header: d.label,
        width: 18,
        value: (r: OutboundRecord) => r.fields[d.code] ?? '',
      })),
    ];
    const workbook = newWorkbook(this.now(), '零工市场数据交换');
    addSheet(workbook, { name: DATASET_LABELS[batch.dataset], columns, keyRow: true }, batch.records);
    const stamp = this.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
    const fileName = `${this.opts.sender}_${batch.dataset}_${this.opts.templateVersion}_${stamp}_${++this.seq}.xlsx`;
    await mkdir(this.opts.fileDir, { recursive: true });
    await writeFile(path.join(this.opts.fileDir, fileName), await workbookBytes(workbook), {
      mode: 0o600,
    });
    return { kind: 'file', fileName };
  }
}
