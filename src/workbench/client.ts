import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import { isSessionProblem } from './errors';

export const GRAPHQL_PATH = '/graphql';

/**
 * The one GraphQL client of the workbench: the public API, as the signed-in user by the session
 * cookie (same origin only, so the browser sends it and the service accepts it), subscriptions
 * over graphql-ws on the same path. An answer saying the session ended calls `onSessionEnded`
 * and leaves the page as it is, so nothing typed is lost while the user signs in again.
 */
export function createApiClient(onSessionEnded: () => void): Client {
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  return new Client({
    url: GRAPHQL_PATH,
    requestPolicy: 'cache-and-network',
    fetchOptions: { credentials: 'same-origin', headers: { accept: 'application/graphql-response+json' } },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isSessionProblem(error)) onSessionEnded();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
