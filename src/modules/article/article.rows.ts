import { fromSqlDate } from '../../db/sql-dates';
import type { TypedRow } from '../../graphql/relay/node.type';
import type { ArticleEntity, ArticleStatus } from './article.entity';

/** An article as served to GraphQL: plain columns, no entity hydration. */
export type ArticleRow = Omit<ArticleEntity, 'createdAt' | 'updatedAt'> &
  TypedRow & {
    /** Set on a point-in-time read: the text and everything under it are as of this moment. */
    asOf?: Date;
  };

export const ARTICLE_COLUMNS = `a.id, a.slug, a.headline, a.standfirst, a.body, a.authors, a.section, a.language,
  a.url, a.published_at AS publishedAt, a.status, a.version, a.revision`;

export interface ArticleSqlRow {
  id: number;
  slug: string;
  headline: string;
  standfirst: string | null;
  body: string;
  authors: string;
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: string | null;
  status: ArticleStatus;
  version: number;
  revision: number;
}

export function toArticleRow(row: ArticleSqlRow): ArticleRow {
  return {
    __typename: 'Article',
    ...row,
    authors: JSON.parse(row.authors) as string[],
    publishedAt: fromSqlDate(row.publishedAt),
  };
}
