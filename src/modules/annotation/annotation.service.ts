import { query } from '../../db/sql';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, conflict, forbidden, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { ArticleStatus } from '../article/article.entity';
import { isEditor, requireRole, type Viewer } from '../auth/viewer';
import { ClaimEntity } from '../claim/claim.entity';
import { Role } from '../user/user.entity';
import { AnnotationChange } from './annotation-revision.entity';
import { stampWhatReadersSee } from '../article/reader-history';
import { appendRevision, contributorIds, currentCitations, insertCorrection, refreshClaimVerdict, writeCitations } from './annotation-writes';
import { AnnotationEntity, AnnotationStatus } from './annotation.entity';
import type { CreateAnnotationInput, UpdateAnnotationInput } from './annotation.inputs';
import { CorrectionEntity, CorrectionKind } from './correction.entity';

const NO_SUCH_CLAIM = 'No such claim.';
const NO_SUCH_ANNOTATION = 'No such fact-check.';
const STALE_VERSION = 'The fact-check has changed since you read it: reload and apply your change again.';
const NOTHING_TO_CHANGE = 'Nothing to change: give at least one of verdict, summary, body, citations.';
const NOTE_REQUIRED = 'A change to a published fact-check is on the public record: say why in `note`.';
const NOT_YOURS = 'Only its author or an editor may edit a fact-check before it is published.';
const PUBLISHED_EDITORS_ONLY = 'Only an editor may edit a published fact-check.';
const RETRACTED_IS_FINAL = 'A retracted fact-check is final; write a new one.';
const SUBMIT_OWN = 'Only its author submits a fact-check for review.';
const SECOND_PAIR_OF_EYES = 'You wrote or changed the content of this fact-check: another editor must review and publish it.';

/**
 * The review workflow: DRAFT -(author submits)-> IN_REVIEW -(another editor publishes)->
 * PUBLISHED -(editor retracts)-> RETRACTED. Every change bumps the version with an
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

  create(viewer: Viewer, claimId: number, input: CreateAnnotationInput): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      // Only the article's status matters here: no entities hydrated (an article's body is 12 KB).
      const [target] = (await query(manager, 'SELECT a.status FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ? AND c.deleted_at IS NULL', [claimId])) as { status: ArticleStatus }[];
      if (!target || (!isEditor(viewer) && target.status !== ArticleStatus.PUBLISHED)) throw notFound(NO_SUCH_CLAIM, 'input.claimId');
      const now = new Date();
      const annotation = manager.create(AnnotationEntity, {
        createdAt: now,
        updatedAt: now,
        claimId,
        authorId: user.id,
        verdict: input.verdict,
        summary: clean(input.summary),
        body: clean(input.body),
        status: AnnotationStatus.DRAFT,
        version: 1,
        publishedAt: null,
        retractedAt: null,
        retractionReason: null,
      });
      // Parameterised, and no re-read of the row as save() does (annotation-writes.ts).
      const [inserted] = (await query(manager, 
        `INSERT INTO annotations (claim_id, author_id, verdict, summary, body, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id`,
        [claimId, user.id, annotation.verdict, annotation.summary, annotation.body, annotation.status, toSqlDate(now), toSqlDate(now)],
      )) as { id: number }[];
      annotation.id = inserted.id;
      const citations = await writeCitations(manager, annotation.id, input.citations, 'input.citations', { replacing: false });
      await appendRevision(manager, annotation, AnnotationChange.CREATED, user.id, citations);
      return annotation.id;
    });
  }

  update(viewer: Viewer, id: number, input: UpdateAnnotationInput): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    if (input.verdict == null && input.summary == null && input.body == null && input.citations == null) throw badUserInput(NOTHING_TO_CHANGE, 'input');
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.status === AnnotationStatus.RETRACTED) throw conflict(RETRACTED_IS_FINAL, annotation.version);
      const published = annotation.status === AnnotationStatus.PUBLISHED;
      if (published && !isEditor(viewer)) throw forbidden(PUBLISHED_EDITORS_ONLY);
      if (annotation.authorId !== user.id && !isEditor(viewer)) throw forbidden(NOT_YOURS);
      checkVersion(annotation, input.expectedVersion);
      const previousVerdict = annotation.verdict;
      const verdictChanged = input.verdict != null && input.verdict !== previousVerdict;
      const note = clean(input.note) ?? null;
      if (published && !note) throw badUserInput(NOTE_REQUIRED, 'input.note');

      await bumpVersion(manager, annotation, {
        ...(input.verdict != null ? { verdict: input.verdict } : {}),
        ...(input.summary != null ? { summary: clean(input.summary) } : {}),
        ...(input.body != null ? { body: clean(input.body) } : {}),
      });
      const citations = input.citations ? await writeCitations(manager, id, input.citations, 'input.citations', { replacing: true }) : await currentCitations(manager, id);
      await appendRevision(manager, annotation, AnnotationChange.UPDATED, user.id, citations, note);
      if (published) {
        if (verdictChanged) await refreshClaimVerdict(manager, annotation.claimId, outbox);
        const kind = verdictChanged ? CorrectionKind.VERDICT_CHANGED : CorrectionKind.CHECK_UPDATED;
        await recordCorrection(manager, annotation, { kind, previousVerdict, newVerdict: annotation.verdict, note: note!, editorId: user.id });
        await stampWhatReadersSee(manager, { annotationId: id }, annotation.updatedAt);
      }
      return id;
    });
  }

  submit(viewer: Viewer, id: number, expectedVersion?: number | null): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.authorId !== user.id) throw forbidden(SUBMIT_OWN);
      if (annotation.status !== AnnotationStatus.DRAFT) throw conflict(`Only a DRAFT can be submitted; this one is ${annotation.status}.`, annotation.version);
      checkVersion(annotation, expectedVersion);
      await bumpVersion(manager, annotation, { status: AnnotationStatus.IN_REVIEW });
      await appendRevision(manager, annotation, AnnotationChange.SUBMITTED, user.id, await currentCitations(manager, id));
      return id;
    });
  }

  publish(viewer: Viewer, id: number, expectedVersion: number): Promise<number> {
    const user = requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.status !== AnnotationStatus.IN_REVIEW) throw conflict(`Only a fact-check IN_REVIEW can be published; this one is ${annotation.status}.`, annotation.version);
      if ((await contributorIds(manager, id)).includes(user.id)) throw forbidden(SECOND_PAIR_OF_EYES);
      checkVersion(annotation, expectedVersion);
      await bumpVersion(manager, annotation, { status: AnnotationStatus.PUBLISHED, publishedAt: new Date() });
      await appendRevision(manager, annotation, AnnotationChange.PUBLISHED, user.id, await currentCitations(manager, id));
      await stampWhatReadersSee(manager, { annotationId: id }, annotation.updatedAt);
      const { articleId } = await refreshClaimVerdict(manager, annotation.claimId, outbox);
      outbox.unshift({ type: 'annotationPublished', articleId, annotationId: id });
      return id;
    });
  }

  /** Retracts with a reason: the fact-check stays visible as RETRACTED; the claim falls back. */
  retract(viewer: Viewer, id: number, reason: string, expectedVersion?: number | null): Promise<number> {
    const user = requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager, outbox) => {
      const annotation = await this.findForWrite(manager, viewer, id);
      if (annotation.status !== AnnotationStatus.PUBLISHED) throw conflict(`Only a PUBLISHED fact-check can be retracted; this one is ${annotation.status}.`, annotation.version);
      checkVersion(annotation, expectedVersion);
      const note = clean(reason);
      await bumpVersion(manager, annotation, { status: AnnotationStatus.RETRACTED, retractedAt: new Date(), retractionReason: note });
      await appendRevision(manager, annotation, AnnotationChange.RETRACTED, user.id, await currentCitations(manager, id), note);
      await stampWhatReadersSee(manager, { annotationId: id }, annotation.updatedAt);
      const { before, after } = await refreshClaimVerdict(manager, annotation.claimId, outbox);
      await recordCorrection(manager, annotation, { kind: CorrectionKind.RETRACTED, previousVerdict: before, newVerdict: after, note, editorId: user.id });
      return id;
    });
  }

  /**
   * A fact-check the viewer may see, as every read sees it (others' drafts, those of a deleted
   * claim, or of an article the viewer cannot see, are NOT_FOUND, not FORBIDDEN: no leak).
   */
  private async findForWrite(manager: EntityManager, viewer: Viewer, id: number): Promise<AnnotationEntity> {
    const annotation = await manager.findOneBy(AnnotationEntity, { id });
    if (!annotation) throw notFound(NO_SUCH_ANNOTATION, 'input.id');
    const [place] = await query<{ articleStatus: ArticleStatus }>(
      manager,
      'SELECT a.status AS articleStatus FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ? AND c.deleted_at IS NULL',
      [annotation.claimId],
    );
    const publicStatus = annotation.status === AnnotationStatus.PUBLISHED || annotation.status === AnnotationStatus.RETRACTED;
    const visible = place && (isEditor(viewer) || (place.articleStatus === ArticleStatus.PUBLISHED && (publicStatus || annotation.authorId === viewer.user?.id)));
    if (!visible) throw notFound(NO_SUCH_ANNOTATION, 'input.id');
    return annotation;
  }
}

function checkVersion(annotation: AnnotationEntity, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== annotation.version) throw conflict(STALE_VERSION, annotation.version);
}

/** Applies `changes` only if nobody changed the row since it was read (typeorm#2848). */
async function bumpVersion(manager: EntityManager, annotation: AnnotationEntity, changes: Partial<AnnotationEntity>): Promise<void> {
  const stamped = { ...changes, version: annotation.version + 1, updatedAt: new Date() };
  const result = await manager.update(AnnotationEntity, { id: annotation.id, version: annotation.version }, stamped);
  if (result.affected !== 1) throw conflict(STALE_VERSION, annotation.version);
  Object.assign(annotation, stamped);
}

async function recordCorrection(
  manager: EntityManager,
  annotation: AnnotationEntity,
  correction: Pick<CorrectionEntity, 'kind' | 'previousVerdict' | 'newVerdict' | 'note' | 'editorId'>,
): Promise<void> {
  const claim = await manager.findOneByOrFail(ClaimEntity, { id: annotation.claimId });
  await insertCorrection(manager, { ...correction, articleId: claim.articleId, claimId: claim.id, annotationId: annotation.id, previousText: null, newText: null });
}
