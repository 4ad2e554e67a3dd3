import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { occupations, regions } from './reference.schema.js';

// SQL fragments other modules embed to name codes in one statement (a correlated lookup by key),
// instead of a second round trip through findRegionNames / findOccupationNames. The tables are
// aliased and the columns qualified: drizzle leaves columns unqualified when the outer query
// selects from a subquery, where a bare name could bind to the outer row.

/** The region's name for the code in `code` ('' when unknown). */
export function regionNameSql(code: SQLWrapper): SQL<string> {
  return sql<string>`coalesce((select lg_r.name from ${regions} lg_r where lg_r.code = ${code}), '')`;
}

/** The occupation's name for the id in `id` ('' when unknown). */
export function occupationNameSql(id: SQLWrapper): SQL<string> {
  return sql<string>`coalesce((select lg_o.name from ${occupations} lg_o where lg_o.id = ${id}), '')`;
}

/** The ids of an occupation and of its trades when it is a category (the 工种 filter). */
export function occupationSubtreeSql(id: string): SQL {
  return sql`(select lg_o.id from ${occupations} lg_o where lg_o.id = ${id} or lg_o.parent_id = ${id})`;
}
