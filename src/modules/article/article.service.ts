import type { Database } from '../../db/database';
import type { SqlParam, SqlReader } from '../../db/sql-reader';
import { type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import { badUserInput } from '../../domain/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor, type KeysetPosition } from '../../graphql/relay/cursor';
import type { Visibility } from '../auth/visibility';
import { type ArticleFilter, ArticleOrder } from './article.inputs';
import { articleAsOf } from './point-in-time.loaders';
import { ARTICLE_COLUMNS, type ArticleRow, type ArticleSqlRow, toArticleRow } from './article.rows';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;
const BAD_SLUG = 'A slug is 1-200 lower-case letters, digits and single hyphens.';
const MAX_FILTER_TEXT = 200;


export interface Withdrawal {
  headline: string;
  withdrawnAt: SqlTimestamp;
  note: string;
}

export interface ListArticlesArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  filter?: ArticleFilter | null;
  orderBy?: ArticleOrder | null;
}

/** Article lists (keyed lookups go through the loaders; changes through ArticleEditService). */
export class ArticleService {
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.reader = db.reader;
  }

  /** The article as readers saw it at `asOf` (null if they could not see it then). */
  asOf(current: ArticleRow, asOf: Date): Promise<ArticleRow | null> {
    return articleAsOf(this.reader, current, asOf);
  }

  /**
   * A published article since withdrawn (archived with a note), as readers are told at its
   * address: the headline they last saw, when and why. Null for anything else.
   */
  async withdrawalOf(slug: string): Promise<Withdrawal | null> {
    const row = await this.reader.get<{ headline: string | null; withdrawnAt: SqlTimestamp; note: string }>(
      `SELECT (SELECT r.headline FROM article_revisions r WHERE r.article_id = a.id AND r.public_at IS NOT NULL ORDER BY r.number DESC LIMIT 1) AS headline,
         s.created_at AS withdrawnAt, s.note
       FROM articles a JOIN article_status_changes s ON s.article_id = a.id
       WHERE a.slug = ? AND a.status = 'ARCHIVED' AND s.status = 'ARCHIVED'
       ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
      [slug],
    );
    // Only what readers saw can be withdrawn from them: a draft archived leaves no notice.
    return row?.headline && row.note ? { headline: row.headline, withdrawnAt: row.withdrawnAt, note: row.note } : null;
  }

  /** Checks a slug's shape: a malformed slug is bad input, a well-formed unknown one is a miss. */
  static checkSlug(slug: string, field = 'slug'): string {
    if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) throw badUserInput(BAD_SLUG, field);
    return slug;
  }
  async list({ visibility, first, after, filter, orderBy }: ListArticlesArgs): Promise<Connection<ArticleRow>> {
    const size = pageSize(first);
    const order = orderBy ?? ArticleOrder.PUBLISHED_AT_DESC;
    const descending = order === ArticleOrder.PUBLISHED_AT_DESC;
    const scope = `articles:${order}`;
    const { where, params } = this.filterSql(visibility, filter ?? {});
    const keyset = after ? keysetSql(decodeCursor(scope, after), descending, visibility.seesDrafts) : { sql: [], params: [] };
    const direction = descending ? 'DESC' : 'ASC';
    const rows = await this.reader.all<ArticleSqlRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${[...where, ...keyset.sql].join(' AND ')}
       ORDER BY a.published_at ${direction}, a.id ${direction} LIMIT ?`,
      [...params, ...keyset.params, size + 1],
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

  private filterSql(visibility: Visibility, filter: ArticleFilter): { where: string[]; params: SqlParam[] } {
    // Published articles always have a publication time; only drafts may lack one.
    const where = visibility.seesDrafts ? [visibility.article] : [visibility.article, 'a.published_at IS NOT NULL'];
    const params: SqlParam[] = [];
    if (filter.status != null) {
      where.push('a.status = ?');
      params.push(filter.status);
    }
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
      where.push('EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.verdict = ? AND c.deleted_at IS NULL)');
      params.push(filter.verdict);
    }
    return { where, params };
  }
}

function checkFilterText(value: string, field: string): string {
  if (value.length > MAX_FILTER_TEXT) throw badUserInput(`At most ${MAX_FILTER_TEXT} characters.`, field);
  return value;
}

/**
 * The rows after a cursor in (published_at, id) order. SQLite sorts NULL first ascending and
 * last descending; undated drafts (visible to editors only) keep that place, so readers'
 * queries stay a plain row-value comparison on the index.
 */
function keysetSql(position: KeysetPosition, descending: boolean, withUndated: boolean): { sql: string[]; params: SqlParam[] } {
  const cmp = descending ? '<' : '>';
  if (position.value === null) {
    if (!withUndated) throw badUserInput('Invalid cursor: pass an endCursor returned by this list, unchanged.', 'after');
    // Past an undated row: descending, only undated rows remain; ascending, every dated row follows.
    return descending
      ? { sql: [`(a.published_at IS NULL AND a.id < ?)`], params: [position.id] }
      : { sql: [`((a.published_at IS NULL AND a.id > ?) OR a.published_at IS NOT NULL)`], params: [position.id] };
  }
  if (typeof position.value !== 'string') throw badUserInput('Invalid cursor: pass an endCursor returned by this list, unchanged.', 'after');
  const dated = `(a.published_at, a.id) ${cmp} (?, ?)`;
  if (withUndated && descending) return { sql: [`(${dated} OR a.published_at IS NULL)`], params: [position.value, position.id] };
  return { sql: [dated], params: [position.value, position.id] };
}
