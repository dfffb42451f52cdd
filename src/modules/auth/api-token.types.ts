import { Field, ObjectType } from 'type-graphql';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import type { ApiTokenRow } from './auth.queries';

/** An API token as GraphQL serves it: what the resolvers return (ApiTokenRow, never the hash). */
@ObjectType('ApiToken', {
  simpleResolvers: true,
  description: 'An API token (its secret is never shown again after creation).',
})
export class ApiTokenType implements ApiTokenRow {
  /** Served as a global id by ApiTokenResolver. */
  id: number;

  userId: number;

  @Field(() => String, { description: 'What the token is for.' })
  label: string;

  @Field(() => String, { description: 'The first characters of the token, to recognise it.' })
  tokenPrefix: string;

  @Field(() => DateTime)
  createdAt: SqlTimestamp;

  @Field(() => DateTime, { nullable: true })
  lastUsedAt: SqlTimestamp | null;

  @Field(() => DateTime, { nullable: true })
  revokedAt: SqlTimestamp | null;
}
