import express, { type Response, type Router } from 'express';
import type { Services } from '../app/context';
import type { Database } from '../db/database';
import { embedPath, lookUpClaim } from './reader/claim-data';
import { html } from './reader/html';
import { claimWords } from './reader/notes';
import { currentCheck } from './reader/article-data';
import { claimLabel } from './reader/verdicts';

/** The card's size when the consumer sets no bound; it is fluid below that. */
const CARD_WIDTH = 480;
const CARD_HEIGHT = 260;
const MAX_URL_LENGTH = 2048;

/** The two addresses of a claim a consumer may paste: its page and its card. */
const CLAIM_ADDRESS = /^\/(?:embed\/)?claims\/([^/]+)\/?$/;

const MESSAGES = {
  url: 'Pass `url`: the address of a claim page (/claims/<id>) or claim card (/embed/claims/<id>) of this service.',
  malformedUrl: '`url` must be an absolute http(s) address.',
  size: '`maxwidth` and `maxheight` must be whole numbers of pixels, at least 1.',
  format: 'Only `format=json` is served.',
  missing: 'That address is not a published claim of this service.',
};

function fail(res: Response, status: number, field: string, message: string): void {
  const code = status === 404 ? 'NOT_FOUND' : status === 501 ? 'NOT_IMPLEMENTED' : 'BAD_USER_INPUT';
  res.status(status).json({ error: { code, field, message } });
}

/** A size bound: undefined when not given, null when malformed. */
function bound(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) return null;
  return Number(value);
}

/**
 * GET /oembed?url=...&maxwidth=&maxheight=&format=json (oEmbed 1.0): a claim page or card
 * address of this service answers a `rich` response whose html frames the claim card.
 */
export function oembedRouter({
  db,
  services,
  publicUrl,
  organisation,
}: {
  db: Database;
  services: Services;
  publicUrl: string;
  organisation: string;
}): Router {
  const router = express.Router();
  const origin = new URL(publicUrl).origin;
  router.get('/oembed', async (req, res) => {
    const { url, format, maxwidth, maxheight } = req.query;
    if (format !== undefined && format !== 'json') return fail(res, 501, 'format', MESSAGES.format);
    if (typeof url !== 'string' || url === '') return fail(res, 400, 'url', MESSAGES.url);
    let address: URL;
    try {
      if (url.length > MAX_URL_LENGTH) throw new Error('too long');
      address = new URL(url);
      if (address.protocol !== 'http:' && address.protocol !== 'https:') throw new Error('not http');
    } catch {
      return fail(res, 400, 'url', MESSAGES.malformedUrl);
    }
    const maxWidth = bound(maxwidth);
    const maxHeight = bound(maxheight);
    if (maxWidth === null) return fail(res, 400, 'maxwidth', MESSAGES.size);
    if (maxHeight === null) return fail(res, 400, 'maxheight', MESSAGES.size);
    const id = address.origin === origin ? CLAIM_ADDRESS.exec(address.pathname)?.[1] : undefined;
    const found = id ? await lookUpClaim(db, services, id) : null;
    // A merged claim's address frames the claim it was merged into.
    const view =
      found?.kind === 'claim'
        ? found.view
        : found?.kind === 'merged'
          ? await lookUpClaim(db, services, found.id).then((again) => (again.kind === 'claim' ? again.view : null))
          : null;
    if (!view) return fail(res, 404, 'url', MESSAGES.missing);
    const { claim } = view;
    const width = Math.min(CARD_WIDTH, maxWidth ?? CARD_WIDTH);
    const height = Math.min(CARD_HEIGHT, maxHeight ?? CARD_HEIGHT);
    // The card's own title: the claim's current fact-check's rating in words.
    const title = `${claimLabel(claim.verdict, currentCheck(view.annotations))}: “${claimWords(claim)}”`;
    const src = `${publicUrl}${embedPath(claim.id)}`;
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json({
      version: '1.0',
      type: 'rich',
      title,
      provider_name: organisation,
      provider_url: publicUrl,
      cache_age: 60,
      width,
      height,
      html: html`<iframe src="${src}" width="${width}" height="${height}" title="${title}" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-popups allow-popups-to-escape-sandbox" style="border:0;max-width:100%"></iframe>`
        .value,
    });
  });
  return router;
}
