import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeConnection, openSqliteDatabase } from '../../src/db/database';
import { ArticleStatus } from '../../src/modules/article/article.entity';
import { articleCount, articlePages } from '../../src/modules/article/article.queries';
import { PROJECT_ROOT } from '../../src/paths';

/**
 * The article list's pages are read in index order (status, published_at, id), never by
 * sorting every article: readers' lists, and an editor's list filtered by status. Only an
 * editor's unfiltered list, which spans every status, sorts.
 */
describe('article list plans (SQLite)', () => {
  let db: Awaited<ReturnType<typeof openSqliteDatabase>>;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.plans-'));
    db = await openSqliteDatabase({ path: path.join(dir, 'plans.db') });
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function plan(sql: string, values: unknown[]): string {
    const rows = nativeConnection(db.write)
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(values as never[])) as { detail: string }[];
    return rows.map((row) => row.detail).join('\n');
  }

  const scopes = ['public', 'reviewer', 'editorByStatus'] as const;
  const pages = (['desc', 'asc'] as const).flatMap((direction) =>
    scopes.flatMap((scope) =>
      (['first', 'after'] as const).map((start) => ({
        name: `${direction} ${start} [${scope}]`,
        direction,
        start,
        scope,
      })),
    ),
  );

  it.each(pages)('$name reads the status index in order', ({ direction, start, scope }) => {
    const statement = articlePages[direction][start][scope];
    const values = statement.bind('sqlite', {
      status: ArticleStatus.PUBLISHED,
      section: null,
      language: null,
      publishedAfter: null,
      publishedBefore: null,
      verdict: null,
      topic: null,
      limit: 20,
      afterValue: start === 'after' ? '2021-04-14 00:00:00.000' : null,
      afterId: start === 'after' ? 10 : null,
    });
    const text = plan(statement.compiled('sqlite').sql, values);
    expect(text).toMatch(/USING (COVERING )?INDEX IDX_articles_status_published/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });

  it.each(scopes)('the count of a %s list reads the status index', (scope) => {
    const statement = articleCount[scope];
    const values = statement.bind('sqlite', {
      status: ArticleStatus.DRAFT,
      section: null,
      language: null,
      publishedAfter: null,
      publishedBefore: null,
      verdict: null,
      topic: null,
    });
    expect(plan(statement.compiled('sqlite').sql, values)).toMatch(/INDEX IDX_articles_status_published/);
  });
});
