import express, { type Response, type Router } from 'express';
import type { Services } from '../../app/context';
import type { Database } from '../../db/database';
import type { ClaimReviewService } from '../../modules/claimreview/claim-review.service';
import { ATOM_TYPE, atomFeed, type FeedEntry, type FeedMeta } from './atom';
import { claimantEntries, correctionEntries, factCheckEntries, topicEntries } from './feed-data';

/**
 * The Atom feeds: GET /feeds/fact-checks.atom, /feeds/corrections.atom,
 * /feeds/claimants/:slug.atom and /feeds/topics/:slug.atom. Each reads as an anonymous reader
 * does (the reader pages' loaders), so a feed shows nothing a reader page would not. A feed of
 * another list of checked claims is one more route here giving its entries (`checkEntry`) to
 * `send`.
 */
export function feedsRouter({
  db,
  services,
  reviews,
  publicUrl,
  organisation,
}: {
  db: Database;
  services: Services;
  reviews: ClaimReviewService;
  publicUrl: string;
  organisation: string;
}): Router {
  const router = express.Router();
  const send = (res: Response, meta: FeedMeta, entries: readonly FeedEntry[]) => {
    res.setHeader('Content-Type', ATOM_TYPE);
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(atomFeed(publicUrl, organisation, meta, entries));
  };

  router.get('/feeds/fact-checks.atom', async (req, res) => {
    send(
      res,
      {
        title: `${organisation}: fact-checks`,
        subtitle: 'The newest published fact-checks: the claim, who made it and the verdict.',
        path: req.path,
        pagePath: '/articles',
      },
      await factCheckEntries(db, services, reviews, publicUrl),
    );
  });

  router.get('/feeds/corrections.atom', async (req, res) => {
    send(
      res,
      {
        title: `${organisation}: corrections`,
        subtitle: 'Corrections and update notes of published articles and fact-checks, retractions included.',
        path: req.path,
        pagePath: '/articles',
      },
      await correctionEntries(db, services, publicUrl),
    );
  });

  router.get('/feeds/claimants/:slug.atom', async (req, res) => {
    const found = await claimantEntries(db, services, publicUrl, req.params.slug);
    if (!found) {
      res.status(404).type('text/plain').send('There is no claimant with checked claims at this address.');
      return;
    }
    const { claimant, entries } = found;
    send(
      res,
      {
        title: `${organisation}: fact-checks of ${claimant.name}`,
        subtitle: `Fact-checked claims made by ${claimant.name}, newest first.`,
        path: `/feeds/claimants/${encodeURIComponent(claimant.slug)}.atom`,
        pagePath: `/claimants/${encodeURIComponent(claimant.slug)}`,
      },
      entries,
    );
  });

  router.get('/feeds/topics/:slug.atom', async (req, res) => {
    const found = await topicEntries(db, services, publicUrl, req.params.slug);
    if (!found) {
      res.status(404).type('text/plain').send('There is no topic with published work at this address.');
      return;
    }
    const { topic, entries } = found;
    send(
      res,
      {
        title: `${organisation}: fact-checks on ${topic.name}`,
        subtitle: `Fact-checked claims filed under ${topic.name}, newest first.`,
        path: `/feeds/topics/${encodeURIComponent(topic.slug)}.atom`,
        pagePath: `/topics/${encodeURIComponent(topic.slug)}`,
      },
      entries,
    );
  });

  return router;
}
