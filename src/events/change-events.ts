/** The changes others may want to hear of, as the event log names them. */
export const CHANGE_EVENT_TYPES = [
  'annotationPublished',
  'annotationCorrected',
  'annotationRetracted',
  'claimVerdictChanged',
  'articlePublished',
  'articleCorrected',
  'articleWithdrawn',
  'appearanceAdded',
  'annotationSubmitted',
  'annotationReturned',
] as const;

export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/**
 * The review workflow's own events (a fact-check submitted, or sent back to its author): staff
 * business, never public whatever their subjects' state (`staffOnly`), so they never reach
 * anonymous subscribers or webhooks; a signed-in subscriber hears one only as an editor or as
 * the fact-check's author (live.resolver.ts).
 */
export type StaffEventType = 'annotationSubmitted' | 'annotationReturned';
export const STAFF_EVENT_TYPES: ReadonlySet<ChangeEventType> = new Set<StaffEventType>([
  'annotationSubmitted',
  'annotationReturned',
]);

/** Facts of a change beyond the ids of what changed: verdicts, notes, kinds. */
export type EventDetails = Readonly<Record<string, string | number | boolean | null>>;

/**
 * What a write announces, put in its outbox: the change's type, the ids of what it is about, and
 * its facts. The write's transaction appends it to the event log (src/events/event-log.ts); it
 * reaches subscribers and webhooks from there, once committed. Subscribers re-read the rows
 * through their own loaders, so each receives exactly what its viewer may see.
 */
export interface ChangeEvent {
  readonly type: ChangeEventType;
  /** The article it happened on: a claim's change is announced on each article it appears in. */
  readonly articleId: number | null;
  readonly claimId?: number | null;
  readonly annotationId?: number | null;
  /** An ArticleAppearance (a place row of `claims`) or an OutsideAppearance, as `details.appearance` says. */
  readonly appearanceId?: number | null;
  readonly details?: EventDetails;
  /** Public although its article no longer is: the notice a withdrawal leaves. */
  readonly notice?: boolean;
  /** Never public, whatever the state of what it is about (STAFF_EVENT_TYPES). */
  readonly staffOnly?: boolean;
}

/** An event as the log holds it: committed, numbered in commit order. */
export interface LoggedEvent {
  readonly eventId: number;
  readonly type: ChangeEventType;
  readonly articleId: number | null;
  readonly claimId: number | null;
  readonly annotationId: number | null;
  readonly appearanceId: number | null;
  readonly details: EventDetails;
  /** Anonymous readers could see what it is about when it committed. */
  readonly isPublic: boolean;
  /** ISO 8601. */
  readonly occurredAt: string;
}

/** Which events a subscriber wants: these types, on one article or (null) on any. */
export interface EventFilter {
  readonly types: readonly ChangeEventType[];
  readonly articleId: number | null;
}

/**
 * Where committed events go and where subscribers hear them live. On SQLite one process holds
 * the database, so the bus is in-process (LocalEventBus) and the write queue hands it each
 * commit's events; replicas over one PostgreSQL database each read the log when a NOTIFY wakes
 * them (PostgresEventBus), behind this same interface. Resuming from an earlier event is the
 * log's (resumeEvents in event-log.ts).
 */
export interface EventBus {
  /** Events just committed: delivers them to every current subscriber they match. Never throws. */
  publish(events: readonly LoggedEvent[]): void;
  /** The matching events from now on, until `return()` is called or the bus closes. */
  subscribe(filter: EventFilter): AsyncIterableIterator<LoggedEvent>;
  /** Live subscriptions (a gauge for /metrics, and for tests that check nothing leaks). */
  readonly subscriberCount: number;
  /** Ends every subscription (their iterators finish) and refuses new ones. */
  close(): void | Promise<void>;
}

/** Events a subscriber has not read yet, at most: a subscriber further behind is cut off. */
export const MAX_PENDING_EVENTS = 1_000;

export class SubscriberTooSlowError extends Error {
  constructor() {
    super(`The subscriber fell more than ${MAX_PENDING_EVENTS} events behind and was disconnected.`);
    this.name = 'SubscriberTooSlowError';
  }
}

/**
 * Iterator over pushed values. Hand-written rather than an async generator: a generator
 * waiting in `await` ignores `return()` until its next value arrives, so a subscriber that
 * leaves a quiet article would keep its listener forever.
 */
class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private done = false;
  private failure: Error | null = null;

  constructor(private readonly onEnd: () => void) {}

  push(value: T): void {
    if (this.done) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value, done: false });
    else if (this.queue.length >= MAX_PENDING_EVENTS) this.fail(new SubscriberTooSlowError());
    else this.queue.push(value);
  }

  /** Ends the stream once what is queued has been read. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    this.onEnd();
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  private fail(error: Error): void {
    this.queue.length = 0;
    this.failure = error;
    this.finish();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/** Fan-out within this process, keyed by event type and article (or every article). */
export class LocalEventBus implements EventBus {
  private readonly subscribers = new Map<string, Set<PushIterator<LoggedEvent>>>();
  private count = 0;
  private closed = false;

  publish(events: readonly LoggedEvent[]): void {
    for (const event of events) {
      const topics =
        event.articleId === null ? [key(event.type, null)] : [key(event.type, event.articleId), key(event.type, null)];
      for (const topic of topics) {
        const listeners = this.subscribers.get(topic);
        // A copy: a subscriber cut off while delivering leaves the set.
        if (listeners) for (const subscriber of [...listeners]) subscriber.push(event);
      }
    }
  }

  subscribe(filter: EventFilter): AsyncIterableIterator<LoggedEvent> {
    const topics = [...new Set(filter.types)].map((type) => key(type, filter.articleId));
    const iterator: PushIterator<LoggedEvent> = new PushIterator(() => {
      this.count -= 1;
      for (const topic of topics) {
        const listeners = this.subscribers.get(topic);
        listeners?.delete(iterator);
        if (listeners?.size === 0) this.subscribers.delete(topic);
      }
    });
    this.count += 1;
    for (const topic of topics) {
      const listeners = this.subscribers.get(topic) ?? new Set();
      this.subscribers.set(topic, listeners);
      listeners.add(iterator);
    }
    if (this.closed) iterator.finish();
    return iterator;
  }

  get subscriberCount(): number {
    return this.count;
  }

  close(): void {
    this.closed = true;
    const all = new Set<PushIterator<LoggedEvent>>();
    for (const listeners of this.subscribers.values()) for (const subscriber of listeners) all.add(subscriber);
    for (const subscriber of all) subscriber.finish();
  }
}

function key(type: ChangeEventType, articleId: number | null): string {
  return `${type}:${articleId ?? '*'}`;
}
