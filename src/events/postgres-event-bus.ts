import pg from 'pg';
import { quoteIdentifier } from '../db/identifiers';
import type { Logger } from '../logger';
import { type ChangeEvent, type ChangeEventType, type EventBus, LocalEventBus } from './change-events';
import { notify } from './events.queries';

/** PostgreSQL rejects a NOTIFY payload of 8000 bytes or more (BLCKSZ - NAMEDATALEN - 128). */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7_999;
/** Longer channel names are truncated by LISTEN but rejected by pg_notify: the two would never meet. */
const MAX_CHANNEL_BYTES = 63;
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;
/** How often the listening connection is asked a `SELECT 1`, and how long it may take to answer. */
const DEFAULT_HEALTH_CHECK = { intervalMs: 30_000, timeoutMs: 10_000 };

const MALFORMED_PAYLOAD = 'Ignored a malformed change notification';
const NOTIFY_FAILED = 'Could not send change events; live subscribers miss them';
const LISTENER_LOST = 'Lost the change-event listener connection; reconnecting';
const LISTENER_SILENT = 'The change-event listener connection stopped answering; reconnecting';
const RECONNECT_FAILED = 'Could not reconnect the change-event listener; retrying';
const SENDER_LOST = 'Lost an idle change-event sending connection; the next send opens another';
const CLOSE_FAILED = 'Could not close a change-event connection cleanly';

/** The compiled NOTIFY statement (events.queries.ts) with its values: run by a transaction or by the bus's own pool. */
export interface NotifyStatement {
  sql: string;
  params: unknown[];
}

export interface PostgresEventBusOptions {
  connectionString: string;
  /** One per database (schema): every process listening on it hears every event sent on it. */
  channel: string;
  logger?: Logger;
  /** Names both connections in pg_stat_activity. */
  applicationName?: string;
  /**
   * The listening connection only receives, so a connection cut without a word (a NAT or
   * firewall dropping it, a failover) would go unnoticed for hours of TCP keepalive while
   * subscribers hear nothing. It is pinged instead, and replaced when a ping fails or times out.
   */
  healthCheck?: { intervalMs: number; timeoutMs: number };
}

/**
 * The statements that announce `events` on `channel`, each payload under PostgreSQL's limit.
 * Run them inside the write's transaction: PostgreSQL delivers a NOTIFY only when its
 * transaction commits, so an event is heard if and only if its write committed. (Within one
 * transaction PostgreSQL also folds identical payloads into one; events carry ids only, so a
 * repeat tells a subscriber nothing new.)
 */
export function notifyStatements(channel: string, events: readonly ChangeEvent[]): NotifyStatement[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let bytes = 2; // the brackets
  for (const event of events) {
    const json = JSON.stringify(event);
    const size = Buffer.byteLength(json);
    // 1 for the comma before it.
    if (batch.length > 0 && bytes + 1 + size > MAX_NOTIFY_PAYLOAD_BYTES) {
      payloads.push(`[${batch.join(',')}]`);
      batch = [];
      bytes = 2;
    }
    bytes += size + (batch.length > 0 ? 1 : 0);
    batch.push(json);
  }
  if (batch.length > 0) payloads.push(`[${batch.join(',')}]`);
  const { sql } = notify.compiled('postgres');
  return payloads.map((payload) => ({ sql, params: notify.bind('postgres', { channel, payload }) }));
}

/**
 * The event bus across replicas of one database, over LISTEN/NOTIFY. A published event
 * reaches this process's subscribers the same way it reaches the other replicas' (through the
 * notification), so each subscriber hears it exactly once.
 *
 * Live updates are best effort: while the listening connection is down (until it reconnects,
 * with backoff) notifications are not queued for it, and the events sent then are lost.
 */
export class PostgresEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private listener: pg.Client | null = null;
  private reconnecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private closing: Promise<void> | null = null;
  private readonly healthTimer: NodeJS.Timeout;
  /** The listener a ping is waiting on, if any: never two pings at once on one connection. */
  private pinging: pg.Client | null = null;

  private constructor(
    private readonly options: Required<Omit<PostgresEventBusOptions, 'logger'>> & { logger?: Logger },
    private readonly pool: pg.Pool,
  ) {
    this.healthTimer = setInterval(() => void this.checkListener(), options.healthCheck.intervalMs);
    this.healthTimer.unref();
  }

  /** Returns once this process is listening on the channel. */
  static async connect(options: PostgresEventBusOptions): Promise<PostgresEventBus> {
    const bytes = Buffer.byteLength(options.channel);
    if (bytes === 0 || bytes > MAX_CHANNEL_BYTES)
      throw new Error(`The event channel must be 1 to ${MAX_CHANNEL_BYTES} bytes long.`);
    const settings = { applicationName: 'factline-events', healthCheck: DEFAULT_HEALTH_CHECK, ...options };
    // One connection: sends then go out (and are heard) in the order they were published.
    const pool = new pg.Pool({
      connectionString: settings.connectionString,
      application_name: settings.applicationName,
      max: 1,
    });
    const bus = new PostgresEventBus(settings, pool);
    pool.on('error', (error) => bus.warn(SENDER_LOST, error));
    try {
      await bus.listen();
    } catch (error) {
      clearInterval(bus.healthTimer);
      await pool.end();
      throw error;
    }
    return bus;
  }

  publish(events: readonly ChangeEvent[]): void {
    if (this.closing) return;
    for (const { sql, params } of notifyStatements(this.options.channel, events)) {
      this.pool.query(sql, params).catch((error: unknown) => this.warn(NOTIFY_FAILED, error));
    }
  }

  subscribe<T extends ChangeEventType>(
    type: T,
    articleId: number,
  ): AsyncIterableIterator<Extract<ChangeEvent, { type: T }>> {
    return this.local.subscribe(type, articleId);
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.reconnecting;
    const listener = this.listener;
    this.listener = null;
    await Promise.all(
      [listener?.end(), this.pool.end()].map((ending) =>
        Promise.resolve(ending).catch((error: unknown) => this.warn(CLOSE_FAILED, error)),
      ),
    );
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
    client.on('notification', (message) => this.receive(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(this.options.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closing) await client.end().catch(() => undefined);
    else this.listener = client;
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

  private receive(payload: string | undefined): void {
    const events = parsePayload(payload);
    if (events) this.local.publish(events);
    else
      this.options.logger?.warn(MALFORMED_PAYLOAD, {
        channel: this.options.channel,
        bytes: Buffer.byteLength(payload ?? ''),
      });
  }

  /** The error's code only: its message can hold SQL or the connection string. */
  private warn(message: string, error?: unknown): void {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    this.options.logger?.warn(message, { channel: this.options.channel, ...(code ? { code } : {}) });
  }
}

/** The events of a notification, or null when any of it is not a change event (another writer's, or garbage). */
function parsePayload(payload: string | undefined): ChangeEvent[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const events: ChangeEvent[] = [];
  for (const item of parsed as unknown[]) {
    const event = parseEvent(item);
    if (!event) return null;
    events.push(event);
  }
  return events;
}

function parseEvent(item: unknown): ChangeEvent | null {
  if (typeof item !== 'object' || item === null) return null;
  const { type, articleId, annotationId, claimId } = item as Record<string, unknown>;
  if (!isId(articleId)) return null;
  if (type === 'annotationPublished' && isId(annotationId)) return { type, articleId, annotationId };
  if (type === 'claimVerdictChanged' && isId(claimId)) return { type, articleId, claimId };
  return null;
}

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value);
}
