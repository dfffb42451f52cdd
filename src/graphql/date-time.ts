import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { isoFromSqlTimestamp } from '../db/sql-dates';

const base = GraphQLDateTime.toConfig();

/**
 * graphql-scalars' DateTime (same name, description, input parsing and JSON output), serialized
 * to the ISO string instead of a Date:
 * - its own serialize leaves Date objects in the result for JSON.stringify to convert through
 *   `toJSON`, and that one call per date sends the whole response down V8's slow stringify
 *   path, however few dates it holds;
 * - rows read with SQL carry timestamps as the database's text (SqlTimestamp), rewritten here
 *   as ISO text without making a Date.
 */
export const DateTime = new GraphQLScalarType({
  ...base,
  serialize(value) {
    if (typeof value === 'string') {
      const iso = isoFromSqlTimestamp(value);
      if (iso !== null) return iso;
    }
    const serialized = base.serialize(value);
    return serialized instanceof Date ? serialized.toISOString() : serialized;
  },
});
