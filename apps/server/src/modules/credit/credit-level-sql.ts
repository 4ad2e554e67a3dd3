import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { CREDIT_BASE_SCORE, type CreditLevel, type CreditSubject } from './credit-rules.js';
import { creditScores } from './credit.schema.js';

/** Score bounds of each level (see creditLevel). */
export const CREDIT_LEVEL_RANGES: Record<CreditLevel, [number, number]> = {
  excellent: [90, 100],
  good: [75, 89],
  fair: [60, 74],
  poor: [0, 59],
};

/** A WHERE condition: the subject in `idColumn` has a credit level of `level` (no events = base score). */
export function creditLevelCondition(subjectType: CreditSubject, idColumn: AnyColumn, level: CreditLevel): SQL {
  const [min, max] = CREDIT_LEVEL_RANGES[level];
  const score = sql`coalesce((select ${creditScores.score} from ${creditScores} where ${creditScores.subjectType} = ${subjectType} and ${creditScores.subjectId} = ${idColumn}), ${CREDIT_BASE_SCORE})`;
  return sql`${score} between ${min} and ${max}`;
}

/** The subject's score for the id in `id` (the base score without events), embedded in another module's statement. */
export function creditScoreSql(subjectType: CreditSubject, id: SQLWrapper): SQL<number> {
  return sql<number>`coalesce((select lg_c.score from ${creditScores} lg_c where lg_c.subject_type = ${subjectType} and lg_c.subject_id = ${id}), ${CREDIT_BASE_SCORE})`.mapWith(
    Number,
  );
}
