import type { DataSource, EntityManager } from 'typeorm';
import type { ChangeEvent, EventBus, LoggedEvent } from '../events/change-events';
import { appendToLog } from '../events/event-log';

/** Where mutations run their transactions: SQLite's queue, or PostgreSQL's pool (postgres.ts). */
export interface Writes {
  /**
   * Runs `work` in its own transaction. Events `work` adds to `outbox` are appended to the event
   * log by the same transaction, and reach subscribers once it has committed, never if it rolls back.
   */
  run<T>(work: (manager: EntityManager, outbox: ChangeEvent[]) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Writes queued or running: a shutdown waits for this to reach zero. */
  readonly depth: number;
  /** Resolves once every write started so far has finished. */
  drain(): Promise<void>;
}

export interface WriteOptions {
  /**
   * `work` cannot run twice (it reads a one-shot stream, or reports as it goes): on PostgreSQL
   * a transaction that loses a race then fails instead of running again. SQLite never retries.
   */
  once?: boolean;
}

/**
 * Serialises write transactions on the SQLite write connection.
 *
 * TypeORM keeps ONE query runner for better-sqlite3, and a second startTransaction on it
 * becomes a SAVEPOINT inside the first (typeorm#8668): two concurrent mutations would
 * interleave in one transaction and a rollback of one could undo the other. Running every
 * write transaction through this FIFO queue gives each its own real transaction.
 */
export class WriteQueue implements Writes {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  /**
   * Runs `work` in its own transaction once every earlier write has finished. Events `work`
   * adds to `outbox` are appended to the log in that transaction and published once it has
   * committed, never if it rolls back: a subscriber hears of nothing that did not happen.
   */
  run<T>(work: (manager: EntityManager, outbox: ChangeEvent[]) => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(async () => {
      const outbox: ChangeEvent[] = [];
      let logged: readonly LoggedEvent[] = [];
      const value = await this.dataSource.transaction(async (manager) => {
        const result = await work(manager, outbox);
        if (outbox.length > 0) logged = await appendToLog(manager, outbox, '');
        return result;
      });
      if (logged.length > 0) this.events.publish(logged);
      return value;
    });
    this.tail = result.then(
      () => this.settle(),
      () => this.settle(),
    );
    return result;
  }

  /** Writes queued or running: a shutdown waits for this to reach zero. */
  get depth(): number {
    return this.pending;
  }

  /** Resolves once every write queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }

  private settle(): void {
    this.pending -= 1;
  }
}
