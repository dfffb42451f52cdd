import { ArrayMaxSize } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { CleanText, LIMITS } from '../../graphql/text-rules';
import { Verdict } from '../annotation/verdict';

/** The most ratings a scale holds. */
export const MAX_RATINGS = 50;

export const RATING_LABEL = { min: 1, max: 100 } as const;
const DESCRIPTION = { max: 500 } as const;
const NUMBERS =
  'A number on its own range: `value`, `best` and `worst` are given together (best and worst differ, value between them), or none of them.';

@InputType('CreateRatingInput', { description: `A new rating at the end of the scale. ${NUMBERS}` })
export class CreateRatingInput {
  @Field(() => String, { description: 'Unique among the ratings, compared case- and space-insensitively.' })
  @CleanText(RATING_LABEL)
  label: string;

  @Field(() => String, { nullable: true })
  @CleanText(DESCRIPTION)
  description?: string | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => Float, { nullable: true })
  best?: number | null;

  @Field(() => Float, { nullable: true })
  worst?: number | null;

  @Field(() => String, { description: '`#rrggbb`.' })
  colour: string;

  @Field(() => Verdict, { description: 'The normalised verdict it stands for.' })
  verdict: Verdict;
}

@InputType('UpdateRatingInput', {
  description: `Fields left out stay as they are. ${NUMBERS} To take a rating off the numbers, give all three as null.`,
})
export class UpdateRatingInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @CleanText(RATING_LABEL)
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @CleanText(DESCRIPTION)
  description?: string | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => Float, { nullable: true })
  best?: number | null;

  @Field(() => Float, { nullable: true })
  worst?: number | null;

  @Field(() => String, { nullable: true })
  colour?: string | null;

  @Field(() => Verdict, {
    nullable: true,
    description: 'Every fact-check with this rating takes the new verdict (a public correction of each published one).',
  })
  verdict?: Verdict | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, for readers: required to change the label, numbers or verdict of a rating a published fact-check carries (a correction of each).',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('DeleteRatingInput')
export class DeleteRatingInput {
  @Field(() => ID)
  id: string;
}

@InputType('ReorderRatingsInput')
export class ReorderRatingsInput {
  @Field(() => [ID], { description: 'Every rating of the scale, once each, in the new order.' })
  @ArrayMaxSize(MAX_RATINGS)
  ids: string[];
}

@InputType('SetImportedRatingMappingInput')
export class SetImportedRatingMappingInput {
  @Field(() => String, {
    description: "A publisher's rating text (compared without case, accents or punctuation).",
  })
  @CleanText({ min: 1, max: 200 })
  alternateName: string;

  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, for the public record: required when published fact-checks imported with this text change verdict (a correction on each).',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}
