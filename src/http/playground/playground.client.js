/* global React, ReactDOM, GraphiQL, document */
// Starts GraphiQL with the configuration the server embedded in the page.
(function startPlayground() {
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });
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
