import { ArrayMaxSize, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BCP47, CleanText, LIMITS } from '../../graphql/text-rules';
import { Verdict } from '../annotation/verdict';
import { ClaimAnchorStatus } from './anchor-status';

@InputType('ClaimFilter')
export class ClaimFilter {
  @Field(() => ID, { nullable: true, description: 'Claims of this article only.' })
  articleId?: string | null;

  @Field(() => Verdict, { nullable: true, description: 'Claims whose current verdict is this.' })
  verdict?: Verdict | null;

  @Field(() => String, {
    nullable: true,
    description: 'Claims of the claimant of this name (case- and space-insensitive, exact).',
  })
  claimant?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims of this claimant.' })
  claimantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Claims filed under the topic of this slug.' })
  topic?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: claims whose verdict is stale (the text changed under it: FUZZY, AMBIGUOUS or ORPHANED, not yet confirmed), for a reviewer to confirm or re-attach; false: the others.',
  })
  verdictStale?: boolean | null;

  @Field(() => [ClaimAnchorStatus], {
    nullable: true,
    description: 'Claims whose anchor is in one of these states (AMBIGUOUS and ORPHANED ones need re-attaching).',
  })
  @ArrayMaxSize(5)
  anchorStatus?: ClaimAnchorStatus[] | null;
}

@InputType('CreateClaimInput')
export class CreateClaimInput {
  @Field(() => ID)
  articleId: string;

  @Field(() => String, { description: 'The exact words of the claim; must occur in the article body.' })
  @CleanText(LIMITS.quote)
  quote: string;

  @Field(() => String, {
    nullable: true,
    description: 'Text right before the quote, to pick one of several occurrences.',
  })
  @CleanText(LIMITS.quoteContext)
  prefix?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text right after the quote, to pick one of several occurrences.',
  })
  @CleanText(LIMITS.quoteContext)
  suffix?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Which occurrence of the quote (1-based), when it occurs more than once.',
  })
  @Min(1)
  @Max(10_000)
  occurrence?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What was claimed, in neutral words (the quote when left out).',
  })
  @CleanText(LIMITS.quote)
  text?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The language the claim was made in (BCP 47); the article's when left out.",
  })
  @CleanText(LIMITS.language)
  @Matches(BCP47, { message: 'language must be a BCP 47 tag such as en or pt-BR' })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who made the claim.' })
  claimantId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who made the claim, by name: the claimant of that name, recorded first if there is none.',
    deprecationReason: 'Use claimantId',
  })
  @CleanText(LIMITS.name)
  claimant?: string | null;
}

/** Why a checked claim changed: required once the claim carries a published fact-check, and shown to readers. */
export const CORRECTION_NOTE =
  "Why, for readers: required once the claim carries a published fact-check (the change is then a public correction, an editor's act).";

@InputType('UpdateClaimInput')
export class UpdateClaimInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'What was claimed, in neutral words.' })
  @CleanText(LIMITS.quote)
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who made the claim; null clears it.' })
  claimantId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who made the claim, by name: the claimant of that name, recorded first if there is none; null clears it.',
    deprecationReason: 'Use claimantId',
  })
  @CleanText(LIMITS.name)
  claimant?: string | null;

  @Field(() => String, { nullable: true, description: CORRECTION_NOTE })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('DeleteClaimInput')
export class DeleteClaimInput {
  @Field(() => ID)
  id: string;
}

@InputType('MergeClaimsInput', {
  description:
    'Two claims that are the same: the merged one’s fact-checks and places move to the kept one, whose words and claimant stay; the merged id resolves to the kept claim.',
})
export class MergeClaimsInput {
  @Field(() => ID)
  keepId: string;

  @Field(() => ID)
  mergeId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why, for readers: required when either claim carries a published fact-check (a public correction).',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('ReattachClaimInput', {
  description:
    'Points a claim whose anchor is FUZZY, AMBIGUOUS or ORPHANED at the words it should now quote in the current body.',
})
export class ReattachClaimInput {
  @Field(() => ID, {
    description:
      'A Claim id (its place in its own article), or an ArticleAppearance id (one of its places in another article).',
  })
  id: string;

  @Field(() => String)
  @CleanText(LIMITS.quote)
  quote: string;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.quoteContext)
  prefix?: string | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.quoteContext)
  suffix?: string | null;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(10_000)
  occurrence?: number | null;

  @Field(() => String, { nullable: true, description: CORRECTION_NOTE })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('ConfirmClaimAnchorInput')
export class ConfirmClaimAnchorInput {
  @Field(() => ID, {
    description:
      'A Claim id (its place in its own article), or an ArticleAppearance id (one of its places in another article).',
  })
  id: string;

  @Field(() => String, { nullable: true, description: CORRECTION_NOTE })
  @CleanText(LIMITS.note)
  note?: string | null;
}
