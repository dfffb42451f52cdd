import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { isoFromSqlTimestamp } from '../../db/sql-dates';
import { badUserInput, notFound } from '../../domain/errors';
import type { ChangeEventType } from '../../events/change-events';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { API_EVENT_TYPE, LOG_EVENT_TYPE, type NewsroomEventType } from '../live/live.types';
import { Role } from '../user/user.entity';
import type { EndpointRow } from './webhook.queries';
import type { WebhookEndpointStatus } from './webhook.service';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  RedeliverWebhookEventInput,
  ReplayWebhookEventsInput,
  UpdateWebhookEndpointInput,
} from './webhook.inputs';
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  UpdateWebhookEndpointPayload,
  WebhookDelivery,
  WebhookEndpoint,
} from './webhook.types';

const MAX_DELIVERIES_PAGE = 100;

const iso = (value: string | null): string | null =>
  value === null ? null : (isoFromSqlTimestamp(String(value)) ?? new Date(value).toISOString());

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    __typename: 'WebhookEndpoint',
    key: row.id,
    id: toGlobalId('WebhookEndpoint', row.id),
    url: row.url,
    description: row.description,
    eventTypes: (JSON.parse(row.eventTypes) as ChangeEventType[]).map((type) => API_EVENT_TYPE[type]),
    status: row.status as WebhookEndpointStatus,
    deliveredThroughEventId: String(row.deliveredThrough),
    failedAttempts: Number(row.failedAttempts),
    failingSince: iso(row.failingSince),
    nextAttemptAt: iso(row.nextAttemptAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

const logTypes = (types: NewsroomEventType[]) => types.map((type) => LOG_EVENT_TYPE[type]);

/** An eventId (or delivery id) argument as the number it stands for. */
function eventIdOf(value: string, field: string): number {
  if (!/^\d{1,9}$/.test(value)) throw badUserInput('Decimal digits expected (at most 9).', field);
  return Number(value);
}

/** The organisation's webhook endpoints and their delivery logs: ADMIN only. Rules live in WebhookService. */
@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [WebhookEndpoint], { description: "The organisation's webhook endpoints (ADMIN)." })
  async webhookEndpoints(@Ctx() ctx: AppContext): Promise<WebhookEndpoint[]> {
    return (await ctx.services.webhooks.list(ctx.viewer)).map(toEndpoint);
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => [WebhookDelivery], { description: 'Its delivery log, newest first.' })
  async deliveries(
    @Ctx() ctx: AppContext,
    @Root() endpoint: WebhookEndpoint,
    @Arg('first', () => Int, { defaultValue: 20, description: `At most ${MAX_DELIVERIES_PAGE}.` }) first: number,
    @Arg('before', () => String, { nullable: true, description: 'A delivery id: those older than it.' })
    before: string | null,
  ): Promise<WebhookDelivery[]> {
    if (first < 1 || first > MAX_DELIVERIES_PAGE) throw badUserInput(`From 1 to ${MAX_DELIVERIES_PAGE}.`, 'first');
    const rows = await ctx.services.webhooks.attempts(
      ctx.viewer,
      endpoint.key,
      first,
      before == null ? null : eventIdOf(before, 'before'),
    );
    return rows.map((row) => ({
      id: String(row.id),
      eventId: String(row.eventId),
      attempt: Number(row.attempt),
      redelivery: Number(row.redelivery) === 1,
      attemptedAt: iso(row.attemptedAt)!,
      statusCode: row.statusCode === null ? null : Number(row.statusCode),
      latencyMs: Number(row.latencyMs),
      responseExcerpt: row.responseExcerpt,
      error: row.error,
      succeeded: Number(row.succeeded) === 1,
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      'Adds an endpoint (ADMIN), delivered the events committed from now on; answers its signing secret this once.',
  })
  async createWebhookEndpoint(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ): Promise<CreateWebhookEndpointPayload> {
    const { id, secret } = await ctx.services.webhooks.create(ctx.viewer, {
      url: input.url,
      eventTypes: logTypes(input.eventTypes),
      description: input.description,
    });
    return { endpoint: await reload(ctx, id), secret };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UpdateWebhookEndpointPayload, {
    description:
      'Changes an endpoint (ADMIN): its url, events, description; disables or re-enables it; rotates its secret.',
  })
  async updateWebhookEndpoint(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
  ): Promise<UpdateWebhookEndpointPayload> {
    const id = fromGlobalIdOf('WebhookEndpoint', input.id, 'input.id');
    const { secret } = await ctx.services.webhooks.update(ctx.viewer, id, {
      ...input,
      eventTypes: input.eventTypes ? logTypes(input.eventTypes) : null,
    });
    return { endpoint: await reload(ctx, id), secret };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Removes an endpoint and its delivery log (ADMIN).' })
  async deleteWebhookEndpoint(
    @Ctx() ctx: AppContext,
    @Arg('input', () => DeleteWebhookEndpointInput) input: DeleteWebhookEndpointInput,
  ): Promise<DeleteWebhookEndpointPayload> {
    await ctx.services.webhooks.delete(ctx.viewer, fromGlobalIdOf('WebhookEndpoint', input.id, 'input.id'));
    return { deletedEndpointId: input.id };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookEndpoint, {
    description: 'Delivers one event again to an endpoint (ADMIN), once, out of order, with its original webhook-id.',
  })
  async redeliverWebhookEvent(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RedeliverWebhookEventInput) input: RedeliverWebhookEventInput,
  ): Promise<WebhookEndpoint> {
    const id = fromGlobalIdOf('WebhookEndpoint', input.endpointId, 'input.endpointId');
    await ctx.services.webhooks.redeliver(ctx.viewer, id, eventIdOf(input.eventId, 'input.eventId'));
    return reload(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookEndpoint, {
    description: 'Delivers every event from `fromEventId` on again, in order (ADMIN); the endpoint is ACTIVE again.',
  })
  async replayWebhookEvents(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ReplayWebhookEventsInput) input: ReplayWebhookEventsInput,
  ): Promise<WebhookEndpoint> {
    const id = fromGlobalIdOf('WebhookEndpoint', input.endpointId, 'input.endpointId');
    await ctx.services.webhooks.replay(ctx.viewer, id, eventIdOf(input.fromEventId, 'input.fromEventId'));
    return reload(ctx, id);
  }
}

async function reload(ctx: AppContext, id: number): Promise<WebhookEndpoint> {
  const row = await ctx.services.webhooks.get(ctx.viewer, id);
  if (!row) throw notFound('No such webhook endpoint.', 'input.id');
  return toEndpoint(row);
}
