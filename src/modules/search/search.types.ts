import { DateTime } from '../../graphql/date-time';
import { ArrayMaxSize } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, type TypedRow } from '../../graphql/relay/node.type';
import { Verdict } from '../annotation/verdict';

export enum SearchTypeEnum {
  ARTICLE = 'ARTICLE',
  CLAIM = 'CLAIM',
  ANNOTATION = 'ANNOTATION',
  SOURCE = 'SOURCE',
}

registerEnumType(SearchTypeEnum, { name: 'SearchType', description: 'What kind of object a search hit is.' });

@InputType('SearchFilter')
export class SearchFilter {
  @Field(() => [SearchTypeEnum], { nullable: true, description: 'Only these kinds of objects (all by default).' })
  @ArrayMaxSize(4)
  types?: SearchTypeEnum[] | null;

  @Field(() => Verdict, {
    nullable: true,
    description: 'Claims and fact-checks with this verdict, articles with such a claim.',
  })
  verdict?: Verdict | null;

  @Field(() => String, { nullable: true, description: 'Language of the article (sources have none and drop out).' })
  language?: string | null;

  @Field(() => DateTime, { nullable: true })
  publishedAfter?: Date | null;

  @Field(() => DateTime, { nullable: true })
  publishedBefore?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Articles and claims filed under the topic of this slug, and fact-checks of such claims (sources drop out).',
  })
  topic?: string | null;
}

@ObjectType('Highlight', {
  simpleResolvers: true,
  description: 'A matched stretch of a snippet: [start, end) in UTF-16 code units.',
})
export class Highlight {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('Snippet', {
  simpleResolvers: true,
  description: 'Plain text around the match; render the highlights yourself (no markup in the text).',
})
export class SnippetType {
  @Field(() => String)
  text: string;

  @Field(() => [Highlight])
  highlights: Highlight[];
}

/** A hit; `snippet` and `node` are functions, called by SearchHitResolver only when the client asks for them. */
@ObjectType('SearchHit', { simpleResolvers: true })
export class SearchHit {
  @Field(() => SearchTypeEnum)
  type: SearchTypeEnum;

  @Field(() => Float, { description: 'Relevance, higher is better; comparable within one search only.' })
  score: number;

  @Field(() => String, {
    description: "The field that matched best, e.g. headline, body, quote, text (a claim's own words), summary, title.",
  })
  field: string;

  @Field(() => SnippetType)
  snippet: () => Promise<SnippetType>;

  @Field(() => Node)
  node: () => Promise<TypedRow | null>;
}
