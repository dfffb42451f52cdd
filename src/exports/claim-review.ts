/**
 * schema.org ClaimReview for a published fact-check (https://schema.org/ClaimReview and
 * Google's ClaimReview structured data). Pure: no database.
 */

/** A place outside factline where the claim was made: a story, a post, a speech, a recording. */
export interface OutsidePlaceInput {
  url: string;
  title: string | null;
  publisher: string | null;
  /** When the claim was made there, if known. */
  appearedAt: Date | null;
  /** Audio or video: where in the recording the claim starts and ends, in seconds. */
  startSeconds: number | null;
  endSeconds: number | null;
}

/** A topic the claim or its article is filed under: its name and the address of its reader page. */
export interface ClaimReviewTopic {
  name: string;
  url: string;
}

export interface ClaimReviewInput {
  /** The reader page of the fact-check: the article page with the claim's anchor. */
  url: string;
  /** What was claimed: the claim's own neutral words, its quote until a reviewer writes them. */
  text: string;
  /** The language the claim was made in (BCP 47). */
  claimLanguage: string;
  /** Who made the claim: a person or an organisation, with its Wikidata item when known. */
  claimant: { name: string; kind: 'PERSON' | 'ORGANIZATION'; wikidataUrl: string | null } | null;
  /** The article the claim is in; `publisher` only when the article is known to be the organisation's. */
  article: {
    url: string;
    headline: string;
    publishedAt: Date | null;
    publisher: { name: string; url: string } | null;
  };
  /** The other published articles the claim also appears in, in the order they were listed. */
  otherArticles?: readonly ClaimReviewInput['article'][];
  /** The claim's live places outside factline, in the order they were listed. */
  outside: readonly OutsidePlaceInput[];
  organisation: { name: string; url: string };
  datePublished: Date;
  /** ClaimReview ratingValue on its bestRating..worstRating range; null for a rating off the numbers. */
  rating: { value: number; best: number; worst: number } | null;
  /** The rating's label, always sent as alternateName. */
  ratingLabel: string;
  /** The fact-check's one-line conclusion. */
  summary: string;
  /** The language of the fact-check (its article's). */
  language: string;
  /** The public topics of the claim and of its article, each once; `about` when there are some. */
  topics?: readonly ClaimReviewTopic[];
}

interface Appearance {
  work: Record<string, unknown>;
  date: Date | null;
}

function articleAppearance(article: ClaimReviewInput['article']): Appearance {
  return {
    work: {
      '@type': 'NewsArticle',
      url: article.url,
      headline: article.headline,
      ...(article.publishedAt ? { datePublished: article.publishedAt.toISOString() } : {}),
      ...(article.publisher
        ? { publisher: { '@type': 'Organization', name: article.publisher.name, url: article.publisher.url } }
        : {}),
    },
    date: article.publishedAt,
  };
}

/**
 * A generic CreativeWork: whether the place is a story, a post or a broadcast is not recorded.
 * For a recording, where in it the claim is made is a Clip part of it (startOffset and
 * endOffset are seconds from the start of the work, as schema.org defines them).
 */
function outsideAppearance(place: OutsidePlaceInput): Appearance {
  const timed = place.startSeconds !== null || place.endSeconds !== null;
  return {
    work: {
      '@type': 'CreativeWork',
      url: place.url,
      ...(place.title ? { name: place.title } : {}),
      ...(place.publisher ? { publisher: { '@type': 'Organization', name: place.publisher } } : {}),
      ...(place.appearedAt ? { datePublished: place.appearedAt.toISOString() } : {}),
      ...(timed
        ? {
            hasPart: {
              '@type': 'Clip',
              ...(place.startSeconds !== null ? { startOffset: place.startSeconds } : {}),
              ...(place.endSeconds !== null ? { endOffset: place.endSeconds } : {}),
            },
          }
        : {}),
    },
    date: place.appearedAt,
  };
}

/** The earliest of the appearances; the first listed of those at the same moment. */
function earliest(appearances: readonly (Appearance & { date: Date })[]): Appearance | undefined {
  return appearances.reduce<(Appearance & { date: Date }) | undefined>(
    (first, appearance) => (!first || appearance.date < first.date ? appearance : first),
    undefined,
  );
}

export function toClaimReview(input: ClaimReviewInput): Record<string, unknown> {
  const reviewRating: Record<string, unknown> = { '@type': 'Rating', alternateName: input.ratingLabel };
  if (input.rating !== null) {
    const { value, best, worst } = input.rating;
    Object.assign(reviewRating, { ratingValue: value, bestRating: best, worstRating: worst });
  }
  const appearances = [
    articleAppearance(input.article),
    ...(input.otherArticles ?? []).map(articleAppearance),
    ...input.outside.map(outsideAppearance),
  ];
  const dated = appearances.filter((appearance): appearance is Appearance & { date: Date } => appearance.date !== null);
  // The claim was made by the earliest date known. Which place was first is known only when
  // every place has a date: an undated one may be older than all the others.
  const firstDated = earliest(dated);
  const first = dated.length === appearances.length ? firstDated : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.url,
    // "A short summary of the claim being evaluated": the claim's neutral words.
    claimReviewed: input.text,
    datePublished: input.datePublished.toISOString(),
    inLanguage: input.language,
    description: input.summary,
    // What the fact-check is about: schema.org `about` (a CreativeWork's subject), one Thing a topic.
    ...(input.topics?.length ? { about: input.topics.map(({ name, url }) => ({ '@type': 'Thing', name, url })) } : {}),
    author: { '@type': 'Organization', name: input.organisation.name, url: input.organisation.url },
    reviewRating,
    itemReviewed: {
      '@type': 'Claim',
      text: input.text,
      inLanguage: input.claimLanguage,
      ...(input.claimant
        ? {
            author: {
              '@type': input.claimant.kind === 'ORGANIZATION' ? 'Organization' : 'Person',
              name: input.claimant.name,
              ...(input.claimant.wikidataUrl ? { sameAs: input.claimant.wikidataUrl } : {}),
            },
          }
        : {}),
      ...(firstDated ? { datePublished: firstDated.date!.toISOString() } : {}),
      appearance: appearances.map((appearance) => appearance.work),
      ...(first ? { firstAppearance: first.work } : {}),
    },
  };
}
