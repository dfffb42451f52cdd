import { DateTime } from '../../graphql/date-time';
import { Field, InputType } from 'type-graphql';
import { HttpUrl } from '../../graphql/http-url';
import { CleanText, LIMITS } from '../../graphql/text-rules';
import { SourceKind } from './source.entity';

@InputType('CreateSourceInput')
export class CreateSourceInput {
  @Field(() => String, {
    description: 'http(s) only; stored normalised (lower-case host, no fragment, no utm_* parameters).',
  })
  @CleanText(LIMITS.url)
  @HttpUrl()
  url: string;

  @Field(() => String)
  @CleanText(LIMITS.title)
  title: string;

  @Field(() => String, { nullable: true })
  @CleanText(LIMITS.name)
  publisher?: string | null;

  @Field(() => DateTime, { nullable: true })
  publishedAt?: Date | null;

  @Field(() => SourceKind)
  kind: SourceKind;
}
