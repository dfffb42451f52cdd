import { Field, ID, InterfaceType } from 'type-graphql';

/** Rows served to GraphQL carry their type name so interfaces can be resolved. */
export interface TypedRow {
  __typename: string;
}

/** Its type is resolved from `__typename`: see buildAppSchema. */
@InterfaceType('Node', {
  description: 'An object with an opaque global id, fetchable with node(id).',
  resolveType: (value: TypedRow) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id: string;
}
