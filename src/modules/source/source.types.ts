import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { Node } from '../../graphql/relay/node.type';
import { SourceKind } from './source.entity';
import type { SourceRow } from './source.rows';

registerEnumType(SourceKind, { name: 'SourceKind' });

/** A source as GraphQL serves it: what the loaders return (SourceRow); `id` is the global id (SourceResolver). */
@ObjectType('Source', {
  implements: Node,
  simpleResolvers: true,
  description: 'A piece of evidence cited by fact-checks.',
})
export class Source implements SourceRow {
  __typename: string;

  id: number;

  @Field(() => String, { description: 'Normalised url (unique).' })
  url: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => DateTime, { nullable: true })
  publishedAt: SqlTimestamp | null;

  @Field(() => SourceKind)
  kind: SourceKind;

  @Field(() => DateTime, { nullable: true, description: 'When a reviewer last read the source.' })
  accessedAt: SqlTimestamp | null;
}
