import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserType } from '../user/user.types';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { Node, type TypedRow } from '../../graphql/relay/node.type';
import { Verdict } from '../annotation/verdict';
import type { UserRow } from '../user/user.loaders';
import { ArticleStatus } from './article.entity';

/*
 * The article module's GraphQL object types. Their fields are what the resolvers return: rows
 * read by the module's statements (timestamps as the database's text, authors parsed), never
 * entities.
 */

registerEnumType(ArticleStatus, { name: 'ArticleStatus' });

/** A news story whose body holds the claims being checked, as served: without its body unless a point-in-time read set it. */
@ObjectType('Article', {
  implements: Node,
  simpleResolvers: true,
  description: 'A news story with its check-worthy claims.',
})
export class Article implements TypedRow {
  __typename: 'Article';

  /** The database id; the `id` field serves it as a global id. */
  id: number;

  @Field(() => String, { description: 'Unique, url-safe name.' })
  slug: string;

  @Field(() => String)
  headline: string;

  @Field(() => String, { nullable: true, description: 'The summary line under the headline.' })
  standfirst: string | null;

  /** Present on point-in-time rows only (the body as of `asOf`); otherwise the `body` field loads it. */
  @Field(() => String, { description: 'Plain text; paragraphs are separated by a blank line.' })
  body?: string;

  @Field(() => [String], { description: 'Byline names.' })
  authors: string[];

  @Field(() => String, { nullable: true })
  section: string | null;

  @Field(() => String, { description: 'BCP 47 language tag.' })
  language: string;

  @Field(() => String, { nullable: true, description: 'Canonical url of the story.' })
  url: string | null;

  @Field(() => DateTime, { nullable: true })
  publishedAt: SqlTimestamp | null;

  @Field(() => ArticleStatus)
  status: ArticleStatus;

  @Field(() => Int, { description: 'Increments on every change; send it back as expectedVersion.' })
  version: number;

  @Field(() => Int, { description: 'Number of the current revision (1 = as first written).' })
  revision: number;

  /** Set on a point-in-time read: the text and everything under it are as of this moment. */
  asOf?: Date;
}

/** The article's text as of one revision. */
@ObjectType('ArticleRevision', { simpleResolvers: true, description: "An article's text as of one revision." })
export class ArticleRevision {
  articleId: number;

  @Field(() => Int, { description: '1 is the text as first written; each change adds one.' })
  number: number;

  @Field(() => String)
  headline: string;

  @Field(() => String, { nullable: true })
  standfirst: string | null;

  /** Null for anonymous readers: they see the correction notes, not the earlier text. */
  @Field(() => String, {
    nullable: true,
    description: 'The body as of this revision (editors and reviewers; null for readers).',
  })
  body: string | null;

  @Field(() => UserType, { nullable: true, description: 'Who made the change (editors and reviewers only).' })
  editor: UserRow | null;

  @Field(() => String, { nullable: true, description: 'The correction note shown to readers.' })
  note: string | null;

  /** A Date: histories are cut at a point-in-time read's moment by comparing them (until). */
  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType('VerdictCount', { simpleResolvers: true, description: 'How many claims carry a verdict.' })
export class VerdictCount {
  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => Int)
  count: number;
}
