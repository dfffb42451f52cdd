import { ArrayMaxSize, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CleanText, LIMITS } from '../../graphql/text-rules';
import { CreateSourceInput } from '../source/source.inputs';
import { AnnotationStatus } from './annotation.entity';
import { Stance } from './citation.entity';
import { Verdict } from './verdict';

export const MAX_CITATIONS = 20;

@InputType('CitationInput', {
  description: 'Cite an existing source by `sourceId`, or a new one as `source` (exactly one).',
})
export class CitationInput {
  @Field(() => ID, { nullable: true })
  sourceId?: string | null;

  @Field(() => CreateSourceInput, { nullable: true })
  @ValidateNested()
  source?: CreateSourceInput | null;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String, { description: 'The words of the source relied on.' })
  @CleanText(LIMITS.excerpt)
  excerpt: string;
}

@InputType('CreateAnnotationInput')
export class CreateAnnotationInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's rating (ratingScale); the verdict follows from it. Give it or `verdict`.",
  })
  ratingId?: string | null;

  @Field(() => Verdict, {
    nullable: true,
    description: 'The normalised verdict alone: the fact-check takes the first rating of the scale that stands for it.',
  })
  verdict?: Verdict | null;

  @Field(() => String)
  @CleanText(LIMITS.summary)
  summary: string;

  @Field(() => String)
  @CleanText(LIMITS.body)
  body: string;

  @Field(() => [CitationInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_CITATIONS)
  @ValidateNested({ each: true })
  citations: CitationInput[];
}

@InputType('UpdateAnnotationInput', {
  description: 'Fields left out stay as they are; `citations`, when given, replaces them all.',
})
export class UpdateAnnotationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one fails CONFLICT.' })
  @Min(1)
  expectedVersion: number;

  @Field(() => ID, {
    nullable: true,
    description: "Another rating of the organisation's scale; the verdict follows from it.",
  })
  ratingId?: string | null;

  @Field(() => Verdict, {
    nullable: true,
    description:
      'A verdict alone: keeps the rating if it stands for it, else takes the first rating of the scale that does.',
  })
  verdict?: Verdict | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.summary)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.body)
  body?: string | null;

  @Field(() => [CitationInput], { nullable: true })
  @ArrayMaxSize(MAX_CITATIONS)
  @ValidateNested({ each: true })
  citations?: CitationInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why; required when changing a published fact-check.',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}

@InputType('AnnotationTransitionInput')
export class AnnotationTransitionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change fails CONFLICT unless this is the current version.',
  })
  @Min(1)
  expectedVersion?: number | null;
}

@InputType('PublishAnnotationInput')
export class PublishAnnotationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you reviewed; a newer one fails CONFLICT.' })
  @Min(1)
  expectedVersion: number;
}

@InputType('RetractAnnotationInput')
export class RetractAnnotationInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Shown with the retracted fact-check.' })
  @CleanText(LIMITS.reason)
  reason: string;

  @Field(() => Int, { nullable: true })
  @Min(1)
  expectedVersion?: number | null;
}

@InputType('ReturnAnnotationInput', {
  description: 'Sends a fact-check IN_REVIEW back to its author as a DRAFT, saying what to change.',
})
export class ReturnAnnotationInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description:
      'What the author should change (1 to 1000 characters, trimmed): shown to its author and editors as `reviewComment`, and in its revisions; never to readers.',
  })
  @CleanText(LIMITS.note)
  comment: string;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change fails CONFLICT unless this is the current version.',
  })
  @Min(1)
  expectedVersion?: number | null;
}

@InputType('AnnotationFilter', { description: 'Narrows the fact-checks list; the filters given all apply.' })
export class AnnotationFilter {
  @Field(() => [AnnotationStatus], { nullable: true, description: 'Fact-checks in one of these states.' })
  @ArrayMaxSize(4)
  status?: AnnotationStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Fact-checks written by this user.' })
  authorId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: the fact-checks IN_REVIEW you may publish, as an editor: none of their content is yours (four eyes). Nothing for reviewers and readers, who publish nothing. false or null: no filter.',
  })
  awaitingMyReview?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Fact-checks of this article's claims." })
  articleId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Fact-checks of this claim (a merged claim’s id: of the claim it was merged into).',
  })
  claimId?: string | null;
}
