import type { EntityManager } from 'typeorm';
import { execute } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import type { ArticleStatus } from './article.entity';
import { insertStatusChange, stampAnnotationRevisions, stampArticleRevision, stampSources } from './article.queries';

/*
 * What readers saw, and from when: the record every reader-facing history (point-in-time
 * reads, revisions, corrections, sources) is filtered by, so that text only staff ever saw
 * never reaches a reader, whichever path asks. Written in the transaction of the change.
 */

/** Appends a publication or an archiving (with the note readers see of a withdrawal) to the article's status history. */
export async function recordStatusChange(
  manager: EntityManager,
  articleId: number,
  status: ArticleStatus,
  actorId: number | null,
  at: Date,
  note: string | null = null,
): Promise<void> {
  await execute(manager, insertStatusChange, { articleId, status, actorId, createdAt: toSqlDate(at), note });
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
  const [variant, key] =
    'articleId' in scope ? (['article', scope.articleId] as const) : (['annotation', scope.annotationId] as const);
  if ('articleId' in scope) await execute(manager, stampArticleRevision, { at: when, articleId: scope.articleId });
  await execute(manager, stampAnnotationRevisions[variant], { at: when, key });
  await execute(manager, stampSources[variant], { at: when, key });
}
