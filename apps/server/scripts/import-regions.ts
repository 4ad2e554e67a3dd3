// npm run import:regions -- <file.csv|file.xlsx>
// Loads the official division list (code, name, level, parent). The whole file is validated
// first; any bad row is reported (row, field, message) and nothing is imported.
import { readFileSync } from 'node:fs';
import { parseDivisionCsv, parseDivisionRows } from '../src/modules/reference/division-import.js';
import { readXlsxRows } from '../src/modules/reference/division-xlsx.js';
import { findAllRegionCodes, importRegions } from '../src/modules/reference/index.js';
import { openCliContext } from './cli-context.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run import:regions -- <file.csv|file.xlsx>');
  process.exit(2);
}

const { database } = await openCliContext();
const knownCodes = await findAllRegionCodes(database.db);
const result = file.endsWith('.xlsx')
  ? parseDivisionRows(await readXlsxRows(file), { knownCodes })
  : parseDivisionCsv(readFileSync(file, 'utf8'), { knownCodes });
if (!result.ok) {
  console.error(`导入失败，未导入任何数据（${result.errors.length} 处错误）：`);
  for (const e of result.errors.slice(0, 200)) console.error(`  第${e.row}行 ${e.field}: ${e.message}`);
  await database.close();
  process.exit(1);
}
const { imported } = await importRegions(database.db, result.regions, { kind: 'system' });
console.log(`已导入 ${imported} 条行政区划`);
await database.close();
