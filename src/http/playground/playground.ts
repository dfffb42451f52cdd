import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../../paths';
import { jsonForScript } from '../reader/html';

/**
 * GraphiQL served entirely from this server: React 18 and GraphiQL 3 ship UMD bundles that
 * need no build step, so the playground works with no internet (Apollo's default landing
 * page loads its assets from a CDN and is turned off).
 */
const NODE_MODULES = path.join(PROJECT_ROOT, 'node_modules');
const ASSETS: Record<string, string> = {
  'react.js': path.join(NODE_MODULES, 'react', 'umd', 'react.production.min.js'),
  'react-dom.js': path.join(NODE_MODULES, 'react-dom', 'umd', 'react-dom.production.min.js'),
  'graphiql.js': path.join(NODE_MODULES, 'graphiql', 'graphiql.min.js'),
  'graphiql.css': path.join(NODE_MODULES, 'graphiql', 'graphiql.min.css'),
  // The subscriptions client (graphql-ws's own browser build).
  'graphql-ws.js': path.join(NODE_MODULES, 'graphql-ws', 'umd', 'graphql-ws.min.js'),
  // Plain browser JavaScript, read from the source tree (tsc does not copy it to dist/).
  'playground.js': path.join(PROJECT_ROOT, 'src', 'http', 'playground', 'playground.client.js'),
};

export const PLAYGROUND_ASSET_PREFIX = '/playground/assets';

export interface PlaygroundOptions {
  endpoint: string;
  /** The example tabs the playground opens with. */
  tabs: { query: string; variables?: string; headers?: string }[];
}

/** Only scripts and styles of this origin run; nothing is fetched from elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // 'self' covers ws: and wss: to this host too (CSP 3): subscriptions.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function renderPage(options: PlaygroundOptions): string {
  const asset = (name: string) => `${PLAYGROUND_ASSET_PREFIX}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factline · GraphQL playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script type="application/json" id="playground-config">${jsonForScript(options).value}</script>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script src="${asset('graphql-ws.js')}"></script>
<script src="${asset('playground.js')}"></script>
</body>
</html>
`;
}

/** Serves the playground on GET of `paths` to browsers, and its assets. */
export function playgroundRouter(paths: string[], options: PlaygroundOptions): Router {
  const router = express.Router();
  const page = renderPage(options);
  for (const [name, file] of Object.entries(ASSETS)) {
    if (!fs.existsSync(file)) throw new Error(`playground asset missing: ${file}`);
    router.get(`${PLAYGROUND_ASSET_PREFIX}/${name}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=3600');
      res.sendFile(file);
    });
  }
  router.get(paths, (req, res, next) => {
    // A GET carrying a query, or a client that does not want HTML, is a GraphQL request.
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type('html').send(page);
  });
  return router;
}
