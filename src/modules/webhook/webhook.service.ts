import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, conflict, notFound } from '../../domain/errors';
import { CHANGE_EVENT_TYPES, type ChangeEventType, STAFF_EVENT_TYPES } from '../../events/change-events';
import { clean } from '../../graphql/text-rules';
import type { Viewer } from '../auth/viewer';
import { requireRole } from '../auth/viewer';
import { Role } from '../user/user.entity';
import {
  type AttemptRow,
  attemptsOfEndpoint,
  deleteEndpoint,
  endpointById,
  type EndpointRow,
  endpointsList,
  insertEndpoint,
  insertRedelivery,
  updateEndpoint,
} from './webhook.queries';

/** An endpoint's state: ACTIVE (delivering), FAILING (retries gave up: re-enable or replay), DISABLED (by an ADMIN). */
export enum WebhookEndpointStatus {
  ACTIVE = 'ACTIVE',
  FAILING = 'FAILING',
  DISABLED = 'DISABLED',
}

export const MAX_WEBHOOK_ENDPOINTS = 50;
const MAX_URL_LENGTH = 2048;
const MAX_DESCRIPTION_LENGTH = 500;
const NO_SUCH_ENDPOINT = 'No such webhook endpoint.';

export interface WebhookPolicy {
  /** http:// endpoints are accepted (ALLOW_HTTP_WEBHOOKS, for development); otherwise https only. */
  allowHttp: boolean;
}

export interface EndpointSettings {
  url?: string | null;
  eventTypes?: readonly ChangeEventType[] | null;
  description?: string | null;
  /** false: DISABLED; true: ACTIVE again (a FAILING endpoint resumes where it stopped, its back-off reset). */
  enabled?: boolean | null;
  /** A new signing secret, returned once. */
  rotateSecret?: boolean | null;
}

/** A new signing secret: `whsec_` and 24 random bytes in base64, as Standard Webhooks libraries read it. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * The organisation's webhook endpoints (ADMIN only, every method): where the event log is
 * delivered. Delivery itself is the dispatcher's (src/webhooks/dispatcher.ts); this keeps the
 * settings, the replays and redeliveries asked for, and reads the delivery log.
 */
export class WebhookService {
  private readonly db: Database;
  private readonly policy: WebhookPolicy;

  constructor({ db, policy }: { db: Database; policy?: WebhookPolicy }) {
    this.db = db;
    this.policy = policy ?? { allowHttp: false };
  }

  list(viewer: Viewer): Promise<EndpointRow[]> {
    requireRole(viewer, Role.ADMIN);
    return this.db.reader.rows(endpointsList, {});
  }

  async get(viewer: Viewer, id: number): Promise<EndpointRow | null> {
    requireRole(viewer, Role.ADMIN);
    return (await this.db.reader.row(endpointById, { id })) ?? null;
  }

  /** An endpoint's delivery log, newest first. */
  attempts(viewer: Viewer, endpointId: number, limit: number, before: number | null): Promise<AttemptRow[]> {
    requireRole(viewer, Role.ADMIN);
    return this.db.reader.rows(attemptsOfEndpoint, {
      endpointId,
      // The largest id an integer column holds: PostgreSQL refuses a bigger parameter for it.
      before: before ?? 2_147_483_647,
      limit,
    });
  }

  /** A new endpoint, delivered the events committed from now on; returns it with its secret (shown this once). */
  async create(
    viewer: Viewer,
    input: { url: string; eventTypes: readonly ChangeEventType[]; description?: string | null },
  ): Promise<{ id: number; secret: string }> {
    requireRole(viewer, Role.ADMIN);
    const url = this.checkUrl(input.url);
    const eventTypes = checkTypes(input.eventTypes);
    const description = checkDescription(input.description);
    const secret = newSecret();
    const { newest } = await this.db.eventLog.bounds();
    return this.db.writes.run(async (manager) => {
      if ((await execute(manager, endpointsList, {})).length >= MAX_WEBHOOK_ENDPOINTS)
        throw conflict(`An organisation has at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`);
      const now = toSqlDate(new Date());
      const [row] = await execute(manager, insertEndpoint, {
        url,
        description,
        eventTypes: JSON.stringify(eventTypes),
        secret,
        status: WebhookEndpointStatus.ACTIVE,
        deliveredThrough: newest,
        now,
      });
      return { id: row.id, secret };
    });
  }

  async update(viewer: Viewer, id: number, input: EndpointSettings): Promise<{ secret: string | null }> {
    requireRole(viewer, Role.ADMIN);
    const url = input.url == null ? null : this.checkUrl(input.url);
    const eventTypes = input.eventTypes == null ? null : checkTypes(input.eventTypes);
    const secret = input.rotateSecret ? newSecret() : null;
    return this.db.writes.run(async (manager) => {
      const stored = await this.find(manager, id);
      const resume = input.enabled === true && stored.status !== WebhookEndpointStatus.ACTIVE;
      const status =
        input.enabled === false
          ? WebhookEndpointStatus.DISABLED
          : input.enabled === true
            ? WebhookEndpointStatus.ACTIVE
            : stored.status;
      await execute(manager, updateEndpoint, {
        id,
        url: url ?? stored.url,
        description: input.description === undefined ? stored.description : checkDescription(input.description),
        eventTypes: eventTypes ? JSON.stringify(eventTypes) : stored.eventTypes,
        secret: secret ?? stored.secret,
        status,
        deliveredThrough: stored.deliveredThrough,
        failedAttempts: resume ? 0 : stored.failedAttempts,
        failingSince: resume ? null : stored.failingSince,
        nextAttemptAt: resume ? null : stored.nextAttemptAt,
        now: toSqlDate(new Date()),
      });
      return { secret };
    });
  }

  delete(viewer: Viewer, id: number): Promise<void> {
    requireRole(viewer, Role.ADMIN);
    return this.db.writes.run(async (manager) => {
      await this.find(manager, id);
      await execute(manager, deleteEndpoint, { id });
    });
  }

  /** Delivers one event of the log again to the endpoint, out of order, once (its webhook-id unchanged). */
  async redeliver(viewer: Viewer, id: number, eventId: number): Promise<void> {
    requireRole(viewer, Role.ADMIN);
    const [event] = await this.db.eventLog.after(eventId - 1, 1);
    // Only public events are ever delivered: another is not one an endpoint could have had.
    if (!event || event.eventId !== eventId || !event.isPublic)
      throw notFound('No such event in the log (it may have been pruned).', 'input.eventId');
    await this.db.writes.run(async (manager) => {
      await this.find(manager, id);
      await execute(manager, insertRedelivery, { endpointId: id, eventId, now: toSqlDate(new Date()) });
    });
  }

  /** Delivers again, in order, every event from `fromEventId` on; the endpoint is ACTIVE again. */
  async replay(viewer: Viewer, id: number, fromEventId: number): Promise<void> {
    requireRole(viewer, Role.ADMIN);
    const { prunedThrough, newest } = await this.db.eventLog.bounds();
    if (fromEventId <= prunedThrough)
      throw badUserInput(
        `Events before ${prunedThrough + 1} are no longer kept: replay from ${prunedThrough + 1} or later.`,
        'input.fromEventId',
      );
    if (fromEventId > newest + 1) throw badUserInput(`No event ${fromEventId} has happened yet.`, 'input.fromEventId');
    await this.db.writes.run(async (manager) => {
      const stored = await this.find(manager, id);
      await execute(manager, updateEndpoint, {
        ...stored,
        status: WebhookEndpointStatus.ACTIVE,
        deliveredThrough: fromEventId - 1,
        failedAttempts: 0,
        failingSince: null,
        nextAttemptAt: null,
        now: toSqlDate(new Date()),
      });
    });
  }

  private async find(manager: Parameters<typeof executeOne>[0], id: number): Promise<EndpointRow> {
    const stored = await executeOne(manager, endpointById, { id });
    if (!stored) throw notFound(NO_SUCH_ENDPOINT, 'input.id');
    return stored;
  }

  /** An absolute http(s) url without credentials; https unless the policy allows http. */
  private checkUrl(raw: string): string {
    const field = 'input.url';
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw badUserInput('Not a valid url.', field);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.policy.allowHttp))
      throw badUserInput(
        this.policy.allowHttp ? 'Only http and https urls are accepted.' : 'Webhook endpoints must use https.',
        field,
      );
    if (url.username || url.password) throw badUserInput('A webhook url may not carry a user name or password.', field);
    url.hash = '';
    const text = url.toString();
    if (text.length > MAX_URL_LENGTH) throw badUserInput(`At most ${MAX_URL_LENGTH} characters.`, field);
    return text;
  }
}

function checkTypes(types: readonly ChangeEventType[]): ChangeEventType[] {
  const unique = [...new Set(types)];
  if (unique.length === 0) throw badUserInput('Name at least one event type.', 'input.eventTypes');
  // Only public events leave the service: an endpoint could never be sent one of these.
  const staff = unique.filter((type) => STAFF_EVENT_TYPES.has(type));
  if (staff.length > 0)
    throw badUserInput(
      'FACT_CHECK_SUBMITTED and FACT_CHECK_RETURNED are the newsroom’s own events: webhooks deliver only public ones.',
      'input.eventTypes',
    );
  // In the log's order, so an endpoint's settings read the same however they were given.
  return CHANGE_EVENT_TYPES.filter((type) => unique.includes(type));
}

function checkDescription(description: string | null | undefined): string | null {
  const text = clean(description) || null;
  if (text && text.length > MAX_DESCRIPTION_LENGTH)
    throw badUserInput(`At most ${MAX_DESCRIPTION_LENGTH} characters.`, 'input.description');
  return text;
}
