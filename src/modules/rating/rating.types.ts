import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { Node } from '../../graphql/relay/node.type';
import { Verdict } from '../annotation/verdict';

/**
 * The GraphQL types of the rating module: the organisation's scale (ScaleRating, public), a
 * fact-check's rating as shown with it (Rating), and the imported-rating table (ADMIN).
 */

/** A rating of the scale as the loaders return it (rating.queries.ts ratingColumns). */
export interface ScaleRatingRow {
  __typename: 'ScaleRating';
  id: number;
  label: string;
  description: string | null;
  value: number | null;
  best: number | null;
  worst: number | null;
  colour: string;
  position: number;
  verdict: Verdict;
}

@ObjectType('ScaleRating', {
  implements: Node,
  simpleResolvers: true,
  description: "One rating of the organisation's published scale (ratingScale).",
})
export class ScaleRating {
  @Field(() => String, { description: 'The rating in words, as readers read it; unique, case-insensitively.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'What it means, in a line.' })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'Its number on its own best..worst range; null off the numbers.' })
  value: number | null;

  @Field(() => Float, { nullable: true })
  best: number | null;

  @Field(() => Float, { nullable: true })
  worst: number | null;

  @Field(() => String, { description: 'Its colour, `#rrggbb`; always shown with the label in words.' })
  colour: string;

  @Field(() => Int, { description: 'Its place in the scale, 0 first.' })
  position: number;

  @Field(() => Verdict, { description: 'The normalised, cross-organisation verdict it stands for.' })
  verdict: Verdict;
}

@ObjectType('Rating', {
  simpleResolvers: true,
  description:
    "A fact-check's rating: the organisation's (ratingScale), or for an imported fact-check its publisher's own words and numbers (`imported`), in the colour of the verdict it was mapped to.",
})
export class Rating {
  @Field(() => String, { description: 'The rating in words; ClaimReview alternateName.' })
  label: string;

  @Field(() => Float, { nullable: true, description: 'Its number on best..worst; null for ratings off the numbers.' })
  value: number | null;

  @Field(() => Float, { nullable: true })
  best: number | null;

  @Field(() => Float, { nullable: true })
  worst: number | null;

  @Field(() => String, { description: '`#rrggbb`.' })
  colour: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Boolean, { description: "True when label and numbers are an imported fact-check's publisher's own." })
  imported: boolean;
}

@ObjectType('DeleteRatingPayload', { simpleResolvers: true })
export class DeleteRatingPayload {
  @Field(() => ID)
  deletedRatingId: string;

  @Field(() => [ScaleRating], { description: 'The scale as it now stands.' })
  ratingScale: ScaleRatingRow[];
}

export interface ImportedRatingMappingRow {
  alternateName: string;
  verdict: Verdict | null;
  factChecks: number;
}

@ObjectType('ImportedRatingMapping', {
  simpleResolvers: true,
  description: "A publisher's rating text met in a ClaimReview import and the verdict it maps to.",
})
export class ImportedRatingMapping {
  @Field(() => String)
  alternateName: string;

  @Field(() => Verdict, { nullable: true, description: 'Null while nobody has mapped it.' })
  verdict: Verdict | null;

  @Field(() => Int, { description: 'How many fact-checks carry this rating text (compared as rating keys).' })
  factChecks: number;
}

export interface UnmappedImportedRatingRow {
  alternateName: string;
  firstSeenAt: SqlTimestamp;
  factChecks: number;
}

@ObjectType('UnmappedImportedRating', {
  simpleResolvers: true,
  description:
    'A rating text met in a ClaimReview import that no verdict is mapped to yet: its fact-checks are UNVERIFIABLE, shown with the text, until an ADMIN maps it (setImportedRatingMapping).',
})
export class UnmappedImportedRating {
  @Field(() => String)
  alternateName: string;

  @Field(() => DateTime)
  firstSeenAt: SqlTimestamp;

  @Field(() => Int, { description: 'How many fact-checks carry it (drafts and retracted ones included).' })
  factChecks: number;
}
