import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The SDL as committed: sorted, so reordering code does not count as drift. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
