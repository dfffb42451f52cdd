import { DateTime } from '../../graphql/date-time';
import { ArrayMaxSize, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { HttpUrl } from '../../graphql/http-url';
import { BCP47, CleanText, LIMITS } from '../../graphql/text-rules';
import { Verdict } from '../annotation/verdict';
import { ArticleStatus } from './article.entity';

const MAX_AUTHORS = 20;

export enum ArticleOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
}

registerEnumType(ArticleOrder, {
  name: 'ArticleOrder',
  description: 'Order of the article list; newest first by default.',
});

@InputType('ArticleFilter')
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Exact section name.' })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "en".' })
  language?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Published at or after this time.' })
  publishedAfter?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Published before this time.' })
  publishedBefore?: Date | null;

  @Field(() => Verdict, {
    nullable: true,
    description: 'Articles with at least one claim whose current verdict is this.',
  })
  verdict?: Verdict | null;

  @Field(() => ArticleStatus, {
    nullable: true,
    description: 'Only articles in this status (readers see PUBLISHED only).',
  })
  status?: ArticleStatus | null;

  @Field(() => String, { nullable: true, description: 'Articles filed under the topic of this slug.' })
  topic?: string | null;
}

@InputType('CreateArticleInput')
export class CreateArticleInput {
  @Field(() => String, { description: 'Unique; lower-case letters, digits and single hyphens.' })
  @CleanText(LIMITS.slug)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single hyphens' })
  slug: string;

  @Field(() => String)
  @CleanText(LIMITS.headline)
  headline: string;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.standfirst)
  standfirst?: string | null;

  @Field(() => String, { description: 'Plain text; paragraphs separated by a blank line.' })
  @CleanText(LIMITS.articleBody)
  body: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_AUTHORS)
  @CleanText(LIMITS.name, { each: true })
  authors: string[];

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.section)
  section?: string | null;

  @Field(() => String, { defaultValue: 'en', description: 'BCP 47 language tag.' })
  @CleanText(LIMITS.language)
  @Matches(BCP47, { message: 'language must be a BCP 47 tag such as en or pt-BR' })
  language: string;

  @Field(() => String, { nullable: true, description: 'http(s) only; stored normalised as source urls are.' })
  @CleanText(LIMITS.url)
  @HttpUrl()
  url?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Planned or actual publication time.' })
  publishedAt?: Date | null;
}

@InputType('UpdateArticleInput', {
  description:
    'Fields left out stay as they are. A new headline, standfirst or body makes a new revision; a new body re-anchors every claim.',
})
export class UpdateArticleInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one fails CONFLICT.' })
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.headline)
  headline?: string | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.standfirst)
  standfirst?: string | null;

  @Field(() => String, { nullable: true, description: 'The corrected body; claims are located again in it.' })
  @CleanText(LIMITS.articleBody)
  body?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The correction note readers see; required when the body of a published article changes.',
  })
  @CleanText(LIMITS.note)
  changeNote?: string | null;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(MAX_AUTHORS)
  @CleanText(LIMITS.name, { each: true })
  authors?: string[] | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.section)
  section?: string | null;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.language)
  @Matches(BCP47, { message: 'language must be a BCP 47 tag such as en or pt-BR' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) only; stored normalised as source urls are.' })
  @CleanText(LIMITS.url)
  @HttpUrl()
  url?: string | null;

  @Field(() => DateTime, { nullable: true })
  publishedAt?: Date | null;
}

@InputType('ArticleTransitionInput')
export class ArticleTransitionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change fails CONFLICT unless this is the current version.',
  })
  @Min(1)
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a published article is withdrawn: required to archive one, and shown to readers at its address.',
  })
  @CleanText(LIMITS.note)
  note?: string | null;
}
