import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { Node } from '../../graphql/relay/node.type';
import type { SessionRow } from './auth.queries';
import { SignInMethod } from './sign-in-method';

registerEnumType(SignInMethod, {
  name: 'SignInMethod',
  description: 'How a session was signed in: PASSWORD (POST /review/session) or SSO.',
});

/** A session row as GraphQL serves it (never its hash); `id` and `current` come from SessionResolver. */
export interface SessionNode extends SessionRow {
  __typename: 'Session';
}

export function toSessionNode(row: SessionRow): SessionNode {
  return { __typename: 'Session', ...row };
}

@ObjectType('Session', {
  implements: Node,
  simpleResolvers: true,
  description:
    "A staff member's signed-in browser (the session cookie). Only its user and ADMINs see it; its secret is never shown.",
})
export class SessionType implements SessionNode {
  __typename: 'Session';

  id: number;

  userId: number;

  revokedAt: SqlTimestamp | null;

  @Field(() => DateTime)
  createdAt: SqlTimestamp;

  @Field(() => DateTime, { description: 'The last request with it (to the minute).' })
  lastSeenAt: SqlTimestamp;

  @Field(() => DateTime, { description: 'When it ends whatever its use; it ends sooner when idle.' })
  expiresAt: SqlTimestamp;

  @Field(() => SignInMethod)
  method: SignInMethod;

  @Field(() => String, { nullable: true, description: 'The browser it was signed in from, as it named itself.' })
  userAgent: string | null;
}
