/**
 * The composition root: the one place where services and per-request loaders are built and
 * wired to a database. main.ts, the HTTP layer (GraphQL, subscriptions, reader pages), the CLIs
 * and the tests all start here.
 */
import type { Database } from '../db/database';
import type { SqlReader } from '../db/sql-reader';
import { createAnnotationLoaders } from '../modules/annotation/annotation.loaders';
import { AnnotationService } from '../modules/annotation/annotation.service';
import { createHistoryLoaders } from '../modules/annotation/history.loaders';
import { createArticleHistoryLoaders } from '../modules/article/article-history.loaders';
import { createArticleLoaders } from '../modules/article/article.loaders';
import { ArticleEditService } from '../modules/article/article-edit.service';
import { ArticleService } from '../modules/article/article.service';
import { createPointInTimeLoaders, type PointInTimeLoaders } from '../modules/article/point-in-time.loaders';
import { AuthService, type SessionSettings } from '../modules/auth/auth.service';
import { SignInService } from '../modules/auth/sign-in.service';
import { ANONYMOUS, type Viewer } from '../modules/auth/viewer';
import type { AppContext, Loaders, Services } from './context';

export type { Loaders, Services } from './context';
import { type Visibility, visibilityFor } from '../modules/auth/visibility';
import { createAppearanceLoaders } from '../modules/appearance/appearance.loaders';
import { createClaimLoaders } from '../modules/claim/claim.loaders';
import { ClaimService } from '../modules/claim/claim.service';
import { createClaimantLoaders } from '../modules/claimant/claimant.loaders';
import { ClaimantService } from '../modules/claimant/claimant.service';
import { createSourceLoaders } from '../modules/source/source.loaders';
import { MatchingService } from '../modules/matching/matching.service';
import { SearchService } from '../modules/search/search.service';
import { SourceService } from '../modules/source/source.service';
import { createRatingLoaders } from '../modules/rating/rating.loaders';
import { RatingService } from '../modules/rating/rating.service';
import { createTopicLoaders } from '../modules/topic/topic.loaders';
import { TopicService } from '../modules/topic/topic.service';
import { WebhookService } from '../modules/webhook/webhook.service';
import { createUserLoaders } from '../modules/user/user.loaders';
import { UserService } from '../modules/user/user.service';

/** The loader groups of a request; each is made the first time one of its loaders is used. */
const LOADER_GROUPS: ReadonlyArray<
  (reader: SqlReader, viewer: Viewer, visibility: Visibility, all: Loaders) => object
> = [
  (reader, _viewer, visibility) => createArticleLoaders(reader, visibility),
  (reader, viewer) => createArticleHistoryLoaders(reader, viewer),
  // A claim read with its article brings its claimant (visible wherever the claim is).
  (reader, _viewer, visibility, all) =>
    createClaimLoaders(reader, visibility, (id, claimant) => all.claimantById.prime(id, claimant)),
  (reader, _viewer, visibility) => createAppearanceLoaders(reader, visibility),
  (reader, _viewer, visibility) => createClaimantLoaders(reader, visibility),
  (reader, _viewer, visibility) => createAnnotationLoaders(reader, visibility),
  (reader, viewer) => createHistoryLoaders(reader, viewer),
  (reader, _viewer, visibility) => createSourceLoaders(reader, visibility),
  (reader, _viewer, visibility) => createUserLoaders(reader, visibility),
  (reader) => createRatingLoaders(reader),
  (reader, _viewer, visibility) => createTopicLoaders(reader, visibility),
];

/**
 * A request's loaders. A request uses a few of the groups, so each is made on first use: a
 * getter per loader name, on the prototype, built once from the names each group makes.
 */
class RequestLoaders {
  private readonly groups: Array<Record<string, unknown> | undefined> = new Array(LOADER_GROUPS.length);

  constructor(
    private readonly reader: SqlReader,
    private readonly viewer: Viewer,
    private readonly visibility: Visibility,
  ) {}

  group(index: number): Record<string, unknown> {
    return (this.groups[index] ??= LOADER_GROUPS[index]!(
      this.reader,
      this.viewer,
      this.visibility,
      this as unknown as Loaders,
    ) as Record<string, unknown>);
  }
}

{
  const probe = new RequestLoaders({} as SqlReader, ANONYMOUS, visibilityFor(ANONYMOUS));
  LOADER_GROUPS.forEach((_, index) => {
    for (const name of Object.keys(probe.group(index))) {
      if (name in probe) throw new Error(`two loaders, or a loader and RequestLoaders, are named ${name}`);
      Object.defineProperty(RequestLoaders.prototype, name, {
        get(this: RequestLoaders) {
          return this.group(index)[name];
        },
      });
    }
  });
}

export function createLoaders(reader: SqlReader, viewer: Viewer): Loaders {
  return new RequestLoaders(reader, viewer, visibilityFor(viewer)) as unknown as Loaders;
}

/** Settings of the services beyond the database (from the configuration). */
export interface ServiceOptions {
  /** http:// webhook endpoints are accepted (ALLOW_HTTP_WEBHOOKS). */
  allowHttpWebhooks?: boolean;
  /** How long sign-in sessions last (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
  sessions?: SessionSettings;
}

export function createServices(db: Database, options: ServiceOptions = {}): Services {
  return {
    auth: new AuthService({ db, sessions: options.sessions }),
    signIn: new SignInService({ db, sessions: options.sessions }),
    articles: new ArticleService({ db }),
    articleEdits: new ArticleEditService({ db }),
    claims: new ClaimService({ db }),
    claimants: new ClaimantService({ db }),
    ratings: new RatingService({ db }),
    sources: new SourceService({ db }),
    annotations: new AnnotationService({ db }),
    users: new UserService({ db }),
    search: new SearchService({ db }),
    matching: new MatchingService({ db }),
    topics: new TopicService({ db }),
    webhooks: new WebhookService({ db, policy: { allowHttp: options.allowHttpWebhooks ?? false } }),
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
    eventLog: db.eventLog,
    renew() {
      context.loaders = createLoaders(db.reader, viewer);
      moments.clear();
    },
  };
  return context;
}
