import { statement, statementVariants, type StatementBuilder, sql } from '../db/statements';
import type { SqlTimestamp } from '../db/sql-dates';

/** The statements of the event log and the change-event bus. */

/** An event row as read back: `details` is its JSON text, `is_public` 1 or 0. */
export interface EventRow {
  id: number;
  type: string;
  article_id: number | null;
  claim_id: number | null;
  annotation_id: number | null;
  appearance_id: number | null;
  details: string;
  is_public: number;
  occurred_at: SqlTimestamp;
}

const eventColumns = () =>
  sql.raw('id, type, article_id, claim_id, annotation_id, appearance_id, details, is_public, occurred_at');

/**
 * Whether anonymous readers may see what an event row `e` is about, decided in the write's own
 * transaction after its change: its article published; its claim (if any) live on a published
 * article; its fact-check (if any) published or retracted. A withdrawal notice (`notice`) is
 * public although its article no longer is; a staff event (`staff`: the review workflow's) never is.
 */
const isPublic = () => sql<number>`CASE WHEN e.staff THEN 0 WHEN e.notice THEN 1
  WHEN EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id AND a.status = 'PUBLISHED')
   AND (e.claim_id IS NULL OR EXISTS (SELECT 1 FROM claims c JOIN articles ca ON ca.id = c.article_id
     WHERE c.id = e.claim_id AND c.deleted_at IS NULL AND ca.status = 'PUBLISHED'))
   AND (e.annotation_id IS NULL OR EXISTS (SELECT 1 FROM annotations n
     WHERE n.id = e.annotation_id AND n.status IN ('PUBLISHED', 'RETRACTED')))
  THEN 1 ELSE 0 END`;

/**
 * Appends a write's events (`events`: a JSON array of {type, articleId, claimId, annotationId,
 * appearanceId, details, notice, staff}) in one statement, in the array's order, returning the rows.
 *
 * On PostgreSQL it first takes a transaction lock, held until the write commits, so ids are
 * given in commit order: a reader that has seen id N never later finds a committed N-1 it missed.
 * It also wakes every replica's bus (NOTIFY, delivered on commit; identical payloads fold).
 */
export const appendEvents = statement(
  'events.append',
  (q: StatementBuilder<{ events: string; occurredAt: string; channel: string }>) => {
    if (q.dialect === 'sqlite')
      return sql<EventRow>`INSERT INTO events (type, article_id, claim_id, annotation_id, appearance_id, details, is_public, occurred_at)
SELECT e.type, e.article_id, e.claim_id, e.annotation_id, e.appearance_id, e.details, ${isPublic()}, ${q.p.occurredAt}
FROM (SELECT key AS ord, json_extract(value, '$.type') AS type, json_extract(value, '$.articleId') AS article_id,
  json_extract(value, '$.claimId') AS claim_id, json_extract(value, '$.annotationId') AS annotation_id,
  json_extract(value, '$.appearanceId') AS appearance_id, json_extract(value, '$.details') AS details,
  json_extract(value, '$.notice') AS notice, json_extract(value, '$.staff') AS staff FROM json_each(${q.p.events})) e
ORDER BY e.ord
RETURNING ${eventColumns()}`;
    return sql<EventRow>`WITH append_lock AS (SELECT pg_advisory_xact_lock(hashtext(${q.p.channel})) AS locked),
e AS (SELECT r.ord, r.type, r."articleId" AS article_id, r."claimId" AS claim_id, r."annotationId" AS annotation_id,
  r."appearanceId" AS appearance_id, r.details, COALESCE(r.notice, false) AS notice, COALESCE(r.staff, false) AS staff
  FROM jsonb_to_recordset(CAST(${q.p.events} AS jsonb)) AS r(ord integer, type text, "articleId" integer,
  "claimId" integer, "annotationId" integer, "appearanceId" integer, details jsonb, notice boolean, staff boolean)),
inserted AS (INSERT INTO events (type, article_id, claim_id, annotation_id, appearance_id, details, is_public, occurred_at)
  SELECT e.type, e.article_id, e.claim_id, e.annotation_id, e.appearance_id, e.details::text, ${isPublic()}, CAST(${q.p.occurredAt} AS timestamp)
  FROM append_lock CROSS JOIN e ORDER BY e.ord
  RETURNING ${eventColumns()})
SELECT inserted.*, pg_notify(${q.p.channel}, '') AS woken FROM inserted`;
  },
);

/** The events after an id, oldest first: all of them, or those announced on one article. */
export const eventsAfter = statementVariants(
  'events.after',
  ['all', 'article'] as const,
  (q: StatementBuilder<{ after: number; limit: number; articleId: number }>, scope) =>
    sql<EventRow>`SELECT ${eventColumns()} FROM events WHERE id > ${q.p.after}${
      scope === 'article' ? sql` AND article_id = ${q.p.articleId}` : sql``
    } ORDER BY id LIMIT ${q.p.limit}`,
);

/** The newest id given so far (kept through pruning), and the id through which the log was pruned. */
export const logBounds = statement(
  'events.bounds',
  () =>
    sql<{
      newest: number;
      pruned_through: number;
    }>`SELECT COALESCE((SELECT max(id) FROM events), r.pruned_through) AS newest, r.pruned_through FROM event_retention r WHERE r.id = 1`,
);

/** The newest id among events that occurred before `cutoff`: the log is pruned through it. */
export const pruneThrough = statement('events.prune-through', (q: StatementBuilder<{ cutoff: SqlTimestamp }>) =>
  q.db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('through'))
    .where('occurred_at', '<', q.p.cutoff),
);

export const deleteEventsThrough = statement('events.delete-through', (q: StatementBuilder<{ through: number }>) =>
  q.db.deleteFrom('events').where('id', '<=', q.p.through),
);

export const recordPruned = statement(
  'events.record-pruned',
  (q: StatementBuilder<{ through: number; prunedAt: string }>) =>
    q.db
      .updateTable('event_retention')
      .set({ pruned_through: q.p.through, pruned_at: q.p.prunedAt })
      .where('id', '=', 1)
      .where('pruned_through', '<', q.p.through),
);
