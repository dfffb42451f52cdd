import type BetterSqlite3 from 'better-sqlite3';

/**
 * Word pairs ("shingles") for fast exact phrases. A phrase made only of very common words
 * ("for the there") makes FTS5 check the positions of every document holding all its words,
 * a cost that grows with the collection. Indexed as one token per pair of neighbouring words,
 * the same phrase becomes a phrase of rare pair tokens ("for·the the·there") whose posting
 * lists are short, and FTS5 skips straight to the few documents that hold it.
 *
 * The pairs are made in JavaScript, by the same function for documents (through the SQL
 * function below, called by the search triggers) and for queries, so both sides always split
 * and fold words alike. A phrase of n words matches exactly the documents whose word sequence
 * holds it: n-1 pair tokens at consecutive positions.
 */

/** Joins the two words of a pair: a private-use character, which FTS5's unicode61 keeps inside tokens. */
const JOINER = '\uE000';
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const MARKS = /\p{M}+/gu;

/** The SQL function the search triggers call; every connection that writes must register it. */
export const WORD_PAIRS_FUNCTION = 'factline_word_pairs';

/** Folded words as unicode61 with remove_diacritics sees them: "Café déjà-vu" gives cafe, deja, vu. */
export function foldedWords(text: string): string[] {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().match(TOKEN) ?? [];
}

function pairsOf(words: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i += 1) pairs.push(words[i - 1] + JOINER + words[i]);
  return pairs;
}

/** The pair tokens of a document's text, space-separated in order. */
export function wordPairs(text: string): string {
  return pairsOf(foldedWords(text)).join(' ');
}

/** The pair tokens of a phrase (at least two words), in order; empty for a single word. */
export function phrasePairs(words: string[]): string[] {
  return pairsOf(words.flatMap(foldedWords));
}

export function registerSearchFunctions(connection: BetterSqlite3.Database): void {
  connection.function(WORD_PAIRS_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? wordPairs(text) : null,
  );
}
