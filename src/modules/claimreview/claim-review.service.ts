import type { AppConfig } from '../../config';
import type { Database } from '../../db/database';
import { fromSqlDate, type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { groupRows } from '../../db/group-rows';
import {
  type ClaimReviewInput,
  type ClaimReviewTopic,
  type OutsidePlaceInput,
  toClaimReview,
} from '../../exports/claim-review';
import { httpUrlOrNull } from '../../graphql/http-url';
import { encodeCursor, decodeCursor } from '../../graphql/relay/cursor';
import { toGlobalId } from '../../graphql/relay/global-id';
import { ratingOf } from '../rating/rating-view';
import { ClaimantKind } from '../claimant/claimant.entity';
import { wikidataUrl } from '../claimant/claimant-name';
import { outsideAppearancesOfClaims } from '../appearance/appearance.queries';
import { liveAt, type OutsideAppearanceRow, toOutsideAppearanceRow } from '../appearance/appearance.rows';
import {
  furtherPlaceArticlesOfClaims,
  type PublishedCheckRow,
  publishedChecksFeed,
  publishedChecksOfArticle,
  topicsOfReviewedClaims,
} from './claimreview.queries';

const FEED_SCOPE = 'claimreview-feed';
export const FEED_PAGE_SIZE = 50;

/**
 * The outside appearances of claims, removed ones included, one list per id in the order of
 * `claimIds`: a caller that reads them anyway (the reader page) passes its own, so the page
 * reads them once.
 */
export type OutsideAppearancesOf = (claimIds: readonly number[]) => Promise<readonly OutsideAppearanceRow[][]>;

export interface FeedPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

/** schema.org ClaimReview for reader pages, the public feed and exports. */
export class ClaimReviewService {
  private readonly reader: SqlReader;
  private readonly config: Pick<AppConfig, 'publicUrl' | 'organisation'>;

  constructor({ db, config }: { db: Database; config: Pick<AppConfig, 'publicUrl' | 'organisation'> }) {
    this.reader = db.reader;
    this.config = config;
  }

  /** Where a reader sees a claim's fact-check: the article page at the claim's anchor. */
  claimUrl(slug: string, claimId: number): string {
    return `${this.config.publicUrl}/articles/${encodeURIComponent(slug)}#${claimAnchor(claimId)}`;
  }

  async forArticle(
    articleId: number,
    outsideOf: OutsideAppearancesOf = (claimIds) => this.outsideAppearancesOf(claimIds),
  ): Promise<Record<string, unknown>[]> {
    const rows = await this.reader.rows(publishedChecksOfArticle, { articleId });
    return this.toReviews(rows, outsideOf);
  }

  /** The newest `limit` published fact-checks of published articles, newest first: which check on which claim. */
  async newestChecks(limit: number): Promise<{ annotationId: number; claimId: number }[]> {
    const rows = await this.reader.rows(publishedChecksFeed.all, {
      since: null,
      afterPublishedAt: null,
      afterId: null,
      limit,
    });
    return rows.map(({ annotationId, claimId }) => ({ annotationId, claimId }));
  }

  /** Newest first, keyset-paged; `since` keeps those published at or after it. */
  async feed({ since, cursor }: { since?: Date; cursor?: string }): Promise<FeedPage> {
    const position = cursor ? decodeCursor(FEED_SCOPE, cursor, 'cursor') : null;
    const bounds = since ? (position ? 'sinceAfter' : 'since') : position ? 'after' : 'all';
    const rows = await this.reader.rows(publishedChecksFeed[bounds], {
      since: since ? toSqlDate(since) : null,
      afterPublishedAt: position ? (position.value as string) : null,
      afterId: position ? position.id : null,
      limit: FEED_PAGE_SIZE + 1,
    });
    const page = rows.slice(0, FEED_PAGE_SIZE);
    const last = page.at(-1);
    return {
      items: await this.toReviews(page, (claimIds) => this.outsideAppearancesOf(claimIds)),
      nextCursor:
        rows.length > FEED_PAGE_SIZE && last
          ? encodeCursor(FEED_SCOPE, { value: last.publishedAt, id: last.annotationId })
          : null,
    };
  }

  /** The reviews of the rows, with their claims' live outside places read in one statement. */
  private async toReviews(
    rows: readonly PublishedCheckRow[],
    outsideOf: OutsideAppearancesOf,
  ): Promise<Record<string, unknown>[]> {
    const claimIds = [...new Set(rows.map((row) => row.claimId))];
    if (claimIds.length === 0) return [];
    const [lists, further, topics] = await Promise.all([
      outsideOf(claimIds),
      rows.some((row) => Boolean(row.elsewhere))
        ? this.reader.rows(furtherPlaceArticlesOfClaims, { claimIds })
        : Promise.resolve([]),
      rows.some((row) => Boolean(row.filed))
        ? this.reader.rows(topicsOfReviewedClaims, { claimIds })
        : Promise.resolve([]),
    ]);
    const placesOf = new Map(claimIds.map((claimId, i) => [claimId, liveAt(lists[i]).flatMap(toPlace)]));
    const articlesOf = new Map<number, typeof further>();
    for (const place of further) articlesOf.set(place.claimId, [...(articlesOf.get(place.claimId) ?? []), place]);
    const topicsOf = new Map<number, ClaimReviewTopic[]>();
    for (const { claimId, slug, name } of topics)
      topicsOf.set(claimId, [
        ...(topicsOf.get(claimId) ?? []),
        { name, url: `${this.config.publicUrl}/topics/${encodeURIComponent(slug)}` },
      ]);
    return rows.map((row) =>
      this.toReview(
        row,
        placesOf.get(row.claimId) ?? [],
        (articlesOf.get(row.claimId) ?? []).map((place) => this.articleOf(place)),
        topicsOf.get(row.claimId) ?? [],
      ),
    );
  }

  private async outsideAppearancesOf(claimIds: readonly number[]): Promise<OutsideAppearanceRow[][]> {
    const rows = await this.reader.rows(outsideAppearancesOfClaims, { claimIds });
    return groupRows(claimIds, rows.map(toOutsideAppearanceRow), (row) => row.claimId);
  }

  /** Whether an article's url is the organisation's: its reader page, or on its own site. */
  private isOwnUrl(url: string): boolean {
    const host = (address: string) => URL.parse(address)?.host ?? null;
    const site = host(url);
    return site !== null && (site === host(this.config.publicUrl) || site === host(this.config.organisation.url));
  }

  /** A factline article as ClaimReview names it: its canonical url (its reader page when none). */
  private articleOf(row: {
    slug: string;
    url: string | null;
    headline: string;
    publishedAt: SqlTimestamp | null;
  }): ClaimReviewInput['article'] {
    const url = row.url ?? `${this.config.publicUrl}/articles/${encodeURIComponent(row.slug)}`;
    return {
      url,
      headline: row.headline,
      publishedAt: fromSqlDate(row.publishedAt),
      // An article whose canonical url is another site's (an imported story) is not ours to claim.
      publisher: this.isOwnUrl(url) ? this.config.organisation : null,
    };
  }

  private toReview(
    row: PublishedCheckRow,
    outside: OutsidePlaceInput[],
    otherArticles: ClaimReviewInput['article'][],
    topics: ClaimReviewTopic[],
  ): Record<string, unknown> {
    const { value, best, worst, label } = ratingOf(row);
    return toClaimReview({
      url: this.claimUrl(row.slug, row.claimId),
      text: row.text ?? row.quote,
      claimLanguage: row.claimLanguage ?? row.language,
      claimant: row.claimant
        ? {
            name: row.claimant,
            kind: row.claimantKind ?? ClaimantKind.PERSON,
            wikidataUrl: row.claimantWikidataId ? wikidataUrl(row.claimantWikidataId) : null,
          }
        : null,
      article: this.articleOf({ ...row, publishedAt: row.articlePublishedAt }),
      otherArticles,
      outside,
      organisation: this.config.organisation,
      datePublished: fromSqlDate(row.publishedAt) as Date,
      rating: value === null ? null : { value, best: best!, worst: worst! },
      ratingLabel: label,
      summary: row.summary,
      language: row.language,
      topics,
    });
  }
}

/** A live place as ClaimReview gives it; a stored url that is not http(s) is left out, never passed on. */
function toPlace(row: OutsideAppearanceRow): OutsidePlaceInput[] {
  if (httpUrlOrNull(row.url) === null) return [];
  return [
    {
      url: row.url,
      title: row.title,
      publisher: row.publisher,
      appearedAt: fromSqlDate(row.appearedAt),
      startSeconds: row.startSeconds,
      endSeconds: row.endSeconds,
    },
  ];
}

/** The HTML id of a claim's mark on its reader page. */
export function claimAnchor(claimId: number): string {
  return `claim-${toGlobalId('Claim', claimId)}`;
}
