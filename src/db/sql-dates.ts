/**
 * TypeORM stores SQLite `datetime` columns as UTC text "YYYY-MM-DD HH:MM:SS.SSS"; rows read
 * with raw SQL come back in that form (on PostgreSQL, our type parser gives ISO text).
 */
export function fromSqlDate(value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
}

/** The inverse, for parameters compared against `datetime` columns in raw SQL. */
export function toSqlDate(value: Date): string {
  return value.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A timestamp as the database returns it: SQLite's text, or PostgreSQL's through our type
 * parser. Read rows keep it as text: the API answers it as ISO text (isoFromSqlTimestamp), and
 * a Date made and formatted for every timestamp of every row is a cost a large page pays many
 * times over. Code that computes with one converts it (fromSqlDate).
 */
export type SqlTimestamp = string & { readonly __sqlTimestamp: unique symbol };

const SQL_TIMESTAMP =
  /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))[ T]((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)(?:\.(\d{1,9}))?Z?$/;

/**
 * "YYYY-MM-DD HH:MM:SS[.fraction]" (or with T and Z) as Date.toISOString() writes the same
 * moment: milliseconds, fraction truncated as Date parsing truncates it. Null for other text.
 */
export function isoFromSqlTimestamp(value: string): string | null {
  const match = SQL_TIMESTAMP.exec(value);
  if (!match) return null;
  const fraction =
    match[3] === undefined ? '000' : match[3].length >= 3 ? match[3].slice(0, 3) : match[3].padEnd(3, '0');
  return `${match[1]}T${match[2]}.${fraction}Z`;
}
