import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.type';
import { Role } from './role';
import type { UserRow } from './user.loaders';

/**
 * A newsroom account as GraphQL serves it: what the resolvers return (UserRow). Readers see the
 * names of those who wrote public fact-checks, nothing more; `id` and `role` are resolved by
 * UserResolver (the global id; the role for staff only).
 */
@ObjectType('User', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A newsroom member: the author of fact-checks. Anonymous readers see only those who wrote or changed a public fact-check, and no roles.',
})
export class UserType implements UserRow {
  __typename: string;

  id: number;

  @Field(() => String, { description: 'Display name.' })
  name: string;

  @Field(() => Role, { nullable: true, description: 'Staff only: null for anonymous readers.' })
  role: Role;
}
