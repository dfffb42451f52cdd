import type { Database } from '../db/database';
import type { SqlReader } from '../db/sql-reader';
import { type AnnotationLoaders, createAnnotationLoaders } from '../modules/annotation/annotation.loaders';
import { type ArticleLoaders, createArticleLoaders } from '../modules/article/article.loaders';
import { ArticleService } from '../modules/article/article.service';
import { type ClaimLoaders, createClaimLoaders } from '../modules/claim/claim.loaders';
import { ClaimService } from '../modules/claim/claim.service';
import { createSourceLoaders, type SourceLoaders } from '../modules/source/source.loaders';
import { SourceService } from '../modules/source/source.service';

export type Loaders = ArticleLoaders & ClaimLoaders & AnnotationLoaders & SourceLoaders;

export interface Services {
  articles: ArticleService;
  claims: ClaimService;
  sources: SourceService;
}

/** What every resolver receives. Loaders are per request and never shared between requests. */
export interface AppContext {
  loaders: Loaders;
  services: Services;
}

export function createLoaders(reader: SqlReader): Loaders {
  return {
    ...createArticleLoaders(reader),
    ...createClaimLoaders(reader),
    ...createAnnotationLoaders(reader),
    ...createSourceLoaders(reader),
  };
}

export function createServices(db: Database): Services {
  return {
    articles: new ArticleService({ reader: db.reader }),
    claims: new ClaimService({ reader: db.reader }),
    sources: new SourceService({ reader: db.reader }),
  };
}

/** Returns the per-request context factory: services are stateless and shared, loaders fresh. */
export function createContextFactory(db: Database): () => Promise<AppContext> {
  const services = createServices(db);
  return async () => ({ loaders: createLoaders(db.reader), services });
}
