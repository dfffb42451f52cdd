import type { articlesByIds, RowOf } from './article.queries';
import type { Article } from './article.types';

/**
 * An article as served to GraphQL (the Article type): plain columns, no entity hydration.
 * Without its body, which is most of its bytes and which lists, search hits and claim parents
 * rarely ask for: the `body` field loads it (articleBodyById) unless it is here.
 */
export type ArticleRow = Article;

/** An article as its statements read it (articleColumns): authors as JSON text. */
export type ArticleSqlRow = RowOf<(typeof articlesByIds)['public']>;

export function toArticleRow(row: ArticleSqlRow): Article {
  return {
    __typename: 'Article',
    ...row,
    authors: JSON.parse(row.authors) as string[],
  };
}
