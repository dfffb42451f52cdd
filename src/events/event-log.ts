import type { EntityManager } from 'typeorm';
import { badUserInput } from '../domain/errors';
import { dialectOf, execute } from '../db/sql';
import { isoFromSqlTimestamp, type SqlTimestamp, toSqlDate } from '../db/sql-dates';
import type { SqlReader } from '../db/sql-reader';
import {
  type ChangeEvent,
  type ChangeEventType,
  CHANGE_EVENT_TYPES,
  type EventBus,
  type EventFilter,
  type LoggedEvent,
} from './change-events';
import {
  appendEvents,
  deleteEventsThrough,
  type EventRow,
  eventsAfter,
  logBounds,
  pruneThrough,
  recordPruned,
} from './events.queries';

/** How many events one read of the log returns: a subscriber far behind reads it in pages. */
export const LOG_PAGE = 500;

const KNOWN_TYPES: ReadonlySet<string> = new Set(CHANGE_EVENT_TYPES);

/**
 * Appends a write's events to the log, inside its transaction: one statement, whatever their
 * number. `channel` is the PostgreSQL channel whose listeners the commit wakes (and the key of
 * the lock that orders appends); SQLite ignores it.
 */
export async function appendToLog(
  manager: EntityManager,
  events: readonly ChangeEvent[],
  channel: string,
): Promise<LoggedEvent[]> {
  const payload = events.map((event, ord) => ({
    ord,
    type: event.type,
    articleId: event.articleId,
    claimId: event.claimId ?? null,
    annotationId: event.annotationId ?? null,
    appearanceId: event.appearanceId ?? null,
    details: event.details ?? {},
    notice: event.notice ?? false,
    staff: event.staffOnly ?? false,
  }));
  const dialect = dialectOf(manager);
  const now = new Date();
  const rows = await execute(manager, appendEvents, {
    events: JSON.stringify(payload),
    occurredAt: dialect === 'sqlite' ? toSqlDate(now) : now.toISOString(),
    channel,
  });
  return rows.map(toLoggedEvent).sort((a, b) => a.eventId - b.eventId);
}

export function toLoggedEvent(row: EventRow): LoggedEvent {
  const type = KNOWN_TYPES.has(row.type) ? (row.type as ChangeEventType) : null;
  if (!type) throw new Error(`Unknown event type in the log: ${row.type}`);
  return {
    eventId: Number(row.id),
    type,
    articleId: row.article_id === null ? null : Number(row.article_id),
    claimId: row.claim_id === null ? null : Number(row.claim_id),
    annotationId: row.annotation_id === null ? null : Number(row.annotation_id),
    appearanceId: row.appearance_id === null ? null : Number(row.appearance_id),
    details: JSON.parse(row.details) as LoggedEvent['details'],
    isPublic: Number(row.is_public) === 1,
    occurredAt: isoFromSqlTimestamp(String(row.occurred_at)) ?? new Date(row.occurred_at).toISOString(),
  };
}

/** The oldest and newest ids a reader may resume from. */
export interface LogBounds {
  /** Events after this id have been pruned up to it: resuming from an older id misses some. */
  prunedThrough: number;
  /** The newest id given (0 before any). */
  newest: number;
}

/** Reading the log: what subscribers resume from, webhooks deliver from and the pruner trims. */
export class EventLog {
  constructor(private readonly reader: SqlReader) {}

  /** Events after `after`, oldest first, at most `limit`; on one article when `articleId` is given. */
  async after(after: number, limit = LOG_PAGE, articleId: number | null = null): Promise<LoggedEvent[]> {
    const rows = await this.reader.rows(articleId === null ? eventsAfter.all : eventsAfter.article, {
      after,
      limit,
      articleId: articleId ?? 0,
    });
    return rows.map(toLoggedEvent);
  }

  async bounds(): Promise<LogBounds> {
    const row = await this.reader.row(logBounds, {});
    return { prunedThrough: Number(row?.pruned_through ?? 0), newest: Number(row?.newest ?? 0) };
  }

  /**
   * Refuses to resume from an id older than what the log keeps (events in between are gone) or
   * newer than any it gave: the subscriber must resync, reading the current state first.
   */
  async checkResumable(after: number, field: string): Promise<void> {
    const { prunedThrough, newest } = await this.bounds();
    if (after < prunedThrough)
      throw badUserInput(
        `Events after ${after} are no longer kept: resync (read the current state), then subscribe again without \`${field}\`.`,
        field,
        { resync: true, oldestEventId: String(prunedThrough + 1) },
      );
    if (after > newest)
      throw badUserInput(`No event ${after} has happened yet: pass the eventId of an event you received.`, field, {
        resync: true,
      });
  }
}

/** Deletes the events that occurred before `cutoff`, recording through which id; returns that id (null: none). */
export async function pruneLog(manager: EntityManager, cutoff: Date): Promise<number | null> {
  const dialect = dialectOf(manager);
  const at = (date: Date) => (dialect === 'sqlite' ? toSqlDate(date) : date.toISOString());
  const [row] = await execute(manager, pruneThrough, { cutoff: at(cutoff) as SqlTimestamp });
  if (row?.through == null) return null;
  const through = Number(row.through);
  await execute(manager, deleteEventsThrough, { through });
  await execute(manager, recordPruned, { through, prunedAt: at(new Date()) });
  return through;
}

/**
 * The events matching `filter` after `after` (from the log, in pages), then live ones as they
 * commit, each once and in id order: the live subscription starts before the log is read, and
 * live events the log already gave are skipped. With `after` null, live events only.
 */
export function resumeEvents(
  bus: EventBus,
  log: EventLog,
  filter: EventFilter,
  after: number | null,
): AsyncIterableIterator<LoggedEvent> {
  const live = bus.subscribe(filter);
  const wanted = new Set<string>(filter.types);
  let lastId = after ?? -1;
  let backlog: LoggedEvent[] = [];
  let replaying = after !== null;
  const iterator: AsyncIterableIterator<LoggedEvent> = {
    async next(): Promise<IteratorResult<LoggedEvent>> {
      while (replaying) {
        if (backlog.length === 0) {
          const page = await log.after(lastId, LOG_PAGE, filter.articleId);
          if (page.length === 0) {
            replaying = false;
            break;
          }
          lastId = page[page.length - 1].eventId;
          backlog = page.filter((event) => wanted.has(event.type));
          continue;
        }
        return { value: backlog.shift()!, done: false };
      }
      for (;;) {
        const next = await live.next();
        if (next.done) return next;
        if (next.value.eventId > lastId) {
          lastId = next.value.eventId;
          return next;
        }
      }
    },
    async return(): Promise<IteratorResult<LoggedEvent>> {
      replaying = false;
      backlog = [];
      await live.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
