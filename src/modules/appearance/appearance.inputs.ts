import { Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTime } from '../../graphql/date-time';
import { HttpUrl } from '../../graphql/http-url';
import { CleanText, LIMITS } from '../../graphql/text-rules';
import { CORRECTION_NOTE } from '../claim/claim.inputs';

/** A week, in seconds: longer than any recording a claim is timed in. */
const MAX_SECONDS = 7 * 24 * 3600;

/**
 * Enough for a claim repeated across a campaign; a bound on what one claim's page lists (the API
 * and imports alike).
 */
export const MAX_OUTSIDE_APPEARANCES = 100;

/** Enough for a claim repeated across a newsroom's coverage; a bound on what one claim's page lists. */
export const MAX_ARTICLE_PLACES = 100;

@InputType('AddClaimAppearanceInput', {
  description:
    'Where else the claim was made: in another factline article (`articleId` and `quote`, as createClaim marks a claim), or outside factline (`url`, with title, publisher, date and times): an interview, a speech, a post, a story. Exactly one of `articleId` and `url`.',
})
export class AddClaimAppearanceInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID, { nullable: true, description: 'A factline article the claim also appears in.' })
  articleId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "With `articleId`: the claim's exact words in that article's body.",
  })
  @CleanText(LIMITS.quote)
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'With `articleId`: text right before the quote.' })
  @CleanText(LIMITS.quoteContext)
  prefix?: string | null;

  @Field(() => String, { nullable: true, description: 'With `articleId`: text right after the quote.' })
  @CleanText(LIMITS.quoteContext)
  suffix?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'With `articleId`: which occurrence of the quote (1-based), when it occurs more than once.',
  })
  @Min(1)
  @Max(10_000)
  occurrence?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Outside factline: where it can be read, heard or watched (http or https).',
  })
  @CleanText(LIMITS.url)
  @HttpUrl()
  url?: string | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.title)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it: an outlet, a broadcaster, a platform.' })
  @CleanText(LIMITS.name)
  publisher?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the claim was made there.' })
  appearedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Audio or video: where the claim starts, in seconds.' })
  @Min(0)
  @Max(MAX_SECONDS)
  startSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Audio or video: where the claim ends, in seconds.' })
  @Min(0)
  @Max(MAX_SECONDS)
  endSeconds?: number | null;

  @Field(() => String, { nullable: true, description: CORRECTION_NOTE })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('RemoveClaimAppearanceInput')
export class RemoveClaimAppearanceInput {
  @Field(() => ID, {
    description: "An OutsideAppearance id, or an ArticleAppearance id of a place other than the claim's own article.",
  })
  id: string;

  @Field(() => String, { nullable: true, description: CORRECTION_NOTE })
  @CleanText(LIMITS.note)
  note?: string | null;
}
