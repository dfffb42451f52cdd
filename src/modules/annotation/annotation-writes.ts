import type { EntityManager } from 'typeorm';
import { execute, executeOne } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, notFound } from '../../domain/errors';
import type { ChangeEvent } from '../../events/change-events';
import { clean } from '../../graphql/text-rules';
import { sourceExists } from '../source/source.queries';
import type { CreateSourceInput } from '../source/source.inputs';
import { upsertSource } from '../source/source.service';
import type { AnnotationChange, CitationSnapshot } from './annotation-revision.entity';
import type { AnnotationStatus } from './annotation.entity';
import {
  claimOf,
  contributorIdsOf,
  currentCitationsOf,
  deleteCitations,
  insertCitation,
  insertCorrection as insertCorrectionStatement,
  insertRevision,
  newestPublishedVerdict,
  otherArticlesOfClaim,
  setClaimVerdict,
} from './annotation.queries';
import type { Stance } from './citation.entity';
import type { CorrectionKind } from './correction.entity';
import type { Verdict } from './verdict';

/**
 * Steps shared by the fact-check mutations; each runs inside the caller's transaction, with the
 * statements of annotation.queries.ts (parameterised, and no re-read of the rows they insert).
 */

const ONE_SOURCE = 'Give exactly one of `sourceId` and `source`.';

/** A citation to write: an existing source by id, or a new one (exactly one of them). */
export interface CitationToWrite {
  sourceId?: number | null;
  source?: CreateSourceInput | null;
  stance: Stance;
  excerpt: string;
}

/** A fact-check as it now stands: what a revision records. */
export interface AnnotationState {
  id: number;
  version: number;
  verdict: Verdict;
  summary: string;
  body: string;
  status: AnnotationStatus;
  updatedAt: Date;
}

/** A public correction to record. */
export interface NewCorrection {
  articleId: number;
  claimId: number;
  annotationId: number;
  kind: CorrectionKind;
  previousVerdict: Verdict | null;
  newVerdict: Verdict | null;
  previousText: string | null;
  newText: string | null;
  note: string;
  editorId: number;
}

/**
 * Replaces an annotation's citations, in order. Citations are resolved one by one, so a bad
 * one can fail after earlier writes (a new source stored): the transaction undoes them all.
 */
export async function writeCitations(
  manager: EntityManager,
  annotationId: number,
  citations: CitationToWrite[],
  field: string,
  { replacing }: { replacing: boolean },
): Promise<CitationSnapshot[]> {
  // Only an existing fact-check has citations to replace. A DELETE that finds nothing still
  // reads the table: on PostgreSQL that read makes concurrent createAnnotations conflict
  // (SERIALIZABLE) and retry.
  if (replacing) await execute(manager, deleteCitations, { annotationId });
  const snapshot: CitationSnapshot[] = [];
  for (const [index, citation] of citations.entries()) {
    const at = `${field}.${index}`;
    if ((citation.sourceId == null) === (citation.source == null)) throw badUserInput(ONE_SOURCE, at);
    let sourceId: number;
    if (citation.sourceId != null) {
      sourceId = citation.sourceId;
      if (!(await executeOne(manager, sourceExists, { id: sourceId })))
        throw notFound('No such source.', `${at}.sourceId`);
    } else {
      sourceId = await upsertSource(manager, citation.source!, `${at}.source.url`);
    }
    const excerpt = clean(citation.excerpt);
    await execute(manager, insertCitation, {
      annotationId,
      sourceId,
      stance: citation.stance,
      excerpt,
      position: index,
    });
    snapshot.push({ sourceId, stance: citation.stance, excerpt });
  }
  return snapshot;
}

/** Everyone who wrote or changed the fact-check's content (its author first among them). */
export async function contributorIds(manager: EntityManager, annotationId: number): Promise<number[]> {
  const rows = await execute(manager, contributorIdsOf, { annotationId });
  return rows.map((row) => row.actorId);
}

/** Appends a public correction (the record of a change to something readers saw). */
export async function insertCorrection(manager: EntityManager, correction: NewCorrection): Promise<void> {
  await execute(manager, insertCorrectionStatement, { ...correction, createdAt: toSqlDate(new Date()) });
}

export async function currentCitations(manager: EntityManager, annotationId: number): Promise<CitationSnapshot[]> {
  return execute(manager, currentCitationsOf, { annotationId });
}

/** Appends the annotation as it now stands to its history. Revisions are never rewritten. */
export async function appendRevision(
  manager: EntityManager,
  annotation: AnnotationState,
  change: AnnotationChange,
  actorId: number,
  citations: CitationSnapshot[],
  note: string | null = null,
): Promise<void> {
  // The revision's time is the annotation's update time: point-in-time reads then show the
  // same updatedAt as live reads did (and keep milliseconds, which column defaults drop).
  await execute(manager, insertRevision, {
    annotationId: annotation.id,
    version: annotation.version,
    change,
    verdict: annotation.verdict,
    summary: annotation.summary,
    body: annotation.body,
    status: annotation.status,
    citations: JSON.stringify(citations),
    actorId,
    note,
    createdAt: toSqlDate(annotation.updatedAt),
  });
}

/** A claim's article and verdict; the claim exists (the caller's fact-check refers to it). */
export async function claimFor(
  manager: EntityManager,
  claimId: number,
): Promise<{ id: number; articleId: number; verdict: Verdict | null }> {
  const claim = await executeOne(manager, claimOf, { claimId });
  if (!claim) throw new Error(`Claim ${claimId} does not exist.`);
  return claim;
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
  const claim = await claimFor(manager, claimId);
  const newest = await executeOne(manager, newestPublishedVerdict, { claimId });
  const after = newest?.verdict ?? null;
  if (after !== claim.verdict) {
    await execute(manager, setClaimVerdict, { claimId, verdict: after });
    // Every article the claim appears in shows its verdict: each one's subscribers hear of it.
    const details = { verdict: after, previousVerdict: claim.verdict };
    outbox.push({ type: 'claimVerdictChanged', articleId: claim.articleId, claimId, details });
    for (const { articleId } of await execute(manager, otherArticlesOfClaim, { claimId }))
      if (articleId !== claim.articleId) outbox.push({ type: 'claimVerdictChanged', articleId, claimId, details });
  }
  return { before: claim.verdict, after, articleId: claim.articleId };
}
