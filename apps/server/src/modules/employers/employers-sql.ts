import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { employers } from './employers.schema.js';

/** The employer's name (table aliased, columns qualified: see reference-sql.ts) for the id in `id` ('' when unknown), embedded in another module's statement. */
export function employerNameSql(id: SQLWrapper): SQL<string> {
  return sql<string>`coalesce((select lg_e.name from ${employers} lg_e where lg_e.id = ${id}), '')`;
}
