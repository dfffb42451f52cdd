import type { IncomingMessage } from 'node:http';
import type { AppContext } from '../app/context';
import { contextFor, type Services } from '../app/services';
import type { Database } from '../db/database';
import type { RequestInfo } from './observability';
import type { SessionCookie } from './session-cookie';
import { viewerFromRequest } from './viewer';

/**
 * Returns the per-request context factory: services are stateless and shared; the viewer
 * comes from the bearer token or the session cookie (viewer.ts); loaders are fresh.
 */
export function createContextFactory(
  db: Database,
  services: Services,
  cookie: SessionCookie | null = null,
): (request: {
  req: Pick<IncomingMessage, 'headers'> & { socket?: IncomingMessage['socket'] };
  res: { locals: Record<string, unknown> };
}) => Promise<AppContext> {
  return async ({ req, res }) => ({
    ...contextFor(db, services, await viewerFromRequest(services.auth, req, cookie)),
    request: res.locals.request as RequestInfo | undefined,
  });
}
