import type { SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { ArticleEntity } from './article.entity';
import type { articlesByIds, RowOf } from './article.queries';

/**
 * An article as served to GraphQL: plain columns, no entity hydration. Without its body, which
 * is most of its bytes (12 KB on average in the bench data) and which lists, search hits and
 * claim parents rarely ask for: the `body` field loads it (articleBodyById) unless it is here.
 */
export type ArticleRow = Omit<ArticleEntity, 'createdAt' | 'updatedAt' | 'body' | 'publishedAt'> &
  TypedRow & {
    publishedAt: SqlTimestamp | null;
    /** Present on point-in-time rows only: the body as of `asOf`. */
    body?: string;
    /** Set on a point-in-time read: the text and everything under it are as of this moment. */
    asOf?: Date;
  };

/** An article as its statements read it (articleColumns): authors as JSON text. */
export type ArticleSqlRow = RowOf<(typeof articlesByIds)['public']>;

/**
 * The same columns as SQL text, for the dataset export alone until the dataset module has its
 * query layer (it then selects articleColumns): delete it then.
 */
export const ARTICLE_COLUMNS = `a.id, a.slug, a.headline, a.standfirst, a.authors, a.section, a.language,
  a.url, a.published_at AS publishedAt, a.status, a.version, a.revision`;

export function toArticleRow(row: ArticleSqlRow): ArticleRow {
  return {
    __typename: 'Article',
    ...row,
    authors: JSON.parse(row.authors) as string[],
  };
}
