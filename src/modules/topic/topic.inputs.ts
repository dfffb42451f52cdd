import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CleanText, LIMITS } from '../../graphql/text-rules';

/** The most topics one article or claim is filed under. */
export const MAX_TOPICS_PER_ITEM = 20;

const DESCRIPTION = { min: 1, max: 500 } as const;
const TOPIC_IDS = `The topics, all of them (the list replaces the one before; empty clears it); at most ${MAX_TOPICS_PER_ITEM}.`;

@InputType('CreateTopicInput')
export class CreateTopicInput {
  @Field(() => String, {
    description: 'Unique among topics, compared case- and space-insensitively; the slug is made from it.',
  })
  @CleanText(LIMITS.name)
  name: string;

  @Field(() => String, { nullable: true, description: 'What it covers, in a line or two.' })
  @CleanText(DESCRIPTION)
  description?: string | null;
}

@InputType('UpdateTopicInput', { description: 'The fields to change; those left out stay as they are.' })
export class UpdateTopicInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'A new name (the slug, and so the page address, stays).' })
  @CleanText(LIMITS.name)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @CleanText({ max: DESCRIPTION.max })
  description?: string | null;
}

@InputType('DeleteTopicInput')
export class DeleteTopicInput {
  @Field(() => ID)
  id: string;
}

@InputType('SetArticleTopicsInput')
export class SetArticleTopicsInput {
  @Field(() => ID)
  articleId: string;

  @Field(() => [ID], { description: TOPIC_IDS })
  @ArrayMaxSize(MAX_TOPICS_PER_ITEM)
  topicIds: string[];
}

@InputType('SetClaimTopicsInput')
export class SetClaimTopicsInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => [ID], { description: TOPIC_IDS })
  @ArrayMaxSize(MAX_TOPICS_PER_ITEM)
  topicIds: string[];
}
