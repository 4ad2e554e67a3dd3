// The reporting kit: Shanghai calendar, paging, region windows, sheet specs and the one workbook
// writer, downloads, and how personal fields are revealed in reports. No business rules here.
export * from './shanghai-time.js';
export * from './paging.js';
export * from './region-window.js';
export * from './workbook.js';
export * from './send-file.js';
export * from './reveal.js';
export * from './histogram.js';
export {
  LIST_EXPORT_MAX_ROWS,
  listWorkbook,
  collectPages,
  sendXlsx,
  type ExportCell,
  type ExportColumn,
} from './list-export.js';
