import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CleanText } from '../../graphql/text-rules';
import { NewsroomEventType } from '../live/live.types';

const URL_TEXT = { max: 2048 } as const;
const DESCRIPTION_TEXT = { max: 500 } as const;

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https (http only where ALLOW_HTTP_WEBHOOKS is set).' })
  @CleanText(URL_TEXT)
  url: string;

  @Field(() => [NewsroomEventType], { description: 'The events it receives.' })
  @ArrayMaxSize(20)
  eventTypes: NewsroomEventType[];

  @Field(() => String, { nullable: true })
  @CleanText(DESCRIPTION_TEXT)
  description?: string | null;
}

@InputType('UpdateWebhookEndpointInput')
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @CleanText(URL_TEXT)
  url?: string | null;

  @Field(() => [NewsroomEventType], { nullable: true })
  @ArrayMaxSize(20)
  eventTypes?: NewsroomEventType[] | null;

  @Field(() => String, { nullable: true })
  @CleanText(DESCRIPTION_TEXT)
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false disables it; true makes it ACTIVE again, a FAILING one resuming where it stopped.',
  })
  enabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A new signing secret, returned once.' })
  rotateSecret?: boolean | null;
}

@InputType('DeleteWebhookEndpointInput')
export class DeleteWebhookEndpointInput {
  @Field(() => ID)
  id: string;
}

@InputType('RedeliverWebhookEventInput')
export class RedeliverWebhookEventInput {
  @Field(() => ID)
  endpointId: string;

  @Field(() => String, { description: 'An eventId the log still keeps.' })
  eventId: string;
}

@InputType('ReplayWebhookEventsInput')
export class ReplayWebhookEventsInput {
  @Field(() => ID)
  endpointId: string;

  @Field(() => String, { description: 'Every event from this one on is delivered again, in order.' })
  fromEventId: string;
}
