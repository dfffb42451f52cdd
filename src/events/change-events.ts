/**
 * What committed writes announce to live subscribers. Events carry ids only: each subscriber
 * re-reads the row through its own loaders, so what it receives is exactly what its viewer
 * may see, as of the moment it reads (README, "Live updates").
 */
export type ChangeEvent =
  | { type: 'annotationPublished'; articleId: number; annotationId: number }
  | { type: 'claimVerdictChanged'; articleId: number; claimId: number };

export type ChangeEventType = ChangeEvent['type'];

/**
 * Where committed events go and where subscribers read them. On SQLite one process holds the
 * database, so the bus is in-process (LocalEventBus); replicas over one PostgreSQL database
 * share theirs through LISTEN/NOTIFY (PostgresEventBus), behind this same interface.
 */
export interface EventBus {
  /** Delivers to every current subscriber of the event's type and article. Never throws. */
  publish(events: readonly ChangeEvent[]): void;
  /** The events of `type` on `articleId` from now on, until `return()` is called or the bus closes. */
  subscribe<T extends ChangeEventType>(
    type: T,
    articleId: number,
  ): AsyncIterableIterator<Extract<ChangeEvent, { type: T }>>;
  /** Live subscriptions (a gauge for /metrics, and for tests that check nothing leaks). */
  readonly subscriberCount: number;
  /** Ends every subscription (their iterators finish) and refuses new ones. */
  close(): void;
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

/** Fan-out within this process, keyed by event type and article. */
export class LocalEventBus implements EventBus {
  private readonly subscribers = new Map<string, Set<PushIterator<ChangeEvent>>>();
  private closed = false;

  publish(events: readonly ChangeEvent[]): void {
    for (const event of events) {
      const listeners = this.subscribers.get(key(event.type, event.articleId));
      // A copy: a subscriber cut off while delivering leaves the set.
      if (listeners) for (const subscriber of [...listeners]) subscriber.push(event);
    }
  }

  subscribe<T extends ChangeEventType>(
    type: T,
    articleId: number,
  ): AsyncIterableIterator<Extract<ChangeEvent, { type: T }>> {
    const topic = key(type, articleId);
    const listeners = this.subscribers.get(topic) ?? new Set();
    this.subscribers.set(topic, listeners);
    const iterator: PushIterator<ChangeEvent> = new PushIterator(() => {
      listeners.delete(iterator);
      if (listeners.size === 0 && this.subscribers.get(topic) === listeners) this.subscribers.delete(topic);
    });
    listeners.add(iterator);
    if (this.closed) iterator.finish();
    // Only events of this type and article reach it (the topic key says so).
    return iterator as AsyncIterableIterator<ChangeEvent> as AsyncIterableIterator<Extract<ChangeEvent, { type: T }>>;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const listeners of this.subscribers.values()) count += listeners.size;
    return count;
  }

  close(): void {
    this.closed = true;
    for (const listeners of [...this.subscribers.values()])
      for (const subscriber of [...listeners]) subscriber.finish();
  }
}

function key(type: ChangeEventType, articleId: number): string {
  return `${type}:${articleId}`;
}
