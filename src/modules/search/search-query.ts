/**
 * The search query language (plain words, "phrases", prefix*, -exclusion) and its translation
 * to an SQLite FTS5 MATCH expression. Users never write FTS5 syntax: every word reaches FTS5 as
 * a quoted string literal, so operators, column filters and stray punctuation they type are
 * searched as words or dropped, and no input can become an FTS5 syntax error.
 */

import { phrasePairs } from './word-pairs';

export const MAX_QUERY_LENGTH = 500;

/** Bounds the cost of one search: FTS5 reads one posting list per term. */
const MAX_TERMS = 16;

export type QueryTerm =
  { kind: 'word'; text: string } | { kind: 'prefix'; text: string } | { kind: 'phrase'; words: string[] };

export interface ParsedQuery {
  include: QueryTerm[];
  exclude: QueryTerm[];
}

export type SearchQueryErrorReason = 'EMPTY' | 'TOO_LONG' | 'ONLY_EXCLUSIONS';

export class SearchQueryError extends Error {
  readonly reason: SearchQueryErrorReason;

  constructor(reason: SearchQueryErrorReason) {
    super(`Invalid search query: ${reason}`);
    this.name = 'SearchQueryError';
    this.reason = reason;
  }
}

// Combining marks stay inside a word so a decomposed "é" is not cut in two; a run of marks
// alone is no word (FTS5 would see no token in it and the term would silently match nothing).
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const BASE_CHAR = /[\p{L}\p{N}]/gu;

/**
 * One token of the query. A minus counts as exclusion only where a word would start (input
 * start or after a space), so "well-known" is two plain words rather than "well -known".
 * An unbalanced quote runs to the end of the input.
 */
const TOKEN = /(?<neg>(?<=^|\s)-)?(?:"(?<phrase>[^"]*)"?|(?<word>[\p{L}\p{N}\p{M}]+)(?<star>\*)?)/gu;

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((word) => baseLength(word) > 0);
}

function baseLength(word: string): number {
  return word.match(BASE_CHAR)?.length ?? 0;
}

/**
 * Puts a term into the shape the parser produces, whoever built it: only word characters
 * survive, which also keeps out NUL (FTS5 reads a NUL as the end of the expression).
 * Null when nothing searchable is left.
 */
function cleanTerm(term: QueryTerm): QueryTerm | null {
  const words = term.kind === 'phrase' ? term.words.flatMap(wordsOf) : wordsOf(term.text);
  if (words.length === 0) return null;
  if (term.kind === 'prefix') return { kind: 'prefix', text: words.join(' ') };
  return words.length === 1 ? { kind: 'word', text: words[0] } : { kind: 'phrase', words };
}

function termKey(term: QueryTerm): string {
  // FTS5 folds case itself, so "Putin putin" is one term; the first spelling is kept.
  const text = term.kind === 'phrase' ? term.words.join(' ') : term.text;
  return `${term.kind}:${text.toLowerCase()}`;
}

function uniqueTerms(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  const unique: QueryTerm[] = [];
  for (const term of terms) {
    const clean = cleanTerm(term);
    if (!clean) continue;
    const key = termKey(clean);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(clean);
  }
  return unique;
}

/**
 * Cleans, deduplicates and caps the terms. Positive terms win the places under the cap: a
 * dropped exclusion only widens the result, while a query must keep something to find.
 */
export function normalizeQuery(query: ParsedQuery): ParsedQuery {
  const include = uniqueTerms(query.include).slice(0, MAX_TERMS);
  const exclude = uniqueTerms(query.exclude).slice(0, MAX_TERMS - include.length);
  return { include, exclude };
}

function termFromToken(groups: Record<string, string | undefined>): QueryTerm | null {
  if (groups.phrase !== undefined) return cleanTerm({ kind: 'phrase', words: wordsOf(groups.phrase) });
  const word = groups.word ?? '';
  // A star after a single letter would expand to a large share of the vocabulary: read it as the word.
  const kind = groups.star && baseLength(word) >= 2 ? 'prefix' : 'word';
  return cleanTerm({ kind, text: word });
}

/** Throws SearchQueryError for an empty/blank query, more than 500 characters, or no positive term left (e.g. only exclusions or only punctuation). */
export function parseSearchQuery(input: string): ParsedQuery {
  // The cheap UTF-16 bound first, so a huge input is refused before it is scanned.
  if (input.length > 2 * MAX_QUERY_LENGTH || [...input].length > MAX_QUERY_LENGTH)
    throw new SearchQueryError('TOO_LONG');
  const text = input.normalize('NFC');
  const include: QueryTerm[] = [];
  const exclude: QueryTerm[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const term = termFromToken(match.groups ?? {});
    if (term) (match.groups?.neg ? exclude : include).push(term);
  }
  const query = normalizeQuery({ include, exclude });
  if (query.include.length > 0) return query;
  // Punctuation alone says nothing to search for; "-word" alone says only what to leave out.
  throw new SearchQueryError(query.exclude.length > 0 ? 'ONLY_EXCLUSIONS' : 'EMPTY');
}

function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function ftsTerm(term: QueryTerm): string {
  switch (term.kind) {
    case 'word':
      return ftsString(term.text);
    case 'prefix':
      return `${ftsString(term.text)}*`;
    case 'phrase':
      return ftsString(term.words.join(' '));
  }
}

/** FTS5 reads an unquoted AND/OR/NOT/NEAR as an operator, so only other plain identifiers stay bare. */
function ftsColumn(column: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(column) && !/^(AND|OR|NOT|NEAR)$/.test(column) ? column : ftsString(column);
}

/** The FTS5 MATCH expression: each word/phrase as an FTS5 string literal "..." (embedded " doubled), prefix as "text"*, terms joined by AND, exclusions appended as NOT (...). Deduplicate identical terms. Cap the number of terms at 16 (ignore extras) to bound query cost. */
export function toFtsMatch(query: ParsedQuery, column?: string): string {
  const { include, exclude } = normalizeQuery(query);
  // A bare NOT is an FTS5 syntax error; parseSearchQuery never gets here, a hand-built query might.
  if (include.length === 0) throw new SearchQueryError(exclude.length > 0 ? 'ONLY_EXCLUSIONS' : 'EMPTY');
  const positive = include.map(ftsTerm).join(' AND ');
  const expression = exclude.length === 0 ? positive : `(${positive}) NOT (${exclude.map(ftsTerm).join(' OR ')})`;
  return column === undefined ? expression : `${ftsColumn(column)} : (${expression})`;
}

/** True if any include/exclude term is a prefix (the caller then searches the unstemmed index). */
export function hasPrefix(query: ParsedQuery): boolean {
  return [...query.include, ...query.exclude].some((term) => term.kind === 'prefix');
}

/** Lower-cased words of the positive terms (for highlighting/diagnostics). */
export function positiveWords(query: ParsedQuery): string[] {
  const words = query.include.flatMap((term) => (term.kind === 'phrase' ? term.words : [term.text]).flatMap(wordsOf));
  return [...new Set(words.map((word) => word.toLowerCase()))];
}

/** A term for the phrase index (search_phrases): words on its `text` column, a phrase as the phrase of its word pairs on `pairs`. */
function phraseIndexTerm(term: QueryTerm): string {
  if (term.kind !== 'phrase') return `text : ${ftsTerm(term)}`;
  const pairs = phrasePairs(term.words);
  return pairs.length === 0 ? `text : ${ftsTerm(term)}` : `pairs : ${ftsString(pairs.join(' '))}`;
}

/** The MATCH for search_phrases, or null when the query has no phrase or has a prefix (only the unstemmed index has prefix indexes). */
export function toPhraseIndexMatch(query: ParsedQuery): string | null {
  const { include, exclude } = normalizeQuery(query);
  const terms = [...include, ...exclude];
  if (!terms.some((term) => term.kind === 'phrase') || terms.some((term) => term.kind === 'prefix')) return null;
  const positive = include.map(phraseIndexTerm).join(' AND ');
  return exclude.length === 0 ? positive : `(${positive}) NOT (${exclude.map(phraseIndexTerm).join(' OR ')})`;
}

export interface MatchExpressions {
  /** The MATCH on the `text` column of search_fts or search_fts_stem. */
  match: string;
  /** Search the unstemmed index: for prefixes, and for phrases, which match their exact words. */
  unstemmed: boolean;
  /** The same query for the phrase index, when it has a phrase (see word-pairs.ts). */
  phraseMatch: string | null;
  /**
   * What snippet() highlights, on the same index as `match`. For a query with a phrase, its
   * words one by one: finding a phrase of common words costs FTS5 far more than finding the
   * words, even within one row, and a page of snippets pays it once per hit.
   */
  snippetMatch: string;
}

/**
 * What the engine runs for a parsed query. A quoted phrase asks for those exact words (as a
 * quote is searched), so a query with a phrase is not stemmed, and it runs on the phrase index.
 */
export function matchExpressions(query: ParsedQuery): MatchExpressions {
  const phraseMatch = toPhraseIndexMatch(query);
  const match = toFtsMatch(query, 'text');
  const snippetMatch = phraseMatch === null ? match : `text : (${positiveWords(query).map(ftsString).join(' OR ')})`;
  return { match, unstemmed: hasPrefix(query) || phraseMatch !== null, phraseMatch, snippetMatch };
}
