import { sql, type SQL } from 'drizzle-orm';
import { documentTokens, toTsvectorLiteral } from '../../platform/search/tokens.js';

/** The texts a posting is found by. */
export type JobSearchText = {
  title: string;
  occupationName: string;
  townName: string;
  address?: string;
  description?: string;
  requirements?: string;
};

/**
 * The value of `job_postings.search_tokens`: jieba search-mode tokens of the title, 工种, town,
 * address, description and requirements. Use it on every insert and on every edit of these texts
 * (the demo seed uses it too).
 */
export function jobSearchVector(text: JobSearchText): SQL {
  const tokens = documentTokens([
    text.title,
    text.occupationName,
    text.townName,
    text.address ?? '',
    text.description ?? '',
    text.requirements ?? '',
  ]);
  return sql`${toTsvectorLiteral(tokens)}::tsvector`;
}
