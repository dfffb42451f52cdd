import path from 'node:path';
import express, { type Router } from 'express';
import { escapeHtml, jsonForScript } from '../reader/html';
import { readWorkbenchManifest, WORKBENCH_DIST } from './workbench-assets';

export const WORKBENCH_PATH = '/review';
export const WORKBENCH_ASSET_PREFIX = `${WORKBENCH_PATH}/assets`;
/** Paths under /review that are not pages of the application (sign-in routes, assets). */
const NOT_PAGES = new Set(['assets', 'session', 'sso']);

/**
 * Scripts, styles and connections of this origin only: no inline script, no eval. The page's
 * settings travel as a JSON data block, which never runs.
 */
export const WORKBENCH_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // 'self' covers ws: and wss: to this host too (CSP 3): the queue's subscription.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** What the application needs to know before its first request. */
export interface WorkbenchSettings {
  organisation: string;
  /** How staff may sign in: always a password; `sso` when single sign-on is configured. */
  signInMethods: ('password' | 'sso')[];
  /** The single sign-on provider's name for its button (OIDC_NAME), or null for a generic label. */
  ssoName?: string | null;
}

function renderShell(settings: WorkbenchSettings, script: string, stylesheet: string): string {
  const asset = (name: string) => `${WORKBENCH_ASSET_PREFIX}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>Workbench · ${escapeHtml(settings.organisation)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(stylesheet)}">
<script type="module" src="${asset(script)}"></script>
</head>
<body>
<script type="application/json" id="workbench-settings">${jsonForScript(settings).value}</script>
<div id="root"><p class="loading">Loading the workbench…</p></div>
<noscript>The workbench needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * The reviewer's workbench (src/workbench, bundled by the build): its hashed assets, cached for
 * good, and one HTML shell for every page under /review, which the application routes itself.
 * Everything it shows it reads through the public GraphQL API, as the signed-in user.
 */
export function workbenchRouter(settings: WorkbenchSettings): Router {
  const router = express.Router();
  const manifest = readWorkbenchManifest();
  const shell = manifest ? renderShell(settings, manifest.script, manifest.stylesheet) : null;

  router.get(`${WORKBENCH_ASSET_PREFIX}/:name`, (req, res, next) => {
    const { name } = req.params;
    if (!manifest || (name !== manifest.script && name !== manifest.stylesheet)) return next();
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(path.join(WORKBENCH_DIST, name));
  });

  router.get([WORKBENCH_PATH, `${WORKBENCH_PATH}/*rest`], (req, res, next) => {
    const first = Array.isArray(req.params.rest) ? req.params.rest[0] : undefined;
    if (first !== undefined && NOT_PAGES.has(first)) return next();
    res.setHeader('Content-Security-Policy', WORKBENCH_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (!shell) {
      res.status(503).type('text').send('The workbench is not built: run `npm run build`.');
      return;
    }
    res.type('html').send(shell);
  });
  return router;
}
