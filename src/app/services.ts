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
import { AuthService } from '../modules/auth/auth.service';
import type { Viewer } from '../modules/auth/viewer';
import type { AppContext, Loaders, Services } from './context';

export type { Loaders, Services } from './context';
import { visibilityFor } from '../modules/auth/visibility';
import { createAppearanceLoaders } from '../modules/appearance/appearance.loaders';
import { createClaimLoaders } from '../modules/claim/claim.loaders';
import { ClaimService } from '../modules/claim/claim.service';
import { createClaimantLoaders } from '../modules/claimant/claimant.loaders';
import { ClaimantService } from '../modules/claimant/claimant.service';
import { createSourceLoaders } from '../modules/source/source.loaders';
import { MatchingService } from '../modules/matching/matching.service';
import { SearchService } from '../modules/search/search.service';
import { SourceService } from '../modules/source/source.service';
import { createUserLoaders } from '../modules/user/user.loaders';
import { UserService } from '../modules/user/user.service';

export function createLoaders(reader: SqlReader, viewer: Viewer): Loaders {
  const visibility = visibilityFor(viewer);
  const claimantLoaders = createClaimantLoaders(reader, visibility);
  // A claim read with its article brings its claimant (visible wherever the claim is).
  const claimLoaders = createClaimLoaders(reader, visibility, (id, claimant) =>
    claimantLoaders.claimantById.prime(id, claimant),
  );
  return {
    ...createArticleLoaders(reader, visibility),
    ...createArticleHistoryLoaders(reader, viewer),
    ...claimLoaders,
    ...createAppearanceLoaders(reader, visibility),
    ...claimantLoaders,
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
    claimants: new ClaimantService({ db }),
    sources: new SourceService({ db }),
    annotations: new AnnotationService({ db }),
    users: new UserService({ db }),
    search: new SearchService({ db }),
    matching: new MatchingService({ db }),
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
