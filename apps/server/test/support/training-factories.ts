import { xlsxSheets } from './public-services-factories.js';

// Helpers for the training and events tests: reading an .xlsx download back.

/** The name and rows (header first) of the first sheet of an .xlsx body. */
export async function xlsxRows(body: Buffer): Promise<{ name: string; rows: string[][] }> {
  const [first] = await xlsxSheets(body);
  return { name: first?.[0] ?? '', rows: first?.[1] ?? [] };
}
