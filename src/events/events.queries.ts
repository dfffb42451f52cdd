import { statement, type StatementBuilder, sql } from '../db/statements';

/** The statements of the change-event bus. */

/**
 * Announces one payload on a channel: PostgreSQL's NOTIFY, as a function so both are parameters.
 * SQLite has no such thing (its events stay in the process): the statement is PostgreSQL's only.
 */
export const notify = statement(
  'events.notify',
  (q: StatementBuilder<{ channel: string; payload: string }>) =>
    q.db.selectNoFrom(sql<null>`pg_notify(${q.p.channel}, ${q.p.payload})`.as('notified')),
  { dialects: ['postgres'] },
);
