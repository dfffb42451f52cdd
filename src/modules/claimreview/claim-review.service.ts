import type { AppConfig } from '../../config';
import type { Database } from '../../db/database';
import { fromSqlDate, toSqlDate } from '../../db/sql-dates';
import type { SqlReader } from '../../db/sql-reader';
import { toClaimReview } from '../../exports/claim-review';
import { encodeCursor, decodeCursor } from '../../graphql/relay/cursor';
import { toGlobalId } from '../../graphql/relay/global-id';
import { VERDICT_SCALE } from '../annotation/verdict';
import { ClaimantKind } from '../claimant/claimant.entity';
import { wikidataUrl } from '../claimant/claimant-name';
import { type PublishedCheckRow, publishedChecksFeed, publishedChecksOfArticle } from './claimreview.queries';

const FEED_SCOPE = 'claimreview-feed';
export const FEED_PAGE_SIZE = 50;

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

  async forArticle(articleId: number): Promise<Record<string, unknown>[]> {
    const rows = await this.reader.rows(publishedChecksOfArticle, { articleId });
    return rows.map((row) => this.toReview(row));
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
      items: page.map((row) => this.toReview(row)),
      nextCursor:
        rows.length > FEED_PAGE_SIZE && last
          ? encodeCursor(FEED_SCOPE, { value: last.publishedAt, id: last.annotationId })
          : null,
    };
  }

  private toReview(row: PublishedCheckRow): Record<string, unknown> {
    const { value, label } = VERDICT_SCALE[row.verdict];
    const readerPage = `${this.config.publicUrl}/articles/${encodeURIComponent(row.slug)}`;
    return toClaimReview({
      url: this.claimUrl(row.slug, row.claimId),
      quote: row.quote,
      claimant: row.claimant
        ? {
            name: row.claimant,
            kind: row.claimantKind ?? ClaimantKind.PERSON,
            wikidataUrl: row.claimantWikidataId ? wikidataUrl(row.claimantWikidataId) : null,
          }
        : null,
      article: { url: row.url ?? readerPage, headline: row.headline, publishedAt: fromSqlDate(row.articlePublishedAt) },
      organisation: this.config.organisation,
      datePublished: fromSqlDate(row.publishedAt) as Date,
      ratingValue: value,
      ratingLabel: label,
      summary: row.summary,
      language: row.language,
    });
  }
}

/** The HTML id of a claim's mark on its reader page. */
export function claimAnchor(claimId: number): string {
  return `claim-${toGlobalId('Claim', claimId)}`;
}
