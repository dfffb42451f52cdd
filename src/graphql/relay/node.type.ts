import { Field, ID, InterfaceType } from 'type-graphql';

/** Rows served to GraphQL carry their type name so interfaces can be resolved. */
export interface TypedRow {
  __typename: string;
}

/** Synchronous, for every abstract type (buildAppSchema installs it): no promise per value. */
export function typeNameOf(value: TypedRow): string {
  return value.__typename;
}

/** Its type is resolved from `__typename`: see buildAppSchema. */
@InterfaceType('Node', {
  description: 'An object with an opaque global id, fetchable with node(id).',
  resolveType: typeNameOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id: string;
}
