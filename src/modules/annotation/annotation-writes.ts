import { query } from '../../db/sql';
import type { EntityManager } from 'typeorm';
import type { ChangeEvent } from '../../events/change-events';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, notFound } from '../../domain/errors';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import { clean } from '../../graphql/text-rules';
import { ClaimEntity } from '../claim/claim.entity';
import { upsertSource } from '../source/source.service';
import { type AnnotationChange, type CitationSnapshot, CONTENT_CHANGES_SQL } from './annotation-revision.entity';
import { AnnotationEntity, AnnotationStatus } from './annotation.entity';
import type { CitationInput } from './annotation.inputs';
import { CitationEntity } from './citation.entity';
import { CorrectionEntity } from './correction.entity';
import type { Verdict } from './verdict';

/**
 * Steps shared by the fact-check mutations; each runs inside the caller's transaction. The
 * inserts every fact-check write makes are parameterised SQL: TypeORM's insert() writes numbers
 * into the SQL text (a new statement to compile for every row) and re-reads each row it inserts.
 */

const ONE_SOURCE = 'Give exactly one of `sourceId` and `source`.';

/**
 * Replaces an annotation's citations, in order. Citations are resolved one by one, so a bad
 * one can fail after earlier writes (a new source stored): the transaction undoes them all.
 */
export async function writeCitations(
  manager: EntityManager,
  annotationId: number,
  citations: CitationInput[],
  field: string,
  { replacing }: { replacing: boolean },
): Promise<CitationSnapshot[]> {
  // Only an existing fact-check has citations to replace. A DELETE that finds nothing still
  // reads the table: on PostgreSQL that read makes concurrent createAnnotations conflict
  // (SERIALIZABLE) and retry, 250 rollbacks in 200 creates before this was skipped.
  if (replacing) await query(manager, 'DELETE FROM citations WHERE annotation_id = ?', [annotationId]);
  const snapshot: CitationSnapshot[] = [];
  for (const [index, citation] of citations.entries()) {
    const at = `${field}.${index}`;
    if ((citation.sourceId == null) === (citation.source == null)) throw badUserInput(ONE_SOURCE, at);
    let sourceId: number;
    if (citation.sourceId != null) {
      sourceId = fromGlobalIdOf('Source', citation.sourceId, `${at}.sourceId`);
      if ((await query(manager, 'SELECT 1 FROM sources WHERE id = ?', [sourceId])).length === 0) throw notFound('No such source.', `${at}.sourceId`);
    } else {
      sourceId = await upsertSource(manager, citation.source!, `${at}.source.url`);
    }
    const excerpt = clean(citation.excerpt);
    await query(manager, 'INSERT INTO citations (annotation_id, source_id, stance, excerpt, position) VALUES (?, ?, ?, ?, ?)', [annotationId, sourceId, citation.stance, excerpt, index]);
    snapshot.push({ sourceId, stance: citation.stance, excerpt });
  }
  return snapshot;
}

/** Everyone who wrote or changed the fact-check's content (its author first among them). */
export async function contributorIds(manager: EntityManager, annotationId: number): Promise<number[]> {
  const rows = await query<{ actorId: number }>(
    manager,
    `SELECT DISTINCT actor_id AS actorId FROM annotation_revisions WHERE annotation_id = ? AND change IN ${CONTENT_CHANGES_SQL}`,
    [annotationId],
  );
  return rows.map((row) => row.actorId);
}

/** Appends a public correction (the record of a change to something readers saw). */
export async function insertCorrection(manager: EntityManager, correction: Omit<CorrectionEntity, 'id' | 'createdAt' | 'article' | 'claim' | 'annotation' | 'editor'>): Promise<void> {
  await manager.insert(CorrectionEntity, { ...correction, createdAt: new Date() });
}

export async function currentCitations(manager: EntityManager, annotationId: number): Promise<CitationSnapshot[]> {
  const rows = await manager.find(CitationEntity, { where: { annotationId }, order: { position: 'ASC' } });
  return rows.map(({ sourceId, stance, excerpt }) => ({ sourceId, stance, excerpt }));
}

/** Appends the annotation as it now stands to its history. Revisions are never rewritten. */
export async function appendRevision(
  manager: EntityManager,
  annotation: AnnotationEntity,
  change: AnnotationChange,
  actorId: number,
  citations: CitationSnapshot[],
  note: string | null = null,
): Promise<void> {
  // The revision's time is the annotation's update time: point-in-time reads then show the
  // same updatedAt as live reads did (and keep milliseconds, which column defaults drop).
  await query(manager, 
    `INSERT INTO annotation_revisions (annotation_id, version, change, verdict, summary, body, status, citations, actor_id, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [annotation.id, annotation.version, change, annotation.verdict, annotation.summary, annotation.body, annotation.status, JSON.stringify(citations), actorId, note, toSqlDate(annotation.updatedAt)],
  );
}

/**
 * Sets a claim's verdict to that of its newest published fact-check; returns before and after
 * (and the claim's article). A change goes into `outbox` for live subscribers.
 */
export async function refreshClaimVerdict(
  manager: EntityManager,
  claimId: number,
  outbox: ChangeEvent[],
): Promise<{ before: Verdict | null; after: Verdict | null; articleId: number }> {
  const claim = await manager.findOneByOrFail(ClaimEntity, { id: claimId });
  const newest = await manager
    .createQueryBuilder(AnnotationEntity, 'n')
    .select('n.verdict', 'verdict')
    .where('n.claimId = :claimId AND n.status = :status', { claimId, status: AnnotationStatus.PUBLISHED })
    .orderBy('n.publishedAt', 'DESC')
    .addOrderBy('n.id', 'DESC')
    .limit(1)
    .getRawOne<{ verdict: Verdict }>();
  const after = newest?.verdict ?? null;
  if (after !== claim.verdict) {
    await manager.update(ClaimEntity, { id: claimId }, { verdict: after });
    outbox.push({ type: 'claimVerdictChanged', articleId: claim.articleId, claimId });
  }
  return { before: claim.verdict, after, articleId: claim.articleId };
}
