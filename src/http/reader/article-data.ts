import type { Database } from '../../db/database';
import { contextFor, type Services } from '../../app/services';
import type { AnnotationRow, CitationRow, CorrectionRow } from '../../modules/annotation/annotation.rows';
import { liveAt, type OutsideAppearanceRow } from '../../modules/appearance/appearance.rows';
import { type ClaimStats, claimStatsOf } from '../../modules/article/article.loaders';
import type { ArticleRow } from '../../modules/article/article.rows';
import { ArticleService } from '../../modules/article/article.service';
import { ANONYMOUS } from '../../modules/auth/viewer';
import type { ClaimReviewService } from '../../modules/claimreview/claim-review.service';
import type { ClaimantRow } from '../../modules/claimant/claimant.rows';
import type { ClaimRow } from '../../modules/claim/claim.rows';
import type { ScaleRatingRow } from '../../modules/rating/rating.types';
import type { TopicRow } from '../../modules/topic/topic.rows';
import type { UserRow } from '../../modules/user/user.loaders';

export type ReaderAnnotation = AnnotationRow & { citations: CitationRow[]; contributors: UserRow[] };

export interface ReaderClaim {
  claim: ClaimRow;
  /** Who made it, with the address of their page. */
  claimant: ClaimantRow | null;
  /** Published and retracted fact-checks, newest published first. */
  annotations: ReaderAnnotation[];
  /** Verdict corrections of the claim, oldest first. */
  corrections: CorrectionRow[];
  /** Its live places outside factline, in the order they were listed. */
  places: OutsideAppearanceRow[];
}

/** Everything an anonymous reader sees of one article. */
export interface ArticleView {
  article: ArticleRow & { body: string };
  stats: ClaimStats;
  /** In text order. */
  claims: ReaderClaim[];
  /** Body and verdict corrections, oldest first. */
  corrections: CorrectionRow[];
  /** ClaimReview JSON-LD of its published fact-checks. */
  reviews: Record<string, unknown>[];
  /** The organisation's rating scale, for the colour key. */
  scale: ScaleRatingRow[];
  /** The topics it is filed under that readers may see, by name. */
  topics: TopicRow[];
}

/** The fact-check a claim's verdict is from: its newest published one (annotationsByClaim lists it first). */
export function currentCheck(annotations: readonly ReaderAnnotation[]): ReaderAnnotation | undefined {
  return annotations.find((annotation) => annotation.status === 'PUBLISHED');
}

export function isWellFormedSlug(slug: string): boolean {
  try {
    ArticleService.checkSlug(slug);
    return true;
  } catch {
    return false;
  }
}

/** The published article with this slug as an anonymous reader sees it, or null. */
export async function loadArticleView(
  db: Database,
  services: Services,
  reviews: ClaimReviewService,
  slug: string,
): Promise<ArticleView | null> {
  if (!isWellFormedSlug(slug)) return null;
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const article = await loaders.articleBySlug.load(slug);
  if (!article) return null;
  // The claims' outside places are read once, for their notes and for the JSON-LD alike: the
  // reviews wait for the read of every claim's places rather than start one of their own.
  const claimsRead = loaders.claimsByArticle.load(article.id);
  const placesRead = claimsRead.then((claims) =>
    loaders.outsideAppearancesOfClaim.loadMany(claims.map(({ id }) => id)),
  );
  const [body, rows, placeLists, corrections, jsonLd, scale, topics] = await Promise.all([
    loaders.articleBodyById.load(article.id),
    claimsRead,
    placesRead,
    loaders.correctionsByArticle.load(article.id),
    reviews.forArticle(article.id, async (claimIds) => {
      await placesRead;
      return loadedAll(await loaders.outsideAppearancesOfClaim.loadMany(claimIds));
    }),
    services.ratings.scale(),
    loaders.topicsOfArticle.load(article.id),
  ]);
  const places = loadedAll(placeLists);
  // The counts follow from the claims just loaded: no second query.
  const stats = claimStatsOf(rows.map((claim) => claim.verdict));
  const claims = await Promise.all(
    rows.map(async (claim, index) => {
      const [annotations, claimCorrections, claimant] = await Promise.all([
        loaders.annotationsByClaim.load(claim.id),
        loaders.correctionsByClaim.load(claim.id),
        claim.claimantId === null ? null : loaders.claimantById.load(claim.claimantId),
      ]);
      const withCitations = await Promise.all(
        annotations.map(async (annotation) => {
          const [citations, contributions] = await Promise.all([
            loaders.citationsByAnnotation.load(annotation.id),
            loaders.contributorsByAnnotation.load(annotation.id),
          ]);
          return { ...annotation, citations, contributors: contributions.map((contribution) => contribution.user) };
        }),
      );
      return {
        claim,
        claimant,
        annotations: withCitations,
        corrections: claimCorrections,
        // The reader shows the article as it is now: the places listed now.
        places: liveAt(places[index]),
      };
    }),
  );
  return { article: { ...article, body }, stats, claims, corrections, reviews: jsonLd, scale, topics };
}

/** DataLoader.loadMany answers an Error in place of a value that failed to load: fail the page instead. */
function loadedAll<Value>(values: readonly (Value | Error)[]): Value[] {
  for (const value of values) if (value instanceof Error) throw value;
  return values as Value[];
}

/** A page of the article list: published articles, newest first, with their verdict summaries. */
export async function loadArticleList(
  db: Database,
  services: Services,
  after: string | undefined,
): Promise<{ items: { article: ArticleRow; stats: ClaimStats }[]; nextCursor: string | null }> {
  const context = contextFor(db, services, ANONYMOUS);
  const connection = await services.articles.list({ visibility: context.visibility, first: 20, after });
  const items = await Promise.all(
    connection.edges.map(async ({ node }) => ({
      article: node,
      stats: await context.loaders.claimStatsByArticle.load(node.id),
    })),
  );
  return { items, nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null };
}
