import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, conflict, ErrorCode, forbidden, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { ArticleStatus } from '../article/article.entity';
import { stampWhatReadersSee } from '../article/reader-history';
import { isEditor, requireRole, type Viewer } from '../auth/viewer';
import { Role } from '../user/user.entity';
import { AnnotationChange } from './annotation-revision.entity';
import {
  type AnnotationState,
  appendRevision,
  type CitationToWrite,
  claimFor,
  contributorIds,
  currentCitations,
  insertCorrection,
  type NewCorrection,
  refreshClaimVerdict,
  writeCitations,
} from './annotation-writes';
import { AnnotationStatus } from './annotation.entity';
import {
  annotationCount,
  type AnnotationListParams,
  type AnnotationListScope,
  annotationPages,
  annotationForWrite,
  articleStatusOfClaim,
  bumpAnnotationVersion,
  clearImportedRating,
  insertAnnotation,
  recentlyCorrectedArticles,
} from './annotation.queries';
import { CorrectionKind } from './correction.entity';
import { publishRefusal, RETRACTED_IS_FINAL } from './publish-rule';
import type { Verdict } from './verdict';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import type { Visibility } from '../auth/visibility';
import { type AnnotationRow, toAnnotationRow } from './annotation.rows';
import { describeRating, ratingForFactCheck } from '../rating/rating-writes';
import { type RatingSqlRow, ratingsByIds } from '../rating/rating.queries';

/** A new fact-check's content, its citations' sources given by id (decoded) or as new sources. */
export interface NewAnnotation {
  /** The organisation's rating; or only a verdict, which takes the scale's first rating of it. */
  ratingId?: number | null;
  verdict?: Verdict | null;
  summary: string;
  body: string;
  citations: CitationToWrite[];
}

/** A change to a fact-check's content: fields left out stay as they are. */
export interface AnnotationChanges {
  expectedVersion: number;
  ratingId?: number | null;
  verdict?: Verdict | null;
  summary?: string | null;
  body?: string | null;
  citations?: CitationToWrite[] | null;
  note?: string | null;
}

/** The fact-checks list's filters, ids decoded (a claim's: the claim the viewer may see under it, or NOBODY). */
export interface AnnotationListFilter {
  status?: readonly AnnotationStatus[] | null;
  authorId?: number | null;
  articleId?: number | null;
  claimId?: number | null;
  awaitingMyReview?: boolean | null;
}

export interface ListAnnotationsArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  filter?: AnnotationListFilter | null;
}

/** No row has this id: a filter naming something that is not there, or that the viewer may not see, matches nothing. */
export const NOBODY = 0;
/** The largest id a PostgreSQL integer holds: a larger one names nothing. */
const MAX_ID = 2_147_483_647;
const LIST_SCOPE = 'annotations:updatedAt';
const FORGED_CURSOR = 'Invalid cursor: pass an endCursor returned by this list, unchanged.';

/** A fact-check as the workflow reads it to change it. */
interface AnnotationForWrite {
  id: number;
  claimId: number;
  authorId: number;
  verdict: Verdict;
  ratingId: number | null;
  summary: string;
  body: string;
  status: AnnotationStatus;
  version: number;
}

/** The fields a change may set; the version and update time are stamped with every change. */
type AnnotationUpdate = Partial<Pick<AnnotationForWrite, 'verdict' | 'ratingId' | 'summary' | 'body' | 'status'>> & {
  publishedAt?: Date;
  retractedAt?: Date;
  retractionReason?: string;
};

const NO_SUCH_CLAIM = 'No such claim.';
const RATING_FIELDS = { ratingId: 'input.ratingId', verdict: 'input.verdict' };
const NO_SUCH_ANNOTATION = 'No such fact-check.';
const STALE_VERSION = 'The fact-check has changed since you read it: reload and apply your change again.';
const NOTHING_TO_CHANGE = 'Nothing to change: give at least one of ratingId, verdict, summary, body, citations.';
const NOTE_REQUIRED = 'A change to a published fact-check is on the public record: say why in `note`.';
const NOT_YOURS = 'Only its author or an editor may edit a fact-check before it is published.';
const PUBLISHED_EDITORS_ONLY = 'Only an editor may edit a published fact-check.';
const SUBMIT_OWN = 'Only its author submits a fact-check for review.';
const KEEP_A_CITATION = 'A published fact-check keeps at least one cited source.';
const COMMENT_REQUIRED = 'Say what the author should change: `comment` cannot be empty.';
/** The longest comment: a revision's note, as every note (LIMITS.note). */
export const MAX_RETURN_COMMENT = 1_000;

/**
 * The review workflow: DRAFT -(author submits)-> IN_REVIEW -(another editor publishes)->
 * PUBLISHED -(editor retracts)-> RETRACTED; an editor may send one IN_REVIEW back to DRAFT
 * with a comment (returnToDraft). Every change bumps the version with an
 * optimistic `UPDATE ... WHERE version = ?`, appends a revision, and keeps the claim's
 * verdict equal to that of its newest published fact-check, all in one transaction.
 *
 * Four eyes: nobody publishes a fact-check whose content (verdict, summary, body, citations)
 * they wrote or changed; its contributors are named on it. Once published, a change to its
 * content is an editor's, with a note, recorded as a public correction.
 */
export class AnnotationService {
  private readonly db: Database;

  constructor({ db }: { db: Database }) {
    this.db = db;
  }

  /**
   * The ids of the published articles with the newest public corrections, newest first: their
   * corrections (the `correctionsByArticle` loader) hold the newest `limit` of all.
   */
  async recentlyCorrectedArticleIds(limit: number): Promise<number[]> {
    const rows = await this.db.reader.rows(recentlyCorrectedArticles, { limit });
    return rows.map((row) => row.articleId);
  }

  /**
   * The fact-checks the viewer may see (the one visibility rule, in SQL), newest change first,
   * keyset-paged by (updatedAt, id). `awaitingMyReview`: those IN_REVIEW an editor may publish
   * (none of their content is theirs); nothing for anyone else, who publishes nothing.
   */
  async list({ visibility, first, after, filter }: ListAnnotationsArgs): Promise<Connection<AnnotationRow>> {
    const size = pageSize(first);
    if (filter?.status && filter.status.length === 0)
      throw badUserInput('Name at least one status, or leave `status` out.', 'filter.status');
    const position = after ? decodeCursor(LIST_SCOPE, after) : null;
    if (position && (typeof position.value !== 'string' || position.id > MAX_ID))
      throw badUserInput(FORGED_CURSOR, 'after');
    const awaiting = filter?.awaitingMyReview === true;
    if (awaiting && visibility.level !== 'editor')
      return toConnection(
        [],
        size,
        LIST_SCOPE,
        () => ({ value: null, id: 1 }),
        toAnnotationRow,
        async () => 0,
      );
    const scope: AnnotationListScope = awaiting ? 'awaiting' : visibility.level;
    const id = (value: number | null | undefined) => (value == null ? null : value > MAX_ID ? NOBODY : value);
    const params: AnnotationListParams = {
      viewerId: visibility.viewerId,
      statuses: [...new Set(filter?.status ?? Object.values(AnnotationStatus))],
      authorId: id(filter?.authorId),
      articleId: id(filter?.articleId),
      claimId: id(filter?.claimId),
    };
    const rows = position
      ? await this.db.reader.rows(annotationPages.after[scope], {
          ...params,
          afterValue: position.value as string,
          afterId: position.id,
          limit: size + 1,
        })
      : await this.db.reader.rows(annotationPages.first[scope], {
          ...params,
          afterValue: null,
          afterId: null,
          limit: size + 1,
        });
    return toConnection(
      rows,
      size,
      LIST_SCOPE,
      (row) => ({ value: row.updatedAt, id: row.id }),
      toAnnotationRow,
      async () => Number((await this.db.reader.row(annotationCount[scope], params))?.n ?? 0),
    );
  }

  create(viewer: Viewer, claimId: number, input: NewAnnotation): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      // Only the article's status matters here: no entities hydrated (an article's body is most of its bytes).
      const target = await executeOne(manager, articleStatusOfClaim, { claimId });
      if (!target || (!isEditor(viewer) && target.articleStatus !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_CLAIM, 'input.claimId');
      const rating = await ratingForFactCheck(manager, input, RATING_FIELDS);
      const now = new Date();
      const content = {
        verdict: rating.verdict,
        ratingId: rating.id,
        summary: clean(input.summary),
        body: clean(input.body),
        status: AnnotationStatus.DRAFT,
      };
      const [inserted] = await execute(manager, insertAnnotation, {
        claimId,
        authorId: user.id,
        ...content,
        createdAt: toSqlDate(now),
        updatedAt: toSqlDate(now),
      });
      const annotation: AnnotationState = { id: inserted.id, version: 1, ...content, updatedAt: now };
      const citations = await writeCitations(manager, annotation.id, input.citations, 'input.citations', {
        replacing: false,
      });
      await appendRevision(manager, annotation, AnnotationChange.CREATED, user.id, citations);
      return annotation.id;
    });
  }

  update(viewer: Viewer, id: number, input: AnnotationChanges): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    if (
      input.ratingId == null &&
      input.verdict == null &&
      input.summary == null &&
      input.body == null &&
      input.citations == null
    )
      throw badUserInput(NOTHING_TO_CHANGE, 'input');
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.status === AnnotationStatus.RETRACTED) throw conflict(RETRACTED_IS_FINAL, annotation.version);
      const published = annotation.status === AnnotationStatus.PUBLISHED;
      if (published && !isEditor(viewer)) throw forbidden(PUBLISHED_EDITORS_ONLY);
      if (annotation.authorId !== user.id && !isEditor(viewer)) throw forbidden(NOT_YOURS);
      checkVersion(annotation, input.expectedVersion);
      const previousVerdict = annotation.verdict;
      // A verdict alone keeps the rating when it already stands for that verdict.
      const rating =
        input.ratingId != null || (input.verdict != null && input.verdict !== previousVerdict)
          ? await ratingForFactCheck(manager, input, RATING_FIELDS)
          : null;
      const verdictChanged = rating !== null && rating.verdict !== previousVerdict;
      const ratingChanged = rating !== null && rating.id !== annotation.ratingId;
      const note = clean(input.note) ?? null;
      if (published && !note) throw badUserInput(NOTE_REQUIRED, 'input.note');
      if (published && input.citations?.length === 0) throw badUserInput(KEEP_A_CITATION, 'input.citations');

      const changed = await bumpVersion(manager, annotation, {
        ...(rating ? { verdict: rating.verdict, ratingId: rating.id } : {}),
        ...(input.summary != null ? { summary: clean(input.summary) } : {}),
        ...(input.body != null ? { body: clean(input.body) } : {}),
      });
      if (rating) await execute(manager, clearImportedRating, { id });
      const citations = input.citations
        ? await writeCitations(manager, id, input.citations, 'input.citations', { replacing: true })
        : await currentCitations(manager, id);
      await appendRevision(manager, changed, AnnotationChange.UPDATED, user.id, citations, note);
      if (published) {
        const { articleId } = verdictChanged
          ? await refreshClaimVerdict(manager, annotation.claimId, outbox)
          : {
              articleId: (await executeOne(manager, articleStatusOfClaim, { claimId: annotation.claimId }))!.articleId,
            };
        outbox.unshift({
          type: 'annotationCorrected',
          articleId,
          claimId: annotation.claimId,
          annotationId: id,
          details: { verdict: changed.verdict, previousVerdict, note: note! },
        });
        const kind = verdictChanged
          ? CorrectionKind.VERDICT_CHANGED
          : ratingChanged
            ? CorrectionKind.RATING_CHANGED
            : CorrectionKind.CHECK_UPDATED;
        await recordCorrection(manager, annotation, {
          kind,
          previousVerdict,
          newVerdict: changed.verdict,
          note: note!,
          editorId: user.id,
          ...(ratingChanged && !verdictChanged ? await ratingLabels(manager, annotation.ratingId, rating) : {}),
        });
        await stampWhatReadersSee(manager, { annotationId: id }, changed.updatedAt);
      }
      return id;
    });
  }

  submit(viewer: Viewer, id: number, expectedVersion?: number | null): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.authorId !== user.id) throw forbidden(SUBMIT_OWN);
      if (annotation.status !== AnnotationStatus.DRAFT)
        throw conflict(`Only a DRAFT can be submitted; this one is ${annotation.status}.`, annotation.version);
      checkVersion(annotation, expectedVersion);
      const changed = await bumpVersion(manager, annotation, { status: AnnotationStatus.IN_REVIEW });
      await appendRevision(manager, changed, AnnotationChange.SUBMITTED, user.id, await currentCitations(manager, id));
      // The editors' queue hears of it live (a staff event: never public).
      const { articleId } = await claimFor(manager, annotation.claimId);
      outbox.push({
        type: 'annotationSubmitted',
        articleId,
        claimId: annotation.claimId,
        annotationId: id,
        details: { verdict: changed.verdict },
        staffOnly: true,
      });
      return id;
    });
  }

  /**
   * Sends a fact-check IN_REVIEW back to its author as a DRAFT, with the editor's comment (a
   * RETURNED revision whose note it is). Not a content change: the editor does not become a
   * contributor, so four eyes stands as it was. Staff business: no correction, nothing public.
   */
  returnToDraft(viewer: Viewer, id: number, comment: string, expectedVersion?: number | null): Promise<number> {
    const user = requireRole(viewer, Role.EDITOR);
    const note = clean(comment);
    if (!note) throw badUserInput(COMMENT_REQUIRED, 'input.comment');
    if (note.length > MAX_RETURN_COMMENT)
      throw badUserInput(`At most ${MAX_RETURN_COMMENT} characters.`, 'input.comment');
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.status !== AnnotationStatus.IN_REVIEW)
        throw conflict(
          `Only a fact-check IN_REVIEW can be sent back; this one is ${annotation.status}.`,
          annotation.version,
        );
      checkVersion(annotation, expectedVersion);
      const changed = await bumpVersion(manager, annotation, { status: AnnotationStatus.DRAFT });
      await appendRevision(
        manager,
        changed,
        AnnotationChange.RETURNED,
        user.id,
        await currentCitations(manager, id),
        note,
      );
      const { articleId } = await claimFor(manager, annotation.claimId);
      outbox.push({
        type: 'annotationReturned',
        articleId,
        claimId: annotation.claimId,
        annotationId: id,
        details: { verdict: changed.verdict, note },
        staffOnly: true,
      });
      return id;
    });
  }

  publish(viewer: Viewer, id: number, expectedVersion: number): Promise<number> {
    const user = requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      const citations = await currentCitations(manager, id);
      // The one rule (publish-rule.ts) that Annotation.viewerCanPublish shows before the click.
      const refusal = await publishRefusal(viewer, {
        status: annotation.status,
        contributorIds: () => contributorIds(manager, id),
        citationCount: async () => citations.length,
      });
      if (refusal) throw refusal.code === ErrorCode.CONFLICT ? conflict(refusal.message, annotation.version) : refusal;
      checkVersion(annotation, expectedVersion);
      const changed = await bumpVersion(manager, annotation, {
        status: AnnotationStatus.PUBLISHED,
        publishedAt: new Date(),
      });
      await appendRevision(manager, changed, AnnotationChange.PUBLISHED, user.id, citations);
      await stampWhatReadersSee(manager, { annotationId: id }, changed.updatedAt);
      const { articleId } = await refreshClaimVerdict(manager, annotation.claimId, outbox);
      outbox.unshift({
        type: 'annotationPublished',
        articleId,
        claimId: annotation.claimId,
        annotationId: id,
        details: { verdict: changed.verdict },
      });
      return id;
    });
  }

  /** Retracts with a reason: the fact-check stays visible as RETRACTED; the claim falls back. */
  retract(viewer: Viewer, id: number, reason: string, expectedVersion?: number | null): Promise<number> {
    const user = requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.status !== AnnotationStatus.PUBLISHED)
        throw conflict(
          `Only a PUBLISHED fact-check can be retracted; this one is ${annotation.status}.`,
          annotation.version,
        );
      checkVersion(annotation, expectedVersion);
      const note = clean(reason);
      const changed = await bumpVersion(manager, annotation, {
        status: AnnotationStatus.RETRACTED,
        retractedAt: new Date(),
        retractionReason: note,
      });
      await appendRevision(
        manager,
        changed,
        AnnotationChange.RETRACTED,
        user.id,
        await currentCitations(manager, id),
        note,
      );
      await stampWhatReadersSee(manager, { annotationId: id }, changed.updatedAt);
      const { before, after, articleId } = await refreshClaimVerdict(manager, annotation.claimId, outbox);
      outbox.unshift({
        type: 'annotationRetracted',
        articleId,
        claimId: annotation.claimId,
        annotationId: id,
        details: { verdict: changed.verdict, reason: note },
      });
      await recordCorrection(manager, annotation, {
        kind: CorrectionKind.RETRACTED,
        previousVerdict: before,
        newVerdict: after,
        note,
        editorId: user.id,
      });
      return id;
    });
  }

  /**
   * A fact-check the viewer may see, as every read sees it (others' drafts, those of a deleted
   * claim, or of an article the viewer cannot see, are NOT_FOUND, not FORBIDDEN: no leak).
   */
  private async findForWrite(manager: EntityManager, viewer: Viewer, id: number): Promise<AnnotationForWrite> {
    const annotation = await executeOne(manager, annotationForWrite, { id });
    if (!annotation) throw notFound(NO_SUCH_ANNOTATION, 'input.id');
    const place = await executeOne(manager, articleStatusOfClaim, { claimId: annotation.claimId });
    const publicStatus =
      annotation.status === AnnotationStatus.PUBLISHED || annotation.status === AnnotationStatus.RETRACTED;
    const visible =
      place &&
      (isEditor(viewer) ||
        (place.articleStatus === ArticleStatus.PUBLISHED && (publicStatus || annotation.authorId === viewer.user?.id)));
    if (!visible) throw notFound(NO_SUCH_ANNOTATION, 'input.id');
    return annotation;
  }
}

function checkVersion(annotation: AnnotationForWrite, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== annotation.version)
    throw conflict(STALE_VERSION, annotation.version);
}

/**
 * Applies `changes` only if nobody changed the row since it was read (typeorm#2848); returns
 * the fact-check as it now stands.
 */
async function bumpVersion(
  manager: EntityManager,
  annotation: AnnotationForWrite,
  changes: AnnotationUpdate,
): Promise<AnnotationForWrite & AnnotationState> {
  const updatedAt = new Date();
  const updated = await execute(manager, bumpAnnotationVersion, {
    id: annotation.id,
    version: annotation.version,
    nextVersion: annotation.version + 1,
    updatedAt: toSqlDate(updatedAt),
    verdict: changes.verdict ?? null,
    ratingId: changes.ratingId ?? null,
    summary: changes.summary ?? null,
    body: changes.body ?? null,
    status: changes.status ?? null,
    publishedAt: changes.publishedAt ? toSqlDate(changes.publishedAt) : null,
    retractedAt: changes.retractedAt ? toSqlDate(changes.retractedAt) : null,
    retractionReason: changes.retractionReason ?? null,
  });
  if (updated.length !== 1) throw conflict(STALE_VERSION, annotation.version);
  const {
    publishedAt: _publishedAt,
    retractedAt: _retractedAt,
    retractionReason: _retractionReason,
    ...content
  } = changes;
  return { ...annotation, ...content, version: annotation.version + 1, updatedAt };
}

async function recordCorrection(
  manager: EntityManager,
  annotation: AnnotationForWrite,
  correction: Pick<NewCorrection, 'kind' | 'previousVerdict' | 'newVerdict' | 'note' | 'editorId'> &
    Partial<Pick<NewCorrection, 'previousText' | 'newText'>>,
): Promise<void> {
  const claim = await claimFor(manager, annotation.claimId);
  await insertCorrection(manager, {
    previousText: null,
    newText: null,
    ...correction,
    articleId: claim.articleId,
    claimId: claim.id,
    annotationId: annotation.id,
  });
}

/** A change of rating on the public record: the ratings before and after, in words. */
async function ratingLabels(
  manager: EntityManager,
  previousId: number | null,
  next: RatingSqlRow,
): Promise<{ previousText: string | null; newText: string }> {
  const [previous] = previousId === null ? [] : await execute(manager, ratingsByIds, { ids: [previousId] });
  return { previousText: previous ? describeRating(previous) : null, newText: describeRating(next) };
}
