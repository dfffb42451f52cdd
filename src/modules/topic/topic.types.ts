import { Field, ObjectType } from 'type-graphql';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { Node } from '../../graphql/relay/node.type';
import type { TopicRow } from './topic.rows';

/**
 * A topic as GraphQL serves it: what the loaders return (TopicRow). The fields without a
 * decorator are served through TopicResolver (the global id, its articles and claims).
 */
@ObjectType('Topic', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A subject articles and claims are filed under. Readers see a topic once a published article, or a claim of one, carries it.',
})
export class Topic implements TopicRow {
  __typename: string;

  id: number;

  @Field(() => String, { description: 'Its reader page is /topics/<slug>; kept when the name changes.' })
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'What it covers, in a line or two.' })
  description: string | null;

  @Field(() => DateTime)
  createdAt: SqlTimestamp;

  @Field(() => DateTime)
  updatedAt: SqlTimestamp;
}
