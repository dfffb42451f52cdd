import { DomainError, ErrorCode } from '../../domain/errors';
import path from 'node:path';
import fs from 'node:fs';
import express, { type Response, type Router } from 'express';
import type { Database } from '../../db/database';
import type { Services } from '../../app/context';
import type { ClaimReviewService } from '../../modules/claimreview/claim-review.service';
import { PROJECT_ROOT } from '../../paths';
import { isWellFormedSlug, loadArticleList, loadArticleView } from './article-data';
import { renderArticlePage } from './article-page';
import { loadClaimantView, renderClaimantPage } from './claimant-page';
import { loadTopicView, renderTopicPage } from './topic-page';
import { lookUpClaim } from './claim-data';
import { renderClaimPage } from './claim-page';
import { EMBED_CSP, renderEmbedCard, renderEmbedGone } from './embed-page';
import type { Html } from './html';
import { errorPage, READER_ASSET_PREFIX, SCALE_STYLESHEET, withdrawalPage } from './layout';
import { scaleStylesheet, stylesheetVersion } from './scale-style';
import { renderListPage } from './list-page';

/** Plain CSS and browser JavaScript, read from the source tree (tsc does not copy them to dist/). */
const ASSET_DIR = path.join(PROJECT_ROOT, 'src', 'http', 'reader', 'assets');
const ASSETS = ['reader.css', 'reader.js', 'embed.css'];

/** Scripts and styles of this origin only: the JSON-LD block is data and never runs. */
export const READER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function sendPage(res: Response, status: number, body: Html, csp = READER_CSP): void {
  res.status(status);
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'public, max-age=60');
  res.type('html').send(body.value);
}

/**
 * Server-rendered reader pages: GET /articles, GET /articles/:slug, GET /claimants/:slug,
 * GET /topics/:slug, GET /claims/:id, the claim card GET /embed/claims/:id, their assets, and
 * the scale's colours GET /reader/scale.css.
 */
export function readerRouter({
  db,
  services,
  reviews,
  publicUrl,
}: {
  db: Database;
  services: Services;
  reviews: ClaimReviewService;
  publicUrl: string;
}): Router {
  const router = express.Router();

  for (const name of ASSETS) {
    const file = path.join(ASSET_DIR, name);
    if (!fs.existsSync(file)) throw new Error(`reader asset missing: ${file}`);
    router.get(`${READER_ASSET_PREFIX}/${name}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.sendFile(file);
    });
  }

  // The scale's colours: public, like the scale. Revalidated by its version (ETag) after a
  // minute, as pages are cached: a colour changed by an ADMIN reaches readers as fast as a page.
  router.get(SCALE_STYLESHEET, async (req, res) => {
    const css = scaleStylesheet(await services.ratings.scale());
    const version = stylesheetVersion(css);
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.setHeader('ETag', version);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.headers['if-none-match'] === version) return res.status(304).end();
    res.type('css').send(css);
  });

  router.get('/articles', async (req, res) => {
    const { after } = req.query;
    if (after !== undefined && typeof after !== 'string') {
      return sendPage(
        res,
        400,
        errorPage('Bad page link', 'That page link is malformed. Start again from the newest articles.'),
      );
    }
    try {
      const list = await loadArticleList(db, services, after || undefined);
      sendPage(res, 200, renderListPage({ ...list, paged: Boolean(after) }));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
        return sendPage(
          res,
          400,
          errorPage(
            'Bad page link',
            'That page link is malformed or out of date. Start again from the newest articles.',
          ),
        );
      }
      throw error;
    }
  });

  router.get('/articles/:slug', async (req, res) => {
    const view = await loadArticleView(db, services, reviews, req.params.slug);
    if (view) return sendPage(res, 200, renderArticlePage(view));
    const withdrawal = isWellFormedSlug(req.params.slug) ? await services.articles.withdrawalOf(req.params.slug) : null;
    if (withdrawal) return sendPage(res, 410, withdrawalPage(withdrawal));
    sendPage(res, 404, errorPage('Article not found', 'There is no published article at this address.'));
  });

  router.get('/claimants/:slug', async (req, res) => {
    const view = await loadClaimantView(db, services, req.params.slug);
    if (view) return sendPage(res, 200, renderClaimantPage(view));
    sendPage(res, 404, errorPage('Claimant not found', 'There is no claimant with checked claims at this address.'));
  });

  router.get('/topics/:slug', async (req, res) => {
    const view = await loadTopicView(db, services, req.params.slug);
    if (view) return sendPage(res, 200, renderTopicPage(view));
    sendPage(res, 404, errorPage('Topic not found', 'There is no topic with published work at this address.'));
  });

  router.get('/claims/:id', async (req, res) => {
    const found = await lookUpClaim(db, services, req.params.id);
    if (found.kind === 'claim') return sendPage(res, 200, renderClaimPage(found.view, publicUrl));
    if (found.kind === 'merged') return res.redirect(301, `/claims/${found.id}`);
    if (found.kind === 'withdrawn') return sendPage(res, 410, withdrawalPage(found.withdrawal));
    sendPage(res, 404, errorPage('Claim not found', 'There is no published claim at this address.'));
  });

  // The only page other sites may frame (EMBED_CSP); its misses are cards too, shown in their frame.
  router.get('/embed/claims/:id', async (req, res) => {
    const found = await lookUpClaim(db, services, req.params.id);
    if (found.kind === 'claim') return sendPage(res, 200, renderEmbedCard(found.view), EMBED_CSP);
    if (found.kind === 'merged') return res.redirect(301, `/embed/claims/${found.id}`);
    const withdrawal = found.kind === 'withdrawn' ? found.withdrawal : null;
    sendPage(res, withdrawal ? 410 : 404, renderEmbedGone(withdrawal), EMBED_CSP);
  });

  return router;
}
