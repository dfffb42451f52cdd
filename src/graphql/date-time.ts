import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

const base = GraphQLDateTime.toConfig();

/**
 * graphql-scalars' DateTime (same name, description, input parsing and JSON output), serialized
 * to the ISO string instead of a Date. Its own serialize leaves Date objects in the result for
 * JSON.stringify to convert through `toJSON`, and that one call per date sends the whole
 * response down V8's slow stringify path: the article page stringified in twice the time.
 */
export const DateTime = new GraphQLScalarType({
  ...base,
  serialize(value) {
    const serialized = base.serialize(value);
    return serialized instanceof Date ? serialized.toISOString() : serialized;
  },
});
