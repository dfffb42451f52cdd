import type { Database } from '../../db/database';
import type { SqlParam, SqlReader } from '../../db/sql-reader';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, conflict, notFound } from '../../graphql/errors';
import { clean } from '../../graphql/text-rules';
import { requireRole, type Viewer } from '../auth/viewer';
import { Role } from '../user/user.entity';
import { ArticleEntity, ArticleStatus } from './article.entity';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor, type KeysetPosition } from '../../graphql/relay/cursor';
import type { Visibility } from '../auth/visibility';
import { type ArticleFilter, ArticleOrder, type CreateArticleInput, type UpdateArticleInput } from './article.inputs';
import { ARTICLE_COLUMNS, type ArticleRow, type ArticleSqlRow, toArticleRow } from './article.rows';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;
const BAD_SLUG = 'A slug is 1-200 lower-case letters, digits and single hyphens.';
const MAX_FILTER_TEXT = 200;
const NO_SUCH_ARTICLE = 'No such article.';
const SLUG_TAKEN = 'Another article already has this slug.';
const STALE_VERSION = 'The article has changed since you read it: reload and apply your change again.';

export interface ListArticlesArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  filter?: ArticleFilter | null;
  orderBy?: ArticleOrder | null;
}

/** Article lists and the editors' article changes (keyed lookups go through the loaders). */
export class ArticleService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  create(viewer: Viewer, input: CreateArticleInput): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      if (await manager.existsBy(ArticleEntity, { slug: input.slug })) throw badUserInput(SLUG_TAKEN, 'input.slug');
      const article = await manager.save(
        manager.create(ArticleEntity, {
          slug: input.slug,
          headline: clean(input.headline),
          standfirst: clean(input.standfirst) ?? null,
          body: clean(input.body),
          authors: input.authors.map((name) => clean(name)),
          section: clean(input.section) ?? null,
          language: input.language,
          url: clean(input.url) ?? null,
          publishedAt: input.publishedAt ?? null,
          status: ArticleStatus.DRAFT,
        }),
      );
      return article.id;
    });
  }

  /** Metadata only; body edits arrive with re-anchoring. */
  update(viewer: Viewer, articleId: number, input: UpdateArticleInput): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    const changes: Partial<ArticleEntity> = {};
    if (input.headline != null) changes.headline = clean(input.headline);
    if (input.standfirst !== undefined) changes.standfirst = clean(input.standfirst) ?? null;
    if (input.authors != null) changes.authors = input.authors.map((name) => clean(name));
    if (input.section !== undefined) changes.section = clean(input.section) ?? null;
    if (input.language != null) changes.language = input.language;
    if (input.url !== undefined) changes.url = clean(input.url) ?? null;
    if (input.publishedAt != null) changes.publishedAt = input.publishedAt;
    return this.transition(articleId, input.expectedVersion, () => changes);
  }

  publish(viewer: Viewer, articleId: number, expectedVersion?: number | null): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    return this.transition(articleId, expectedVersion, (article) => {
      if (article.status === ArticleStatus.PUBLISHED) throw conflict('The article is already published.', article.version);
      return { status: ArticleStatus.PUBLISHED, publishedAt: article.publishedAt ?? new Date() };
    });
  }

  archive(viewer: Viewer, articleId: number, expectedVersion?: number | null): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    return this.transition(articleId, expectedVersion, (article) => {
      if (article.status === ArticleStatus.ARCHIVED) throw conflict('The article is already archived.', article.version);
      return { status: ArticleStatus.ARCHIVED };
    });
  }

  /**
   * One optimistic change: `UPDATE ... WHERE id = ? AND version = ?` so that a concurrent
   * edit can never be silently overwritten (@VersionColumn alone does not stop that).
   */
  private transition(articleId: number, expectedVersion: number | null | undefined, change: (article: ArticleEntity) => Partial<ArticleEntity>): Promise<number> {
    return this.db.writes.run(async (manager) => {
      const article = await manager.findOneBy(ArticleEntity, { id: articleId });
      if (!article) throw notFound(NO_SUCH_ARTICLE, 'input.id');
      const version = expectedVersion ?? article.version;
      if (version !== article.version) throw conflict(STALE_VERSION, article.version);
      const result = await manager.update(ArticleEntity, { id: articleId, version }, { ...change(article), version: version + 1 });
      if (result.affected !== 1) throw conflict(STALE_VERSION, article.version);
      return articleId;
    });
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
