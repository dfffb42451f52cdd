import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CleanText, LIMITS } from '../../graphql/text-rules';
import { ClaimantKind } from './claimant.entity';

/** The most aliases a claimant keeps. */
export const MAX_ALIASES = 50;

const DESCRIPTION = { min: 1, max: 500 } as const;
const WIKIDATA_ID = { min: 1, max: 20 } as const;
const ALIASES = 'Other names they go by (compared case- and space-insensitively); the name itself is left out.';
const WIKIDATA = 'A Wikidata item id, "Q" and digits ("Q6279"); never fetched.';

@InputType('CreateClaimantInput')
export class CreateClaimantInput {
  @Field(() => String, { description: 'Unique among claimants, compared case- and space-insensitively.' })
  @CleanText(LIMITS.name)
  name: string;

  @Field(() => [String], { nullable: true, description: ALIASES })
  @ArrayMaxSize(MAX_ALIASES)
  @CleanText(LIMITS.name, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who they are, in a line.' })
  @CleanText(DESCRIPTION)
  description?: string | null;

  @Field(() => String, { nullable: true, description: WIKIDATA })
  @CleanText(WIKIDATA_ID)
  wikidataId?: string | null;

  @Field(() => ClaimantKind, { nullable: true, description: 'PERSON unless given.' })
  kind?: ClaimantKind | null;
}

@InputType('UpdateClaimantInput', { description: 'The fields to change; those left out stay as they are.' })
export class UpdateClaimantInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      "A new name (the slug stays). Once a claim of theirs carries a published fact-check, an editor's act with a `note`, recorded as a correction of each such claim.",
  })
  @CleanText(LIMITS.name)
  name?: string | null;

  @Field(() => [String], { nullable: true, description: ALIASES })
  @ArrayMaxSize(MAX_ALIASES)
  @CleanText(LIMITS.name, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who they are, in a line; an empty string clears it.' })
  @CleanText({ max: DESCRIPTION.max })
  description?: string | null;

  @Field(() => String, { nullable: true, description: `${WIKIDATA} An empty string clears it.` })
  @CleanText({ max: WIKIDATA_ID.max })
  wikidataId?: string | null;

  @Field(() => ClaimantKind, { nullable: true })
  kind?: ClaimantKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why, for readers: required to rename a claimant whose claims carry a published fact-check.',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('MergeClaimantsInput', {
  description:
    'Two records of one claimant: the merged one’s claims move to the kept one, its name becomes an alias, and its id resolves to the kept one.',
})
export class MergeClaimantsInput {
  @Field(() => ID)
  keepId: string;

  @Field(() => ID)
  mergeId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, for readers: required when a moved claim carries a published fact-check and the names differ (a correction of each such claim).',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}
