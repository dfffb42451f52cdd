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

@InputType('AddClaimAppearanceInput', {
  description: 'A place outside factline where the claim was made: an interview, a speech, a post, a story.',
})
export class AddClaimAppearanceInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => String, { description: 'Where it can be read, heard or watched (http or https).' })
  @CleanText(LIMITS.url)
  @HttpUrl()
  url: string;

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
  @Field(() => ID, { description: 'An OutsideAppearance id.' })
  id: string;

  @Field(() => String, { nullable: true, description: CORRECTION_NOTE })
  @CleanText(LIMITS.note)
  note?: string | null;
}
