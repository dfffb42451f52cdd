import type { IncomingHttpHeaders } from 'node:http';
import type { AppContext } from '../app/context';
import { contextFor, type Services } from '../app/services';
import type { Database } from '../db/database';
import type { RequestInfo } from './observability';
import { viewerFromHeaders } from './viewer';

/**
 * Returns the per-request context factory: services are stateless and shared; the viewer
 * comes from the bearer token; loaders are fresh.
 */
export function createContextFactory(
  db: Database,
  services: Services,
): (request: {
  req: { headers: IncomingHttpHeaders };
  res: { locals: Record<string, unknown> };
}) => Promise<AppContext> {
  return async ({ req, res }) => ({
    ...contextFor(db, services, await viewerFromHeaders(services.auth, req.headers)),
    request: res.locals.request as RequestInfo | undefined,
  });
}
