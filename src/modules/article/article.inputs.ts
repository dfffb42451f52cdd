import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { Verdict } from '../annotation/verdict';

export enum ArticleOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
}

registerEnumType(ArticleOrder, { name: 'ArticleOrder', description: 'Order of the article list; newest first by default.' });

@InputType('ArticleFilter')
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Exact section name.' })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "en".' })
  language?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Published at or after this time.' })
  publishedAfter?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Published before this time.' })
  publishedBefore?: Date | null;

  @Field(() => Verdict, { nullable: true, description: 'Articles with at least one claim whose current verdict is this.' })
  verdict?: Verdict | null;
}
