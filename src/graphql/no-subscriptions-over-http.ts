import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * For HTTP only: subscriptions stream over WebSocket on the same path (src/http/websocket.ts).
 * Over HTTP graphql-js would run one as a query and fail without its event.
 */
export const NoSubscriptionsOverHttpRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(
        new GraphQLError(
          'Subscriptions stream over WebSocket (the graphql-transport-ws protocol) on this same path, not over HTTP.',
          { nodes: node },
        ),
      );
    }
  },
});
