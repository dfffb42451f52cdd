import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../db/database';
import { execute } from '../db/sql';
import { fromSqlDate, type SqlTimestamp, toSqlDate } from '../db/sql-dates';
import { CHANGE_EVENT_TYPES, type LoggedEvent } from '../events/change-events';
import type { Logger } from '../logger';
import {
  claimLease,
  deleteRedelivery,
  dueEndpoints,
  insertAttempt,
  recordProgress,
  redeliveriesOf,
  releaseLease,
  renewLease,
} from '../modules/webhook/webhook.queries';
import { createLoaders } from '../app/services';
import { ANONYMOUS } from '../modules/auth/viewer';
import { WebhookEndpointStatus } from '../modules/webhook/webhook.service';
import { type DeliveryResult, postWebhook } from './deliver';
import { webhookBody, webhookId } from './payload';

export interface RetryPolicy {
  /** The wait after the first failure; each further failure doubles it, up to `maxMs`, with ±25% jitter. */
  firstMs: number;
  maxMs: number;
  /** Failing this long (since the first failure of a run) marks the endpoint FAILING. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstMs: 5_000, maxMs: 60 * 60_000, giveUpAfterMs: 24 * 60 * 60_000 };

export interface DispatcherOptions {
  /** Base of the links in deliveries (PUBLIC_URL). */
  publicUrl: string;
  /** Lets deliveries reach private and loopback addresses (WEBHOOK_ALLOW_PRIVATE: tests and development). */
  allowPrivate: boolean;
  logger?: Logger;
  /** This process among the replicas: the lease holder's name. */
  owner?: string;
  /** How often the dispatcher looks for work without a commit waking it. */
  pollMs?: number;
  /** How long a lease holds without progress: a crashed holder's endpoint is taken over after it. */
  leaseMs?: number;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Endpoints delivered to at once by this process. */
  concurrency?: number;
  /** Events read from the log at a time. */
  batch?: number;
}

/**
 * Delivers the event log to the webhook endpoints, at least once and in event order per
 * endpoint, from the log (so a delivery survives any crash: what was not recorded as delivered
 * is delivered again).
 *
 * Each endpoint is served by one process at a time, whichever holds its lease in the database
 * (`webhook_endpoints.lease_*`, extended with every step); a lease left by a process that died
 * expires and another takes the endpoint over, from the event after the last one recorded.
 * Endpoints are served concurrently, each on its own, and deliveries run outside any
 * transaction: a slow or dead endpoint delays neither mutations nor other endpoints. A failed
 * delivery is retried with exponential back-off and jitter; an endpoint failing for a day is
 * marked FAILING and left until an ADMIN re-enables or replays it.
 */
export class WebhookDispatcher {
  private readonly options: Required<Omit<DispatcherOptions, 'logger'>> & { logger?: Logger };
  private readonly serving = new Map<number, Promise<void>>();
  /** Endpoints whose last run failed unexpectedly, and until when they are left alone (no tight loop on a bug). */
  private readonly resting = new Map<number, number>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private commits: AsyncIterableIterator<LoggedEvent> | null = null;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    options: DispatcherOptions,
  ) {
    this.options = {
      owner: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      pollMs: 1_000,
      leaseMs: 30_000,
      timeoutMs: 10_000,
      retry: DEFAULT_RETRY,
      concurrency: 8,
      batch: 100,
      ...options,
    };
  }

  /** Starts delivering: now, on every commit of an event, and every `pollMs`. */
  start(): this {
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.commits = this.db.events.subscribe({ types: [...CHANGE_EVENT_TYPES], articleId: null });
    void (async () => {
      try {
        for await (const _event of this.commits!) this.wake();
      } catch {
        // A bus that cut this listener off (too far behind) is no loss: the poll goes on.
      }
    })();
    this.wake();
    return this;
  }

  /** Stops: no new deliveries; those in flight are cut and left to a retry. Resolves once all work has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.commits?.return?.();
    this.abort.abort();
    await this.ticking;
    await Promise.all(this.serving.values());
  }

  /** Looks for work now (one look at a time; a wake during one asks for another after it). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => this.warn('Could not look for webhook work; retrying', error))
      .finally(() => {
        this.ticking = null;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.wake();
        }
      });
  }

  private async tick(): Promise<void> {
    const { newest } = await this.db.eventLog.bounds();
    const due = await this.db.reader.rows(dueEndpoints, { now: this.at(new Date()) as SqlTimestamp, newest });
    for (const { id } of due) {
      if (this.stopped || this.serving.size >= this.options.concurrency) return;
      if (this.serving.has(id) || (this.resting.get(id) ?? 0) > Date.now()) continue;
      const serving = this.serve(id)
        .catch((error: unknown) => {
          this.resting.set(id, Date.now() + this.options.retry.firstMs);
          this.warn('A webhook delivery run failed; the endpoint is retried', error);
        })
        .finally(() => {
          this.serving.delete(id);
          // Work that waited for this endpoint or for a free slot.
          this.wake();
        });
      this.serving.set(id, serving);
    }
  }

  /** One run on one endpoint: redeliveries asked for, then the log in order until done, a failure, or a lost lease. */
  private async serve(id: number): Promise<void> {
    const now = new Date();
    const [endpoint] = await this.db.writes.run((manager) =>
      execute(manager, claimLease, {
        id,
        owner: this.options.owner,
        until: this.at(new Date(now.getTime() + this.options.leaseMs)),
        now: this.at(now) as SqlTimestamp,
      }),
    );
    if (!endpoint) return;
    try {
      const signer = new Webhook(endpoint.secret);
      const types = new Set(JSON.parse(endpoint.eventTypes) as string[]);
      for (const { id: requestId, eventId } of await this.db.reader.rows(redeliveriesOf, { endpointId: id })) {
        // Each may take the whole timeout: the lease is extended first, and a lost one ends the run.
        if (this.stopped || !(await this.holdOn(id))) return;
        const [event] = await this.db.eventLog.after(eventId - 1, 1);
        const result = event?.eventId === eventId ? await this.send(endpoint.url, event, signer) : null;
        if (this.stopped && !result?.ok) return;
        await this.db.writes.run(async (manager) => {
          if (result) await execute(manager, insertAttempt, this.attemptRow(id, eventId, 1, true, result));
          await execute(manager, deleteRedelivery, { id: requestId });
        });
      }
      const backingOff = endpoint.nextAttemptAt !== null && fromSqlDate(endpoint.nextAttemptAt)!.getTime() > Date.now();
      if (endpoint.status !== WebhookEndpointStatus.ACTIVE || backingOff) return;
      let through = Number(endpoint.deliveredThrough);
      let recorded = through;
      let failedAttempts = Number(endpoint.failedAttempts);
      let failingSince = endpoint.failingSince === null ? null : fromSqlDate(endpoint.failingSince);
      const progress = (fields: { status?: string; nextAttemptAt?: Date | null }) => ({
        id,
        owner: this.options.owner,
        until: this.at(new Date(Date.now() + this.options.leaseMs)),
        deliveredThrough: through,
        failedAttempts,
        failingSince: failingSince && this.at(failingSince),
        nextAttemptAt: fields.nextAttemptAt ? this.at(fields.nextAttemptAt) : null,
        status: fields.status ?? WebhookEndpointStatus.ACTIVE,
      });
      // Events pruned before they could be delivered (the endpoint was down longer than the
      // log keeps them): said in the delivery log, then delivery goes on after them.
      const { prunedThrough } = await this.db.eventLog.bounds();
      if (through < prunedThrough) {
        const lost = `Events ${through + 1} to ${prunedThrough} were pruned (EVENT_RETENTION_DAYS) before they could be delivered.`;
        through = prunedThrough;
        const kept = await this.db.writes.run(async (manager) => {
          const gap = { statusCode: null, latencyMs: 0, excerpt: null, error: lost, ok: false };
          await execute(manager, insertAttempt, this.attemptRow(id, prunedThrough, 0, false, gap));
          return execute(manager, recordProgress, progress({}));
        });
        if (kept.length === 0) return;
        recorded = through;
      }
      for (;;) {
        const events = await this.db.eventLog.after(through, this.options.batch);
        if (events.length === 0 || this.stopped) break;
        for (const event of events) {
          if (this.stopped) break;
          // Only what readers could see when it committed, and still can, leaves the service,
          // and only the types asked for.
          if (!event.isPublic || !types.has(event.type) || !(await this.stillPublic(event))) {
            through = event.eventId;
            continue;
          }
          const result = await this.send(endpoint.url, event, signer);
          if (this.stopped && !result.ok) break;
          const attempt = failedAttempts + 1;
          if (result.ok) {
            through = event.eventId;
            failedAttempts = 0;
            failingSince = null;
          } else {
            failedAttempts = attempt;
            failingSince ??= new Date();
          }
          const givingUp = !result.ok && Date.now() - failingSince!.getTime() >= this.options.retry.giveUpAfterMs;
          const kept = await this.db.writes.run(async (manager) => {
            await execute(manager, insertAttempt, this.attemptRow(id, event.eventId, attempt, false, result));
            return execute(
              manager,
              recordProgress,
              progress(
                result.ok
                  ? {}
                  : {
                      status: givingUp ? WebhookEndpointStatus.FAILING : WebhookEndpointStatus.ACTIVE,
                      nextAttemptAt: new Date(Date.now() + this.backOff(attempt)),
                    },
              ),
            );
          });
          // Another process took the endpoint over (this one was too slow): it carries on from the record.
          if (kept.length === 0) return;
          recorded = through;
          if (!result.ok) {
            if (givingUp) this.warn('A webhook endpoint failed for too long and is marked FAILING', undefined, { id });
            return;
          }
        }
      }
      if (through > recorded) await this.db.writes.run((manager) => execute(manager, recordProgress, progress({})));
    } finally {
      await this.db.writes
        .run((manager) => execute(manager, releaseLease, { id, owner: this.options.owner }))
        .catch((error: unknown) => this.warn('Could not release a webhook lease; it expires', error));
    }
  }

  /** Extends this process's lease on the endpoint; false once another has taken it (or an ADMIN changed it). */
  private async holdOn(id: number): Promise<boolean> {
    const until = this.at(new Date(Date.now() + this.options.leaseMs));
    const held = await this.db.writes.run((manager) =>
      execute(manager, renewLease, { id, owner: this.options.owner, until }),
    );
    return held.length > 0;
  }

  /**
   * Whether readers may still see what a public event is about: it was decided when the change
   * committed, and a withdrawal committed meanwhile (on another replica, or before a retry) must
   * not be undone by a late delivery. A withdrawal is itself the public notice.
   */
  private async stillPublic(event: LoggedEvent): Promise<boolean> {
    const loaders = createLoaders(this.db.reader, ANONYMOUS);
    if (
      event.type !== 'articleWithdrawn' &&
      event.articleId !== null &&
      !(await loaders.articleById.load(event.articleId))
    )
      return false;
    if (event.claimId !== null && !(await loaders.claimById.load(event.claimId))) return false;
    return true;
  }

  private send(url: string, event: LoggedEvent, signer: Webhook): Promise<DeliveryResult> {
    const body = webhookBody(event, this.options.publicUrl);
    const id = webhookId(event);
    const timestamp = new Date();
    return postWebhook(
      url,
      body,
      {
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signer.sign(id, timestamp, body),
        'user-agent': 'factline-webhooks',
      },
      { timeoutMs: this.options.timeoutMs, allowPrivate: this.options.allowPrivate, signal: this.abort.signal },
    );
  }

  private attemptRow(
    endpointId: number,
    eventId: number,
    attempt: number,
    redelivery: boolean,
    result: DeliveryResult,
  ) {
    return {
      endpointId,
      eventId,
      attempt,
      redelivery: redelivery ? 1 : 0,
      attemptedAt: this.at(new Date()),
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      responseExcerpt: result.excerpt,
      error: result.error,
      succeeded: result.ok ? 1 : 0,
    };
  }

  /** The wait before attempt `attempt + 1`: doubling from `firstMs` up to `maxMs`, ±25%. */
  private backOff(attempt: number): number {
    const { firstMs, maxMs } = this.options.retry;
    const base = Math.min(maxMs, firstMs * 2 ** Math.min(attempt - 1, 30));
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  /** A moment as the database's timestamp parameters take it. */
  private at(date: Date): string {
    return this.db.dialect === 'sqlite' ? toSqlDate(date) : date.toISOString();
  }

  /** The error's code only: messages can hold urls with tokens in them. */
  private warn(message: string, error?: unknown, fields: Record<string, unknown> = {}): void {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    this.options.logger?.warn(message, { ...fields, ...(code ? { code } : {}) });
  }
}
