import type { articlesByIds, RowOf } from './article.queries';
import type { Article } from './article.types';

/**
 * An article as served to GraphQL (the Article type): plain columns, no entity hydration.
 * Without its body, which is most of its bytes (12 KB on average in the bench data) and which
 * lists, search hits and claim parents rarely ask for: the `body` field loads it
 * (articleBodyById) unless it is here.
 */
export type ArticleRow = Article;

/** An article as its statements read it (articleColumns): authors as JSON text. */
export type ArticleSqlRow = RowOf<(typeof articlesByIds)['public']>;

/**
 * The same columns as SQL text, for the dataset export alone until the dataset module has its
 * query layer (it then selects articleColumns): delete it then.
 */
export const ARTICLE_COLUMNS = `a.id, a.slug, a.headline, a.standfirst, a.authors, a.section, a.language,
  a.url, a.published_at AS publishedAt, a.status, a.version, a.revision`;

export function toArticleRow(row: ArticleSqlRow): Article {
  return {
    __typename: 'Article',
    ...row,
    authors: JSON.parse(row.authors) as string[],
  };
}
