import type { Database } from '../../db/database';
import { contextFor, type Services } from '../../app/services';
import type { AnnotationRow, CitationRow, CorrectionRow } from '../../modules/annotation/annotation.rows';
import { type ClaimStats, claimStatsOf } from '../../modules/article/article.loaders';
import type { ArticleRow } from '../../modules/article/article.rows';
import { ArticleService } from '../../modules/article/article.service';
import { ANONYMOUS } from '../../modules/auth/viewer';
import type { ClaimReviewService } from '../../modules/claimreview/claim-review.service';
import type { ClaimantRow } from '../../modules/claimant/claimant.rows';
import type { ClaimRow } from '../../modules/claim/claim.rows';
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
  const [body, rows, corrections, jsonLd] = await Promise.all([
    loaders.articleBodyById.load(article.id),
    loaders.claimsByArticle.load(article.id),
    loaders.correctionsByArticle.load(article.id),
    reviews.forArticle(article.id),
  ]);
  // The counts follow from the claims just loaded: no second query.
  const stats = claimStatsOf(rows.map((claim) => claim.verdict));
  const claims = await Promise.all(
    rows.map(async (claim) => {
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
      return { claim, claimant, annotations: withCitations, corrections: claimCorrections };
    }),
  );
  return { article: { ...article, body }, stats, claims, corrections, reviews: jsonLd };
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
