/** A quoted PostgreSQL identifier: `"name"`, with embedded quotes doubled (schema and channel names). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
