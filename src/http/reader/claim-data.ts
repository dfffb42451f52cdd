import { contextFor, type Loaders, type Services } from '../../app/services';
import type { Database } from '../../db/database';
import { DomainError } from '../../domain/errors';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { liveAt } from '../../modules/appearance/appearance.rows';
import type { ArticleRow } from '../../modules/article/article.rows';
import { ANONYMOUS } from '../../modules/auth/viewer';
import type { ClaimRow } from '../../modules/claim/claim.rows';
import type { Withdrawal } from '../../modules/article/article.service';
import type { TopicRow } from '../../modules/topic/topic.rows';
import type { ReaderClaim } from './article-data';

/** One claim as an anonymous reader sees it: its note's content, and the articles it was made in. */
export interface ClaimView extends ReaderClaim {
  /** The article it was marked in. */
  article: ArticleRow;
  /** The other published articles it is placed in, oldest place first. */
  elsewhere: ArticleRow[];
  /** The topics the claim itself is filed under that readers may see, by name. */
  topics: TopicRow[];
}

/** What a claim address answers: the claim, the claim it was merged into, gone with its article, or nothing. */
export type ClaimLookup =
  | { kind: 'claim'; view: ClaimView }
  | { kind: 'merged'; id: string }
  | { kind: 'withdrawn'; withdrawal: Withdrawal }
  | { kind: 'missing' };

/** The reader's address of a claim: its page, named by the API's global id. */
export function claimPath(claimId: number): string {
  return `/claims/${toGlobalId('Claim', claimId)}`;
}

export function embedPath(claimId: number): string {
  return `/embed/claims/${toGlobalId('Claim', claimId)}`;
}

/** The claim key in an address, or null when it names no claim (malformed, another type). */
export function claimKeyOf(id: string): number | null {
  try {
    return fromGlobalIdOf('Claim', id, 'id');
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** A claim and what its note shows, read through the viewer's loaders (their visibility rule). */
export async function readClaim(loaders: Loaders, claim: ClaimRow): Promise<ReaderClaim> {
  const [annotations, corrections, claimant, places] = await Promise.all([
    loaders.annotationsByClaim.load(claim.id),
    loaders.correctionsByClaim.load(claim.id),
    claim.claimantId === null ? null : loaders.claimantById.load(claim.claimantId),
    loaders.outsideAppearancesOfClaim.load(claim.id),
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
  return { claim, claimant, annotations: withCitations, corrections, places: liveAt(places) };
}

/** The claim at `/claims/<id>` (and its embed) as an anonymous reader may see it. */
export async function lookUpClaim(db: Database, services: Services, id: string): Promise<ClaimLookup> {
  const key = claimKeyOf(id);
  if (key === null) return { kind: 'missing' };
  const { loaders } = contextFor(db, services, ANONYMOUS);
  const claim = await loaders.claimById.load(key);
  if (!claim) {
    const slug = await services.claims.articleSlugOf(key);
    const withdrawal = slug ? await services.articles.withdrawalOf(slug) : null;
    return withdrawal ? { kind: 'withdrawn', withdrawal } : { kind: 'missing' };
  }
  // A merged claim's id names the claim it was merged into: one address per claim.
  if (claim.id !== key) return { kind: 'merged', id: toGlobalId('Claim', claim.id) };
  const [article, places, note, topics] = await Promise.all([
    loaders.articleById.load(claim.articleId),
    loaders.furtherPlacesOfClaim.load(claim.id),
    readClaim(loaders, claim),
    loaders.topicsOfClaim.load(claim.id),
  ]);
  if (!article) return { kind: 'missing' };
  const others = await loaders.articleById.loadMany(liveAt(places).map((place) => place.articleId));
  const elsewhere = others.filter((row): row is ArticleRow => row !== null && !(row instanceof Error));
  return { kind: 'claim', view: { ...note, article, elsewhere, topics } };
}
