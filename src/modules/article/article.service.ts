import type { SqlParam, SqlReader } from '../../db/sql-reader';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput } from '../../graphql/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { VISIBLE_ARTICLE } from './article.loaders';
import { ArticleOrder, type ArticleFilter } from './article.inputs';
import { ARTICLE_COLUMNS, type ArticleRow, type ArticleSqlRow, toArticleRow } from './article.rows';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;
const BAD_SLUG = 'A slug is 1-200 lower-case letters, digits and single hyphens.';
const MAX_FILTER_TEXT = 200;

export interface ListArticlesArgs {
  first?: number | null;
  after?: string | null;
  filter?: ArticleFilter | null;
  orderBy?: ArticleOrder | null;
}

/** Reads of articles that are more than a keyed lookup (lookups go through the loaders). */
export class ArticleService {
  private readonly reader: SqlReader;

  constructor({ reader }: { reader: SqlReader }) {
    this.reader = reader;
  }

  /** Checks a slug's shape: a malformed slug is bad input, a well-formed unknown one is a miss. */
  static checkSlug(slug: string, field = 'slug'): string {
    if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) throw badUserInput(BAD_SLUG, field);
    return slug;
  }

  async list({ first, after, filter, orderBy }: ListArticlesArgs): Promise<Connection<ArticleRow>> {
    const size = pageSize(first);
    const order = orderBy ?? ArticleOrder.PUBLISHED_AT_DESC;
    const scope = `articles:${order}`;
    const { where, params } = this.filterSql(filter ?? {});
    const keyset: string[] = [];
    const keysetParams: SqlParam[] = [];
    if (after) {
      const position = decodeCursor(scope, after);
      if (typeof position.value !== 'string') throw badUserInput('Invalid cursor: pass an endCursor returned by this list, unchanged.', 'after');
      keyset.push(`(a.published_at, a.id) ${order === ArticleOrder.PUBLISHED_AT_DESC ? '<' : '>'} (?, ?)`);
      keysetParams.push(position.value, position.id);
    }
    const direction = order === ArticleOrder.PUBLISHED_AT_DESC ? 'DESC' : 'ASC';
    const rows = await this.reader.all<ArticleSqlRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${[...where, ...keyset].join(' AND ')}
       ORDER BY a.published_at ${direction}, a.id ${direction} LIMIT ?`,
      [...params, ...keysetParams, size + 1],
    );
    return toConnection(
      rows,
      size,
      scope,
      (row) => ({ value: row.publishedAt, id: row.id }),
      toArticleRow,
      async () => {
        const count = await this.reader.get<{ n: number }>(`SELECT COUNT(*) AS n FROM articles a WHERE ${where.join(' AND ')}`, params);
        return count?.n ?? 0;
      },
    );
  }

  private filterSql(filter: ArticleFilter): { where: string[]; params: SqlParam[] } {
    const where = [VISIBLE_ARTICLE, 'a.published_at IS NOT NULL'];
    const params: SqlParam[] = [];
    if (filter.section != null) {
      where.push('a.section = ?');
      params.push(checkFilterText(filter.section, 'filter.section'));
    }
    if (filter.language != null) {
      where.push('a.language = ? COLLATE NOCASE');
      params.push(checkFilterText(filter.language, 'filter.language'));
    }
    if (filter.publishedAfter != null) {
      where.push('a.published_at >= ?');
      params.push(toSqlDate(filter.publishedAfter));
    }
    if (filter.publishedBefore != null) {
      where.push('a.published_at < ?');
      params.push(toSqlDate(filter.publishedBefore));
    }
    if (filter.verdict != null) {
      where.push('EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.verdict = ?)');
      params.push(filter.verdict);
    }
    return { where, params };
  }
}

function checkFilterText(value: string, field: string): string {
  if (value.length > MAX_FILTER_TEXT) throw badUserInput(`At most ${MAX_FILTER_TEXT} characters.`, field);
  return value;
}
