import { DomainError, ErrorCode } from '../domain/errors';
import express, { type Router } from 'express';
import type { ClaimReviewService } from '../modules/claimreview/claim-review.service';

/**
 * GET /claimreview.json?since=ISO-date&cursor=...: every published ClaimReview, newest first,
 * a page at a time; follow `next` until it is null.
 */
export function claimReviewFeedRouter(reviews: ClaimReviewService, publicUrl: string): Router {
  const router = express.Router();
  router.get('/claimreview.json', async (req, res, next) => {
    const fail = (field: string, message: string) =>
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', field, message } });
    const { since, cursor } = req.query;
    if (since !== undefined && (typeof since !== 'string' || Number.isNaN(Date.parse(since))))
      return fail('since', '`since` must be an ISO 8601 date-time.');
    if (cursor !== undefined && typeof cursor !== 'string')
      return fail('cursor', 'Pass the `next` cursor of the previous page, unchanged.');
    try {
      const page = await reviews.feed({ since: since ? new Date(since) : undefined, cursor: cursor || undefined });
      const nextUrl = page.nextCursor
        ? `${publicUrl}/claimreview.json?${new URLSearchParams({ ...(since ? { since } : {}), cursor: page.nextCursor })}`
        : null;
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json({ items: page.items, next: nextUrl, nextCursor: page.nextCursor });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT)
        return fail(error.field ?? 'query', error.message);
      next(error);
    }
  });
  return router;
}
