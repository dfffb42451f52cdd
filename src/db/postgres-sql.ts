import type { SqlParam } from './sql-reader';

/**
 * The service's SQL is written once, in SQLite's dialect; this turns it into PostgreSQL's.
 * Deliberately small: the SQL was written to stay in the common subset, and these are the
 * only differences it uses (tests/db/postgres-sql.test.ts covers each):
 * - `?` placeholders become `$1, $2, ...` (never inside string literals or quoted names);
 * - `json_each(?)` over a JSON list of keys (jsonList) becomes `unnest($n::bigint[])` or
 *   `unnest($n::text[])` with the list as an array parameter, named `value` like SQLite's;
 * - camelCase aliases (`a.published_at AS publishedAt`, and where they are referred to) are
 *   quoted: PostgreSQL folds unquoted names to lower case, and rows must keep their keys;
 * - `CROSS JOIN t ON ...` (SQLite: join in this order) becomes `JOIN t ON ...`;
 * - `x = ? COLLATE NOCASE` becomes `lower(x) = lower(?)`;
 * - `published_at ASC|DESC` gets SQLite's place for NULLs (first ascending, last descending).
 */
export interface PostgresStatement {
  text: string;
  values: unknown[];
}

/** A quoted identifier: `"name"`, with embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const translations = new Map<string, string>();
/** Per SQL text, which placeholders are key lists (found once, not per call). */
const keyListIndexes = new Map<string, number[]>();

export function toPostgres(sql: string, params: readonly SqlParam[] = []): PostgresStatement {
  const values: unknown[] = [...params];
  const listKinds: ('bigint' | 'text')[] = [];
  // Each key list parsed once: its kind picks the translation, the array is the parameter.
  if (sql.includes('json_each(')) {
    let indexes = keyListIndexes.get(sql);
    if (!indexes) keyListIndexes.set(sql, (indexes = placeholderIndexes(sql, KEY_LIST)));
    for (const index of indexes) {
      const list = JSON.parse(String(params[index])) as unknown[];
      listKinds.push(list.every((value) => typeof value === 'number') ? 'bigint' : 'text');
      values[index] = list;
    }
  }
  const key = listKinds.length > 0 ? `${sql}\u0000${listKinds.join(',')}` : sql;
  let text = translations.get(key);
  if (text === undefined) {
    text = translate(sql, listKinds);
    // Bounded by the service's own SQL texts (and two kinds of key list each).
    translations.set(key, text);
  }
  return { text, values };
}

const KEY_LIST = /json_each\(\?\)/g;

/** The positions (among all `?`) of the placeholders that `pattern` matches. */
function placeholderIndexes(sql: string, pattern: RegExp): number[] {
  const indexes: number[] = [];
  for (const match of sql.matchAll(pattern)) indexes.push(countPlaceholders(sql.slice(0, match.index + match[0].indexOf('?'))));
  return indexes;
}

function countPlaceholders(sql: string): number {
  let count = 0;
  forEachCodeToken(sql, (token) => {
    if (token === '?') count += 1;
    return token;
  });
  return count;
}

/** `json_each(?)` with the alias that may follow it (not a keyword that goes on with the query). */
const KEY_LIST_WITH_ALIAS = /json_each\(\?\)(?:\s+(?:AS\s+)?(?!(?:CROSS|JOIN|INNER|LEFT|WHERE|ON|GROUP|ORDER|LIMIT|UNION)\b)([A-Za-z_]\w*)\b)?/gi;

function translate(sql: string, listKinds: readonly ('bigint' | 'text')[]): string {
  let lists = 0;
  // SQLite names json_each's column `value`: the unnested column is named so too.
  let text = sql.replace(KEY_LIST_WITH_ALIAS, (_match: string, alias: string | undefined) => `unnest(?::${listKinds[lists++]}[]) AS ${alias ?? 'keys'}(value)`);
  // SQLite's CROSS JOIN fixes the join order and takes ON; PostgreSQL's takes no ON.
  text = text.replace(/CROSS JOIN\s+([A-Za-z_]\w*(?:\s+(?!ON\b)[A-Za-z_]\w*)?)\s+ON\b/g, 'JOIN $1 ON');
  text = text.replace(/([A-Za-z_][\w.]*)\s*=\s*\?\s+COLLATE\s+NOCASE/g, 'lower($1) = lower(?)');
  // SQLite orders NULL first ascending, PostgreSQL last; keyset pages over the nullable
  // published_at depend on SQLite's order (PostgresBaseline's index is built in that order).
  text = text.replace(/\b((?:[A-Za-z_]\w*\.)?published_at)\s+(ASC|DESC)\b(?!\s+NULLS)/g, (_match: string, column: string, direction: string) =>
    `${column} ${direction} ${direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST'}`,
  );
  let placeholder = 0;
  return forEachCodeToken(text, (token) => {
    if (token === '?') return `$${++placeholder}`;
    // A camelCase word that is not a qualified column: an alias the rows are read by.
    if (/^[a-z][a-z0-9]*[A-Z]\w*$/.test(token)) return `"${token}"`;
    return token;
  });
}

/**
 * Calls `map` on each word and each `?` outside string literals and quoted names, and puts
 * the result in its place. Words after a `.` (qualified names) are passed through unchanged.
 */
function forEachCodeToken(sql: string, map: (token: string) => string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      const end = closingQuote(sql, i);
      out += sql.slice(i, end);
      i = end;
    } else if (char === '?') {
      out += map('?');
      i += 1;
    } else if (/[A-Za-z_]/.test(char)) {
      let end = i + 1;
      while (end < sql.length && /\w/.test(sql[end])) end += 1;
      const word = sql.slice(i, end);
      out += sql[i - 1] === '.' || sql[i - 1] === '$' || sql[i - 1] === ':' ? word : map(word);
      i = end;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** The index just past the literal or quoted name starting at `start` ('' and "" escape). */
function closingQuote(sql: string, start: number): number {
  const quote = sql[start];
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return i;
}
