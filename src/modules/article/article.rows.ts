import type { SqlTimestamp } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { ArticleEntity, ArticleStatus } from './article.entity';

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

export const ARTICLE_COLUMNS = `a.id, a.slug, a.headline, a.standfirst, a.authors, a.section, a.language,
  a.url, a.published_at AS publishedAt, a.status, a.version, a.revision`;

export interface ArticleSqlRow {
  id: number;
  slug: string;
  headline: string;
  standfirst: string | null;
  authors: string;
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: SqlTimestamp | null;
  status: ArticleStatus;
  version: number;
  revision: number;
}

export function toArticleRow(row: ArticleSqlRow): ArticleRow {
  return {
    __typename: 'Article',
    ...row,
    authors: JSON.parse(row.authors) as string[],
  };
}
