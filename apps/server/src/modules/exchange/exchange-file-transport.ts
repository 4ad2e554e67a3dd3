import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DATASET_LABELS, fieldsOf } from './exchange-datasets.js';
import type { ExchangeConfig } from './exchange-config.js';
import type { ExchangeTransport, OutboundBatch, TransportOutcome } from './exchange-transport.js';

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
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '零工市场数据交换';
    workbook.created = this.now();
    const sheet = workbook.addWorksheet(DATASET_LABELS[batch.dataset], { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow(['idempotency_key', ...defs.map((d) => d.code)]);
    sheet.addRow(['幂等键', ...defs.map((d) => d.label)]);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(2).font = { bold: true };
    for (const r of batch.records) sheet.addRow([r.idempotencyKey, ...defs.map((d) => r.fields[d.code] ?? '')]);
    sheet.columns.forEach((c) => (c.width = 18));
    const stamp = this.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
    const fileName = `${this.opts.sender}_${batch.dataset}_${this.opts.templateVersion}_${stamp}_${++this.seq}.xlsx`;
    await mkdir(this.opts.fileDir, { recursive: true });
    await writeFile(path.join(this.opts.fileDir, fileName), Buffer.from(await workbook.xlsx.writeBuffer()), {
      mode: 0o600,
    });
    return { kind: 'file', fileName };
  }
}
