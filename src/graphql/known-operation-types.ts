import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * graphql-js 16 validates `subscription { __typename }` against a schema without a
 * Subscription type and only fails while executing, which Apollo reports as an unexpected
 * error. Refused here instead, as graphql-js 17's KnownOperationTypesRule does.
 */
export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[node.operation];
    if (!root) context.reportError(new GraphQLError(`This service does not support ${node.operation} operations.`, { nodes: node }));
  },
});
