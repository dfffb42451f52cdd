/* global React, ReactDOM, GraphiQL, graphqlWs, document, location */
// Starts GraphiQL with the configuration the server embedded in the page. Queries and
// mutations go over HTTP; subscriptions over WebSocket (graphql-ws) on the same path, with the
// Headers tab's Authorization sent as the connection's token.
(function startPlayground() {
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var httpFetcher = GraphiQL.createFetcher({ url: config.endpoint });
  var socketUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + config.endpoint;
  // One connection per token: a changed Authorization header opens a new one.
  var sockets = {};

  function socketFor(authorization) {
    var key = authorization || '';
    if (!sockets[key]) {
      sockets[key] = graphqlWs.createClient({
        url: socketUrl,
        connectionParams: authorization ? { authorization: authorization } : {},
        lazy: true,
        retryAttempts: 3,
      });
    }
    return sockets[key];
  }

  function isSubscription(params, documentAST) {
    if (!documentAST) return false;
    var operations = documentAST.definitions.filter(function (d) {
      return d.kind === 'OperationDefinition';
    });
    var chosen = params.operationName
      ? operations.filter(function (d) {
          return d.name && d.name.value === params.operationName;
        })[0]
      : operations.length === 1
        ? operations[0]
        : null;
    return Boolean(chosen && chosen.operation === 'subscription');
  }

  function authorizationOf(headers) {
    if (!headers) return null;
    for (var name in headers) if (name.toLowerCase() === 'authorization') return String(headers[name]);
    return null;
  }

  function fetcher(params, options) {
    if (!isSubscription(params, options && options.documentAST)) return httpFetcher(params, options);
    var client = socketFor(authorizationOf(options && options.headers));
    // An observable: GraphiQL shows each result as it arrives and stops on "Stop".
    return {
      subscribe: function (observer) {
        var dispose = client.subscribe(
          { query: params.query, variables: params.variables, operationName: params.operationName },
          {
            next: function (result) {
              observer.next(result);
            },
            // A refused operation arrives as a list of GraphQL errors, shown as a result; a
            // closed socket as an event (4403: the token was refused).
            error: function (error) {
              if (Array.isArray(error)) {
                observer.next({ errors: error });
                observer.complete();
              } else {
                observer.error(
                  error instanceof Error
                    ? error
                    : new Error(
                        'The WebSocket closed: ' + (error && error.code) + ' ' + ((error && error.reason) || ''),
                      ),
                );
              }
            },
            complete: function () {
              observer.complete();
            },
          },
        );
        return { unsubscribe: dispose };
      },
    };
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      // GraphiQL 3 ignores the first tab's variables and headers (graphql/graphiql#3392).
      variables: config.tabs[0].variables,
      headers: config.tabs[0].headers,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
