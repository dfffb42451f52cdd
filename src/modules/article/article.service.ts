import type { Database } from '../../db/database';
import type { SqlReader } from '../../db/sql-reader';
import { type SqlTimestamp, toSqlDate } from '../../db/sql-dates';
import { badUserInput } from '../../domain/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor, type KeysetPosition } from '../../graphql/relay/cursor';
import type { Visibility } from '../auth/visibility';
import { type ArticleFilter, ArticleOrder } from './article.inputs';
import { articleAsOf } from './point-in-time.loaders';
import type { Statement } from '../../db/statements';
import {
  articleCount,
  type ArticleFilterParams,
  type ArticleOrderDirection,
  articleListScope,
  articlePages,
  type ArticlePageParams,
  articleWithdrawal,
} from './article.queries';
import { type ArticleRow, type ArticleSqlRow, toArticleRow } from './article.rows';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;
const BAD_SLUG = 'A slug is 1-200 lower-case letters, digits and single hyphens.';
const MAX_FILTER_TEXT = 200;
const INVALID_CURSOR = 'Invalid cursor: pass an endCursor returned by this list, unchanged.';

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
    const row = await this.reader.row(articleWithdrawal, { slug });
    // Only what readers saw can be withdrawn from them: a draft archived leaves no notice.
    return row?.headline && row.note ? { headline: row.headline, withdrawnAt: row.withdrawnAt, note: row.note } : null;
  }

  /** Checks a slug's shape: a malformed slug is bad input, a well-formed unknown one is a miss. */
  static checkSlug(slug: string, field = 'slug'): string {
    if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug))
      throw badUserInput(BAD_SLUG, field);
    return slug;
  }

  async list({ visibility, first, after, filter, orderBy }: ListArticlesArgs): Promise<Connection<ArticleRow>> {
    const size = pageSize(first);
    const order = orderBy ?? ArticleOrder.PUBLISHED_AT_DESC;
    const direction = order === ArticleOrder.PUBLISHED_AT_DESC ? 'desc' : 'asc';
    const scope = `articles:${order}`;
    const filters = filterParams(filter ?? {});
    const rows = await this.reader.rows(
      ...this.page(visibility, direction, after ? decodeCursor(scope, after) : null, { ...filters, limit: size + 1 }),
    );
    return toConnection(
      rows,
      size,
      scope,
      (row) => ({ value: row.publishedAt, id: row.id }),
      toArticleRow,
      async () => (await this.reader.row(articleCount[articleListScope(visibility.level, filters)], filters))?.n ?? 0,
    );
  }

  /** The statement and parameters of a page starting after `position` (at the top without one). */
  private page(
    visibility: Visibility,
    direction: ArticleOrderDirection,
    position: KeysetPosition | null,
    params: ArticleFilterParams & { limit: number },
  ): [Statement<ArticlePageParams, ArticleSqlRow>, ArticlePageParams] {
    const pages = articlePages[direction];
    const scope = articleListScope(visibility.level, params);
    if (!position) return [pages.first[scope], { ...params, afterValue: null, afterId: null }];
    if (position.value === null) {
      // Past an undated row: only editors see undated drafts, so only their cursors can point at one.
      if (scope !== 'editor' && scope !== 'editorByStatus') throw badUserInput(INVALID_CURSOR, 'after');
      return [pages.afterUndated[scope], { ...params, afterValue: null, afterId: position.id }];
    }
    if (typeof position.value !== 'string') throw badUserInput(INVALID_CURSOR, 'after');
    return [pages.after[scope], { ...params, afterValue: position.value, afterId: position.id }];
  }
}

function filterParams(filter: ArticleFilter): ArticleFilterParams {
  return {
    status: filter.status ?? null,
    section: filter.section == null ? null : checkFilterText(filter.section, 'filter.section'),
    language: filter.language == null ? null : checkFilterText(filter.language, 'filter.language'),
    publishedAfter: filter.publishedAfter == null ? null : toSqlDate(filter.publishedAfter),
    publishedBefore: filter.publishedBefore == null ? null : toSqlDate(filter.publishedBefore),
    verdict: filter.verdict ?? null,
    topic: filter.topic == null ? null : checkFilterText(filter.topic, 'filter.topic'),
  };
}

function checkFilterText(value: string, field: string): string {
  if (value.length > MAX_FILTER_TEXT) throw badUserInput(`At most ${MAX_FILTER_TEXT} characters.`, field);
  return value;
}
