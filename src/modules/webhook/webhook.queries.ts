import type { SqlTimestamp } from '../../db/sql-dates';
import { statement, type StatementBuilder } from '../../db/statements';

/** The statements of webhooks: the ADMIN's endpoints, their delivery log and the dispatcher's leases. */

export interface EndpointRow {
  id: number;
  url: string;
  description: string | null;
  eventTypes: string;
  secret: string;
  status: string;
  deliveredThrough: number;
  failedAttempts: number;
  failingSince: SqlTimestamp | null;
  nextAttemptAt: SqlTimestamp | null;
  createdAt: SqlTimestamp;
  updatedAt: SqlTimestamp;
}

const endpointColumns = [
  'e.id',
  'e.url',
  'e.description',
  'e.event_types as eventTypes',
  'e.secret',
  'e.status',
  'e.delivered_through as deliveredThrough',
  'e.failed_attempts as failedAttempts',
  'e.failing_since as failingSince',
  'e.next_attempt_at as nextAttemptAt',
  'e.created_at as createdAt',
  'e.updated_at as updatedAt',
] as const;

export const endpointsList = statement('webhook.endpoints', (q: StatementBuilder<Record<never, never>>) =>
  q.db.selectFrom('webhook_endpoints as e').select(endpointColumns).orderBy('e.id'),
);

export const endpointById = statement('webhook.endpoint', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('webhook_endpoints as e').select(endpointColumns).where('e.id', '=', q.p.id),
);

export const insertEndpoint = statement(
  'webhook.insert-endpoint',
  (
    q: StatementBuilder<{
      url: string;
      description: string | null;
      eventTypes: string;
      secret: string;
      status: string;
      deliveredThrough: number;
      now: string;
    }>,
  ) =>
    q.db
      .insertInto('webhook_endpoints')
      .values({
        url: q.p.url,
        description: q.p.description,
        event_types: q.p.eventTypes,
        secret: q.p.secret,
        status: q.p.status,
        delivered_through: q.p.deliveredThrough,
        created_at: q.p.now,
        updated_at: q.p.now,
      })
      .returning('id'),
);

/** An ADMIN's change: its settings, and where delivery resumes (a replay, a re-enabled endpoint starts over its back-off). */
export const updateEndpoint = statement(
  'webhook.update-endpoint',
  (
    q: StatementBuilder<{
      id: number;
      url: string;
      description: string | null;
      eventTypes: string;
      secret: string;
      status: string;
      deliveredThrough: number;
      failedAttempts: number;
      failingSince: string | null;
      nextAttemptAt: string | null;
      now: string;
    }>,
  ) =>
    q.db
      .updateTable('webhook_endpoints')
      .set({
        url: q.p.url,
        description: q.p.description,
        event_types: q.p.eventTypes,
        secret: q.p.secret,
        status: q.p.status,
        delivered_through: q.p.deliveredThrough,
        failed_attempts: q.p.failedAttempts,
        failing_since: q.p.failingSince,
        next_attempt_at: q.p.nextAttemptAt,
        updated_at: q.p.now,
        // A run under way stops at its next step (its writes check the lease): it read the
        // settings this change replaces.
        lease_owner: null,
        lease_until: null,
      })
      .where('id', '=', q.p.id),
);

export const deleteEndpoint = statement('webhook.delete-endpoint', (q: StatementBuilder<{ id: number }>) =>
  q.db.deleteFrom('webhook_endpoints').where('id', '=', q.p.id),
);

export const insertRedelivery = statement(
  'webhook.insert-redelivery',
  (q: StatementBuilder<{ endpointId: number; eventId: number; now: string }>) =>
    q.db
      .insertInto('webhook_redeliveries')
      .values({ endpoint_id: q.p.endpointId, event_id: q.p.eventId, requested_at: q.p.now }),
);

export interface AttemptRow {
  id: number;
  endpointId: number;
  eventId: number;
  attempt: number;
  redelivery: number;
  attemptedAt: SqlTimestamp;
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
  succeeded: number;
}

/** An endpoint's delivery log, newest first, before an attempt id. */
export const attemptsOfEndpoint = statement(
  'webhook.attempts',
  (q: StatementBuilder<{ endpointId: number; before: number; limit: number }>) =>
    q.db
      .selectFrom('webhook_attempts as a')
      .select([
        'a.id',
        'a.endpoint_id as endpointId',
        'a.event_id as eventId',
        'a.attempt',
        'a.redelivery',
        'a.attempted_at as attemptedAt',
        'a.status_code as statusCode',
        'a.latency_ms as latencyMs',
        'a.response_excerpt as responseExcerpt',
        'a.error',
        'a.succeeded',
      ])
      .where('a.endpoint_id', '=', q.p.endpointId)
      .where('a.id', '<', q.p.before)
      .orderBy('a.id', 'desc')
      .limit(q.p.limit),
);

/**
 * Endpoints with work now, not leased by a live holder: active, past their back-off and behind
 * the log's newest event (`newest`), or with a redelivery asked for.
 */
export const dueEndpoints = statement('webhook.due', (q: StatementBuilder<{ now: SqlTimestamp; newest: number }>) =>
  q.db
    .selectFrom('webhook_endpoints as e')
    .select('e.id')
    .where((eb) =>
      eb.and([
        eb.or([eb('e.lease_until', 'is', null), eb('e.lease_until', '<', q.p.now)]),
        eb.or([
          eb.and([
            eb('e.status', '=', 'ACTIVE'),
            eb('e.delivered_through', '<', q.p.newest),
            eb.or([eb('e.next_attempt_at', 'is', null), eb('e.next_attempt_at', '<=', q.p.now)]),
          ]),
          eb.exists(eb.selectFrom('webhook_redeliveries as r').select('r.id').whereRef('r.endpoint_id', '=', 'e.id')),
        ]),
      ]),
    )
    .orderBy('e.id'),
);

/** Takes the endpoint for `owner` until `until`, if no one else holds it now; returns it when taken. */
export const claimLease = statement(
  'webhook.claim-lease',
  (q: StatementBuilder<{ id: number; owner: string; until: string; now: SqlTimestamp }>) =>
    q.db
      .updateTable('webhook_endpoints')
      .set({ lease_owner: q.p.owner, lease_until: q.p.until })
      .where('id', '=', q.p.id)
      .where((eb) =>
        eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', q.p.now), eb('lease_owner', '=', q.p.owner)]),
      )
      .returning([
        'id',
        'url',
        'secret',
        'status',
        'event_types as eventTypes',
        'delivered_through as deliveredThrough',
        'failed_attempts as failedAttempts',
        'failing_since as failingSince',
        'next_attempt_at as nextAttemptAt',
      ]),
);

/** Extends `owner`'s lease, if it still holds it: returns the row when it does. */
export const renewLease = statement(
  'webhook.renew-lease',
  (q: StatementBuilder<{ id: number; owner: string; until: string }>) =>
    q.db
      .updateTable('webhook_endpoints')
      .set({ lease_until: q.p.until })
      .where('id', '=', q.p.id)
      .where('lease_owner', '=', q.p.owner)
      .returning('id'),
);

export const releaseLease = statement('webhook.release-lease', (q: StatementBuilder<{ id: number; owner: string }>) =>
  q.db
    .updateTable('webhook_endpoints')
    .set({ lease_owner: null, lease_until: null })
    .where('id', '=', q.p.id)
    .where('lease_owner', '=', q.p.owner),
);

/**
 * Where delivery stands after an attempt (or events skipped as not for it), written only while
 * `owner` still holds the lease, which it extends: returns the row when it did.
 */
export const recordProgress = statement(
  'webhook.record-progress',
  (
    q: StatementBuilder<{
      id: number;
      owner: string;
      until: string;
      deliveredThrough: number;
      failedAttempts: number;
      failingSince: string | null;
      nextAttemptAt: string | null;
      status: string;
    }>,
  ) =>
    q.db
      .updateTable('webhook_endpoints')
      .set({
        lease_until: q.p.until,
        delivered_through: q.p.deliveredThrough,
        failed_attempts: q.p.failedAttempts,
        failing_since: q.p.failingSince,
        next_attempt_at: q.p.nextAttemptAt,
        status: q.p.status,
      })
      .where('id', '=', q.p.id)
      .where('lease_owner', '=', q.p.owner)
      .returning('id'),
);

export const insertAttempt = statement(
  'webhook.insert-attempt',
  (
    q: StatementBuilder<{
      endpointId: number;
      eventId: number;
      attempt: number;
      redelivery: number;
      attemptedAt: string;
      statusCode: number | null;
      latencyMs: number;
      responseExcerpt: string | null;
      error: string | null;
      succeeded: number;
    }>,
  ) =>
    q.db.insertInto('webhook_attempts').values({
      endpoint_id: q.p.endpointId,
      event_id: q.p.eventId,
      attempt: q.p.attempt,
      redelivery: q.p.redelivery,
      attempted_at: q.p.attemptedAt,
      status_code: q.p.statusCode,
      latency_ms: q.p.latencyMs,
      response_excerpt: q.p.responseExcerpt,
      error: q.p.error,
      succeeded: q.p.succeeded,
    }),
);

export const redeliveriesOf = statement('webhook.redeliveries', (q: StatementBuilder<{ endpointId: number }>) =>
  q.db
    .selectFrom('webhook_redeliveries')
    .select(['id', 'event_id as eventId'])
    .where('endpoint_id', '=', q.p.endpointId)
    .orderBy('id'),
);

export const deleteRedelivery = statement('webhook.delete-redelivery', (q: StatementBuilder<{ id: number }>) =>
  q.db.deleteFrom('webhook_redeliveries').where('id', '=', q.p.id),
);
