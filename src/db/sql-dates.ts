/**
 * TypeORM stores SQLite `datetime` columns as UTC text "YYYY-MM-DD HH:MM:SS.SSS"; rows read
 * with raw SQL come back in that form.
 */
export function fromSqlDate(value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
}

/** The inverse, for parameters compared against `datetime` columns in raw SQL. */
export function toSqlDate(value: Date): string {
  return value.toISOString().replace('T', ' ').replace('Z', '');
}
