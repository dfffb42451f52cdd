/**
 * The search query language (search-query.ts) translated to PostgreSQL's tsquery text, for
 * to_tsquery. The same parsed query as SQLite's, so a query means the same on both engines:
 * every word is all that is searched for ("OR", "&", "!" typed by a user are words or
 * dropped), and only the operators built here reach PostgreSQL, so no input can be a tsquery
 * syntax error.
 */

import { normalizeQuery, type ParsedQuery, type QueryTerm, SearchQueryError } from './search-query';

/** A quoted tsquery operand: to_tsquery runs it through the text search configuration (folding, stemming). */
function operand(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function tsTerm(term: QueryTerm): string {
  switch (term.kind) {
    case 'word':
      return operand(term.text);
    case 'prefix': {
      // One word as the parser makes it; a hand-built one may hold more: a phrase ending in the prefix.
      const words = term.text.split(' ');
      const last = `${operand(words[words.length - 1])}:*`;
      return words.length === 1 ? last : `(${[...words.slice(0, -1).map(operand), last].join(' <-> ')})`;
    }
    case 'phrase':
      return `(${term.words.map(operand).join(' <-> ')})`;
  }
}

/** All positive terms (&), then the exclusions as & !(... | ...); deduplicated and capped as for FTS5. */
export function toTsQuery(query: ParsedQuery): string {
  const { include, exclude } = normalizeQuery(query);
  if (include.length === 0) throw new SearchQueryError(exclude.length > 0 ? 'ONLY_EXCLUSIONS' : 'EMPTY');
  const positive = include.map(tsTerm).join(' & ');
  return exclude.length === 0 ? positive : `(${positive}) & !(${exclude.map(tsTerm).join(' | ')})`;
}

/**
 * What a snippet highlights: any positive term. ts_headline marks every word of its query,
 * excluded ones too, which must not light up in a hit.
 */
export function toTsHighlightQuery(query: ParsedQuery): string {
  const { include, exclude } = normalizeQuery(query);
  if (include.length === 0) throw new SearchQueryError(exclude.length > 0 ? 'ONLY_EXCLUSIONS' : 'EMPTY');
  return include.map(tsTerm).join(' | ');
}
