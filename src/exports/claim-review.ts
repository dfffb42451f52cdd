/**
 * schema.org ClaimReview for a published fact-check (https://schema.org/ClaimReview and
 * Google's ClaimReview structured data). Pure: no database.
 */
export interface ClaimReviewInput {
  /** The reader page of the fact-check: the article page with the claim's anchor. */
  url: string;
  quote: string;
  /** Who made the claim: a person or an organisation, with its Wikidata item when known. */
  claimant: { name: string; kind: 'PERSON' | 'ORGANIZATION'; wikidataUrl: string | null } | null;
  article: { url: string; headline: string; publishedAt: Date | null };
  organisation: { name: string; url: string };
  datePublished: Date;
  /** ClaimReview ratingValue on the 1..5 scale, null for verdicts off the scale. */
  ratingValue: number | null;
  /** Human label, always sent as alternateName. */
  ratingLabel: string;
  /** The fact-check's one-line conclusion. */
  summary: string;
  language: string;
}

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export function toClaimReview(input: ClaimReviewInput): Record<string, unknown> {
  const reviewRating: Record<string, unknown> = { '@type': 'Rating', alternateName: input.ratingLabel };
  if (input.ratingValue !== null) {
    Object.assign(reviewRating, { ratingValue: input.ratingValue, bestRating: BEST_RATING, worstRating: WORST_RATING });
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.url,
    claimReviewed: input.quote,
    datePublished: input.datePublished.toISOString(),
    inLanguage: input.language,
    description: input.summary,
    author: { '@type': 'Organization', name: input.organisation.name, url: input.organisation.url },
    reviewRating,
    itemReviewed: {
      '@type': 'Claim',
      ...(input.claimant
        ? {
            author: {
              '@type': input.claimant.kind === 'ORGANIZATION' ? 'Organization' : 'Person',
              name: input.claimant.name,
              ...(input.claimant.wikidataUrl ? { sameAs: input.claimant.wikidataUrl } : {}),
            },
          }
        : {}),
      ...(input.article.publishedAt ? { datePublished: input.article.publishedAt.toISOString() } : {}),
      appearance: {
        '@type': 'NewsArticle',
        url: input.article.url,
        headline: input.article.headline,
        ...(input.article.publishedAt ? { datePublished: input.article.publishedAt.toISOString() } : {}),
      },
    },
  };
}
