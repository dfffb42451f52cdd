import { viewerFromHeaders } from '../http/viewer';
import type { IncomingHttpHeaders } from 'node:http';
import type { Database } from '../db/database';
import type { EventBus } from '../events/change-events';
import type { SqlReader } from '../db/sql-reader';
import { type AnnotationLoaders, createAnnotationLoaders } from '../modules/annotation/annotation.loaders';
import { AnnotationService } from '../modules/annotation/annotation.service';
import { createHistoryLoaders, type HistoryLoaders } from '../modules/annotation/history.loaders';
import { type ArticleHistoryLoaders, createArticleHistoryLoaders } from '../modules/article/article-history.loaders';
import { type ArticleLoaders, createArticleLoaders } from '../modules/article/article.loaders';
import { ArticleEditService } from '../modules/article/article-edit.service';
import { ArticleService } from '../modules/article/article.service';
import { createPointInTimeLoaders, type PointInTimeLoaders } from '../modules/article/point-in-time.loaders';
import { AuthService } from '../modules/auth/auth.service';
import type { Viewer } from '../modules/auth/viewer';
import type { RequestInfo } from '../http/observability';
import { type Visibility, visibilityFor } from '../modules/auth/visibility';
import { type ClaimLoaders, createClaimLoaders } from '../modules/claim/claim.loaders';
import { ClaimService } from '../modules/claim/claim.service';
import { createSourceLoaders, type SourceLoaders } from '../modules/source/source.loaders';
import { SearchService } from '../modules/search/search.service';
import { SourceService } from '../modules/source/source.service';
import { createUserLoaders, type UserLoaders } from '../modules/user/user.loaders';
import { UserService } from '../modules/user/user.service';

export type Loaders = ArticleLoaders & ArticleHistoryLoaders & ClaimLoaders & AnnotationLoaders & HistoryLoaders & SourceLoaders & UserLoaders;

export interface Services {
  auth: AuthService;
  articles: ArticleService;
  articleEdits: ArticleEditService;
  claims: ClaimService;
  sources: SourceService;
  annotations: AnnotationService;
  users: UserService;
  search: SearchService;
}

/** What every resolver receives. Loaders are per request and never shared between requests. */
export interface AppContext {
  viewer: Viewer;
  visibility: Visibility;
  loaders: Loaders;
  /** Loaders of point-in-time reads, one set per moment asked for in the request. */
  at(asOf: Date): PointInTimeLoaders;
  services: Services;
  /** Committed changes, for subscriptions. */
  events: EventBus;
  /**
   * Fresh loaders, same viewer. A subscription keeps one context for its lifetime and calls
   * this before each event, so no event is answered from rows cached for an earlier one.
   */
  renew(): void;
  /** The HTTP request this operation came in (absent when executed without HTTP). */
  request?: RequestInfo;
}

export function createLoaders(reader: SqlReader, viewer: Viewer): Loaders {
  const visibility = visibilityFor(viewer);
  return {
    ...createArticleLoaders(reader, visibility),
    ...createArticleHistoryLoaders(reader, viewer),
    ...createClaimLoaders(reader, visibility),
    ...createAnnotationLoaders(reader, visibility),
    ...createHistoryLoaders(reader, viewer),
    ...createSourceLoaders(reader, visibility),
    ...createUserLoaders(reader, visibility),
  };
}

export function createServices(db: Database): Services {
  return {
    auth: new AuthService({ db }),
    articles: new ArticleService({ db }),
    articleEdits: new ArticleEditService({ db }),
    claims: new ClaimService({ db }),
    sources: new SourceService({ db }),
    annotations: new AnnotationService({ db }),
    users: new UserService({ db }),
    search: new SearchService({ db }),
  };
}

/** The context of one request made by `viewer`. */
export function contextFor(db: Database, services: Services, viewer: Viewer): AppContext {
  const moments = new Map<number, PointInTimeLoaders>();
  const at = (asOf: Date) => {
    let loaders = moments.get(asOf.getTime());
    if (!loaders) moments.set(asOf.getTime(), (loaders = createPointInTimeLoaders(db.reader, asOf)));
    return loaders;
  };
  const context: AppContext = {
    viewer,
    visibility: visibilityFor(viewer),
    loaders: createLoaders(db.reader, viewer),
    at,
    services,
    events: db.events,
    renew() {
      context.loaders = createLoaders(db.reader, viewer);
      moments.clear();
    },
  };
  return context;
}

/**
 * Returns the per-request context factory: services are stateless and shared; the viewer
 * comes from the bearer token; loaders are fresh.
 */
export function createContextFactory(
  db: Database,
  services: Services,
): (request: { req: { headers: IncomingHttpHeaders }; res: { locals: Record<string, unknown> } }) => Promise<AppContext> {
  return async ({ req, res }) => ({ ...contextFor(db, services, await viewerFromHeaders(services.auth, req.headers)), request: res.locals.request as RequestInfo | undefined });
}
