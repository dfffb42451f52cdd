import type { EntityManager } from 'typeorm';
import { query } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import type { ArticleStatus } from './article.entity';

/*
 * What readers saw, and from when: the record every reader-facing history (point-in-time
 * reads, revisions, corrections, sources) is filtered by, so that text only staff ever saw
 * never reaches a reader, whichever path asks. Written in the transaction of the change.
 */

/** Appends a publication or an archiving (with the note readers see of a withdrawal) to the article's status history. */
export async function recordStatusChange(manager: EntityManager, articleId: number, status: ArticleStatus, actorId: number | null, at: Date, note: string | null = null): Promise<void> {
  await query(manager, 'INSERT INTO article_status_changes (article_id, status, actor_id, created_at, note) VALUES (?, ?, ?, ?, ?)', [articleId, status, actorId, toSqlDate(at), note]);
}

/** Which published content to stamp: one article and all under it, or one fact-check. */
export type ReaderScope = { articleId: number } | { annotationId: number };

/**
 * Stamps, with `at`, what readers can see now and had not seen before: the article's current
 * revision, the current version of its published and retracted fact-checks, and the sources
 * those cite. Only where the article is published; stamps are set once and never cleared.
 * Call it after any change that may show readers something new.
 */
export async function stampWhatReadersSee(manager: EntityManager, scope: ReaderScope, at: Date): Promise<void> {
  const when = toSqlDate(at);
  const [where, key] = 'articleId' in scope ? ['c.article_id = ?', scope.articleId] : ['n.id = ?', scope.annotationId];
  if ('articleId' in scope) {
    await query(
      manager,
      `UPDATE article_revisions SET public_at = ? WHERE public_at IS NULL AND article_id = ?
         AND number = (SELECT a.revision FROM articles a WHERE a.id = ? AND a.status = 'PUBLISHED')`,
      [when, scope.articleId, scope.articleId],
    );
  }
  await query(
    manager,
    `UPDATE annotation_revisions SET public_at = ? WHERE public_at IS NULL AND status IN ('PUBLISHED', 'RETRACTED') AND id IN (
       SELECT MAX(r.id) FROM annotation_revisions r JOIN annotations n ON n.id = r.annotation_id JOIN claims c ON c.id = n.claim_id
         JOIN articles a ON a.id = c.article_id
       WHERE ${where} AND a.status = 'PUBLISHED' AND c.deleted_at IS NULL GROUP BY r.annotation_id)`,
    [when, key],
  );
  await query(
    manager,
    `UPDATE sources SET public_at = ? WHERE public_at IS NULL AND id IN (
       SELECT t.source_id FROM citations t JOIN annotations n ON n.id = t.annotation_id JOIN claims c ON c.id = n.claim_id
         JOIN articles a ON a.id = c.article_id
       WHERE ${where} AND a.status = 'PUBLISHED' AND n.status IN ('PUBLISHED', 'RETRACTED') AND c.deleted_at IS NULL)`,
    [when, key],
  );
}

/**
 * SQL for the moment an article was first published (null if never), `articleId` an SQL
 * expression naming it: readers' histories (corrections) start there.
 */
export function firstPublicationSql(articleId: string): string {
  return `(SELECT MIN(fp.created_at) FROM article_status_changes fp WHERE fp.article_id = ${articleId} AND fp.status = 'PUBLISHED')`;
}
