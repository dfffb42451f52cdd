import pg from 'pg';
import { quoteIdentifier } from '../db/identifiers';
import type { Logger } from '../logger';
import { type EventBus, type EventFilter, LocalEventBus, type LoggedEvent } from './change-events';
import type { EventLog } from './event-log';

/** Longer channel names are truncated by LISTEN but rejected by pg_notify: the two would never meet. */
const MAX_CHANNEL_BYTES = 63;
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;
/** How often the listening connection is asked a `SELECT 1`, and how long it may take to answer. */
const DEFAULT_HEALTH_CHECK = { intervalMs: 30_000, timeoutMs: 10_000 };
/** How often the log is read without a wake-up: a NOTIFY lost with a connection delays events by this much at most. */
const DEFAULT_POLL_MS = 5_000;

const READ_FAILED = 'Could not read the event log; retrying at the next wake-up';
const LISTENER_LOST = 'Lost the change-event listener connection; reconnecting';
const LISTENER_SILENT = 'The change-event listener connection stopped answering; reconnecting';
const RECONNECT_FAILED = 'Could not reconnect the change-event listener; retrying';
const CLOSE_FAILED = 'Could not close a change-event connection cleanly';

export interface PostgresEventBusOptions {
  connectionString: string;
  /** One per database (schema): every process listening on it is woken by every commit of an event. */
  channel: string;
  /** The event log the bus reads committed events from. */
  log: EventLog;
  logger?: Logger;
  /** Names the listening connection in pg_stat_activity. */
  applicationName?: string;
  /**
   * The listening connection only receives, so a connection cut without a word (a NAT or
   * firewall dropping it, a failover) would go unnoticed for hours of TCP keepalive. It is
   * pinged instead, and replaced when a ping fails or times out.
   */
  healthCheck?: { intervalMs: number; timeoutMs: number };
  /** How often the log is read even without a wake-up. */
  pollMs?: number;
}

/**
 * The event bus across replicas of one database. The log is the truth: a write's transaction
 * appends its events and sends a NOTIFY, which PostgreSQL delivers on commit to every replica
 * listening, this one included. A NOTIFY only wakes the bus, which then reads the log after the
 * last id it delivered and hands what it finds to this process's subscribers, in id order. So a
 * notification lost while the listening connection reconnects loses nothing: the bus reads the
 * log again once it is back, and every few seconds in any case.
 */
export class PostgresEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private listener: pg.Client | null = null;
  private reconnecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private closing: Promise<void> | null = null;
  private readonly healthTimer: NodeJS.Timeout;
  private readonly pollTimer: NodeJS.Timeout;
  /** The listener a ping is waiting on, if any: never two pings at once on one connection. */
  private pinging: pg.Client | null = null;
  /** The newest event delivered to this process's subscribers. */
  private delivered: number;
  /** The read of the log under way, and whether another was asked for meanwhile. */
  private reading: Promise<void> | null = null;
  private readAgain = false;

  private constructor(
    private readonly options: Required<Omit<PostgresEventBusOptions, 'logger'>> & { logger?: Logger },
    startAt: number,
  ) {
    this.delivered = startAt;
    this.healthTimer = setInterval(() => void this.checkListener(), options.healthCheck.intervalMs);
    this.healthTimer.unref();
    this.pollTimer = setInterval(() => this.wake(), options.pollMs);
    this.pollTimer.unref();
  }

  /** Returns once this process is listening on the channel; events committed from then on reach its subscribers. */
  static async connect(options: PostgresEventBusOptions): Promise<PostgresEventBus> {
    const bytes = Buffer.byteLength(options.channel);
    if (bytes === 0 || bytes > MAX_CHANNEL_BYTES)
      throw new Error(`The event channel must be 1 to ${MAX_CHANNEL_BYTES} bytes long.`);
    const settings = {
      applicationName: 'factline-events',
      healthCheck: DEFAULT_HEALTH_CHECK,
      pollMs: DEFAULT_POLL_MS,
      ...options,
    };
    const { newest } = await options.log.bounds();
    const bus = new PostgresEventBus(settings, newest);
    try {
      await bus.listen();
    } catch (error) {
      clearInterval(bus.healthTimer);
      clearInterval(bus.pollTimer);
      throw error;
    }
    return bus;
  }

  /** This process's own commits: the NOTIFY they sent wakes the bus too, but reading now saves its round trip. */
  publish(events: readonly LoggedEvent[]): void {
    if (events.length > 0) this.wake();
  }

  subscribe(filter: EventFilter): AsyncIterableIterator<LoggedEvent> {
    return this.local.subscribe(filter);
  }

  /** Reads the log after the last event delivered, until it has nothing newer; one read at a time. */
  wake(): void {
    if (this.closing) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readLog().finally(() => {
      this.reading = null;
      if (this.readAgain) {
        this.readAgain = false;
        this.wake();
      }
    });
  }

  private async readLog(): Promise<void> {
    try {
      for (;;) {
        const events = await this.options.log.after(this.delivered);
        if (events.length === 0 || this.closing) return;
        this.delivered = events[events.length - 1].eventId;
        this.local.publish(events);
      }
    } catch (error) {
      this.warn(READ_FAILED, error);
    }
  }

  get subscriberCount(): number {
    return this.local.subscriberCount;
  }

  /** Ends every subscription, then both connections; resolves when they are closed. Never rejects. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.local.close();
    clearInterval(this.healthTimer);
    clearInterval(this.pollTimer);
    await this.reading;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.reconnecting;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch((error: unknown) => this.warn(CLOSE_FAILED, error));
  }

  private async listen(): Promise<void> {
    // keepAlive: a connection left half-open by a network failure shows up as an error, not silence.
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
      keepAlive: true,
    });
    // Errors while connecting reject below; later ones mean the connection is gone.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(this.options.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closing) await client.end().catch(() => undefined);
    else {
      this.listener = client;
      // What committed while no connection listened.
      this.wake();
    }
  }

  /**
   * Pings the listening connection; one that fails or does not answer in time is treated as
   * lost. (Ending a client with a query in flight destroys its socket: nothing is left open.)
   */
  private async checkListener(): Promise<void> {
    const client = this.listener;
    if (!client || this.pinging === client) return;
    this.pinging = client;
    const timer = setTimeout(() => this.lost(client, undefined, LISTENER_SILENT), this.options.healthCheck.timeoutMs);
    timer.unref();
    try {
      await client.query('SELECT 1');
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timer);
      if (this.pinging === client) this.pinging = null;
    }
  }

  private lost(client: pg.Client, error?: unknown, message = LISTENER_LOST): void {
    if (client !== this.listener) return;
    this.listener = null;
    client.end().catch(() => undefined);
    this.warn(message, error);
    this.retryMs = FIRST_RETRY_MS;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.reconnecting = this.listen().then(
        () => {
          this.reconnecting = null;
        },
        (error: unknown) => {
          this.reconnecting = null;
          this.warn(RECONNECT_FAILED, error);
          this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
  }

  /** The error's code only: its message can hold SQL or the connection string. */
  private warn(message: string, error?: unknown): void {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    this.options.logger?.warn(message, { channel: this.options.channel, ...(code ? { code } : {}) });
  }
}
