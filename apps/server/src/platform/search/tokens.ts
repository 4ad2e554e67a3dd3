import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese search tokens. Documents are cut in jieba's search mode, which adds the dictionary
 * words inside longer words (电焊工 -> 电焊, 焊工, 电焊工), so a two-character query finds the
 * longer trade. Tokens are stored as a `tsvector` literal (no parser, no stemming) and queried
 * with a `tsquery` literal, the same way on PGlite and PostgreSQL.
 */
let jieba: Jieba | null = null;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/** Keeps letters and digits of any script; drops whitespace and punctuation tokens. */
const WORDLIKE = /[\p{L}\p{N}]/u;

function clean(tokens: string[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    const token = t.trim().toLowerCase();
    if (token && WORDLIKE.test(token)) out.add(token);
  }
  return [...out];
}

/** Search-mode tokens of the given texts, lower-cased and de-duplicated. */
export function documentTokens(texts: readonly string[]): string[] {
  return clean(texts.flatMap((t) => (t ? segmenter().cutForSearch(t, true) : [])));
}

/**
 * Tokens of a query (precise mode, so 电焊工 stays one token that documents carry). Single
 * characters (的, 找, 活) are dropped when a longer word remains.
 */
export function queryTokens(query: string): string[] {
  const tokens = clean(segmenter().cut(query, true));
  const words = tokens.filter((t) => [...t].length > 1);
  return words.length > 0 ? words : tokens;
}

const quote = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A tsvector literal ('电焊' '电焊工' …) to cast with `::tsvector`. */
export function toTsvectorLiteral(tokens: readonly string[]): string {
  return tokens.map(quote).join(' ');
}

/** A tsquery literal requiring every token ('电焊' & '日结'), or null when nothing is searchable. */
export function toTsqueryLiteral(tokens: readonly string[]): string | null {
  return tokens.length === 0 ? null : tokens.map(quote).join(' & ');
}
