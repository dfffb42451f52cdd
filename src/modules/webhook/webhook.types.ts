import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../graphql/date-time';
import { Node } from '../../graphql/relay/node.type';
import { NewsroomEventType } from '../live/live.types';
import { WebhookEndpointStatus } from './webhook.service';

registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description:
    'ACTIVE: delivering. FAILING: retries gave up after about a day (re-enable or replay). DISABLED: by an ADMIN.',
});

/** What the API answers for an endpoint (never its secret). */
@ObjectType('WebhookEndpoint', {
  implements: Node,
  description:
    'Where the event log is delivered as Standard Webhooks (signed POSTs, at least once, in event order). ADMIN only.',
})
export class WebhookEndpoint {
  __typename: 'WebhookEndpoint';

  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [NewsroomEventType])
  eventTypes: NewsroomEventType[];

  @Field(() => WebhookEndpointStatus)
  status: WebhookEndpointStatus;

  @Field(() => String, { description: 'The newest event of the log it is done with (delivered, or not for it).' })
  deliveredThroughEventId: string;

  @Field(() => Int, { description: 'Failed attempts at the next event.' })
  failedAttempts: number;

  @Field(() => DateTime, { nullable: true, description: 'When the current run of failures began.' })
  failingSince: string | null;

  @Field(() => DateTime, { nullable: true, description: 'No attempt before then (back-off after a failure).' })
  nextAttemptAt: string | null;

  @Field(() => DateTime)
  createdAt: string;

  @Field(() => DateTime)
  updatedAt: string;

  /** The row's id, for its deliveries. */
  key: number;
}

@ObjectType('WebhookDelivery', { description: 'One attempt at delivering one event to an endpoint.' })
export class WebhookDelivery {
  @Field(() => String, { description: 'Pass it as `before` for the older ones.' })
  id: string;

  @Field(() => String)
  eventId: string;

  @Field(() => Int, { description: '1 for the first attempt at the event, counting up through its retries.' })
  attempt: number;

  @Field(() => Boolean, { description: 'Asked for again by an ADMIN (redeliverWebhookEvent).' })
  redelivery: boolean;

  @Field(() => DateTime)
  attemptedAt: string;

  @Field(() => Int, { nullable: true, description: 'The HTTP status answered, if any.' })
  statusCode: number | null;

  @Field(() => Int)
  latencyMs: number;

  @Field(() => String, { nullable: true, description: 'The start of the response body (at most 4 KB).' })
  responseExcerpt: string | null;

  @Field(() => String, { nullable: true, description: 'Why no 2xx came, when no status says it.' })
  error: string | null;

  @Field(() => Boolean)
  succeeded: boolean;
}

@ObjectType('CreateWebhookEndpointPayload')
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String, {
    description:
      'The signing secret (`whsec_...`), shown this once: verify deliveries with a Standard Webhooks library.',
  })
  secret: string;
}

@ObjectType('UpdateWebhookEndpointPayload')
export class UpdateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String, {
    nullable: true,
    description: 'The new signing secret when `rotateSecret` was asked, shown this once.',
  })
  secret: string | null;
}

@ObjectType('DeleteWebhookEndpointPayload')
export class DeleteWebhookEndpointPayload {
  @Field(() => ID)
  deletedEndpointId: string;
}
