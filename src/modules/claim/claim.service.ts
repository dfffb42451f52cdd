import { type EntityManager, In, IsNull } from 'typeorm';
import { AnchorError, locateQuote } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import type { SqlParam, SqlReader } from '../../db/sql-reader';
import { query } from '../../db/sql';
import { badUserInput, conflict, forbidden, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import type { Visibility } from '../auth/visibility';
import { AnnotationEntity, AnnotationStatus } from '../annotation/annotation.entity';
import { ArticleEntity, ArticleStatus } from '../article/article.entity';
import { isEditor, requireRole, type Viewer } from '../auth/viewer';
import { Role } from '../user/user.entity';
import { insertCorrection } from '../annotation/annotation-writes';
import { CorrectionEntity, CorrectionKind } from '../annotation/correction.entity';
import { ClaimAnchorStatus, STALE_ANCHOR_STATUSES } from './anchor-status';
import { insertClaim, recordAnchor } from './claim-anchors';
import { ClaimEntity } from './claim.entity';
import type { ClaimFilter, CreateClaimInput, ReattachClaimInput, UpdateClaimInput } from './claim.inputs';
import { CLAIM_COLUMNS, type ClaimRow, toClaimRow } from './claim.rows';

const MAX_CLAIMANT_FILTER = 200;
const NO_SUCH_ARTICLE = 'No such article.';
const NO_SUCH_CLAIM = 'No such claim.';
const HAS_PUBLISHED_CHECK = 'This claim has a published (or retracted) fact-check: it stays on record and cannot be deleted.';
const ON_RECORD_EDITORS_ONLY = "This claim carries a published fact-check: changing its words, place or claimant is an editor's act, recorded as a public correction.";
const NOTE_REQUIRED = 'This claim carries a published fact-check: the change is a public correction, say why in `note`.';
const NOT_STALE = 'Only a claim whose anchor is FUZZY, AMBIGUOUS or ORPHANED can be re-attached; this one is';
const NOTHING_TO_CONFIRM = 'Only a FUZZY anchor can be confirmed; this one is';
const SCOPE = 'claims:id';

export interface ListClaimsArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  filter?: ClaimFilter | null;
}

export class ClaimService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** Marks a claim in an article's body; the selector is computed here, never taken from the client. */
  create(viewer: Viewer, articleId: number, input: CreateClaimInput): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const article = await manager.findOneBy(ArticleEntity, { id: articleId });
      // Reviewers work on published articles; drafts are the editors' until published.
      if (!article || (!isEditor(viewer) && article.status !== ArticleStatus.PUBLISHED)) throw notFound(NO_SUCH_ARTICLE, 'input.articleId');
      const selector = anchor(article.body, clean(input.quote), input);
      const claim = await insertClaim(manager, article, selector, clean(input.claimant) ?? null);
      return claim.id;
    });
  }

  /** Changes who made the claim; on a checked claim, an editor's public correction. */
  update(viewer: Viewer, claimId: number, input: UpdateClaimInput): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const claim = await this.findForWrite(manager, viewer, claimId);
      const claimant = input.claimant === undefined ? claim.claimant : (clean(input.claimant) ?? null);
      if (claimant === claim.claimant) return claimId;
      const correction = await this.correctionFor(manager, viewer, claim, input.note);
      const previous = claim.claimant;
      claim.claimant = claimant;
      await manager.update(ClaimEntity, { id: claimId }, { claimant });
      const { revision } = await manager.findOneByOrFail(ArticleEntity, { id: claim.articleId });
      await recordAnchor(manager, claim, revision);
      if (correction) await insertCorrection(manager, { ...correction, kind: CorrectionKind.CLAIMANT_CHANGED, previousText: previous, newText: claimant });
      return claimId;
    });
  }

  /**
   * Deletes a claim that never had a published fact-check. The row is kept (soft delete) so
   * that point-in-time reads still show what readers saw before.
   */
  delete(viewer: Viewer, claimId: number): Promise<{ articleId: number }> {
    requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      const claim = await this.findForWrite(manager, viewer, claimId);
      const onRecord = await manager.existsBy(AnnotationEntity, { claimId, status: In([AnnotationStatus.PUBLISHED, AnnotationStatus.RETRACTED]) });
      if (onRecord) throw conflict(HAS_PUBLISHED_CHECK);
      await manager.update(ClaimEntity, { id: claimId }, { deletedAt: new Date() });
      return { articleId: claim.articleId };
    });
  }

  /**
   * Points a claim whose anchor a correction broke (FUZZY, AMBIGUOUS, ORPHANED) at the words
   * it should now quote: whoever does it vouches that its fact-checks apply to this text, so
   * the verdict is no longer stale. On a checked claim, an editor's public correction.
   */
  reattach(viewer: Viewer, claimId: number, input: Pick<ReattachClaimInput, 'quote' | 'prefix' | 'suffix' | 'occurrence' | 'note'>): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const claim = await this.findForWrite(manager, viewer, claimId);
      if (!STALE_ANCHOR_STATUSES.has(claim.anchorStatus)) throw conflict(`${NOT_STALE} ${claim.anchorStatus}.`);
      const correction = await this.correctionFor(manager, viewer, claim, input.note);
      const article = await manager.findOneByOrFail(ArticleEntity, { id: claim.articleId });
      const selector = anchor(article.body, clean(input.quote), input);
      return this.markChecked(manager, claim, article.revision, correction, {
        quote: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        startOffset: selector.start,
        endOffset: selector.end,
      });
    });
  }

  /**
   * Accepts a FUZZY anchor as it stands: its current words become the claim's quote. On a
   * checked claim, an editor's public correction.
   */
  confirmAnchor(viewer: Viewer, claimId: number, note?: string | null): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const claim = await this.findForWrite(manager, viewer, claimId);
      if (claim.anchorStatus !== ClaimAnchorStatus.FUZZY) {
        const hint = claim.anchorStatus === ClaimAnchorStatus.AMBIGUOUS || claim.anchorStatus === ClaimAnchorStatus.ORPHANED ? ': use reattachClaim with the words it should point at' : '';
        throw conflict(`${NOTHING_TO_CONFIRM} ${claim.anchorStatus}${hint}.`);
      }
      const correction = await this.correctionFor(manager, viewer, claim, note);
      const article = await manager.findOneByOrFail(ArticleEntity, { id: claim.articleId });
      return this.markChecked(manager, claim, article.revision, correction, { quote: claim.anchorExact ?? claim.quote });
    });
  }

  private async markChecked(manager: EntityManager, claim: ClaimEntity, revision: number, correction: ClaimCorrection | null, anchor: Partial<ClaimEntity>): Promise<number> {
    const previous = claim.quote;
    const update: Partial<ClaimEntity> = { ...anchor, anchorStatus: ClaimAnchorStatus.ANCHORED, anchorScore: null, anchorExact: null, checkedRevision: revision };
    await manager.update(ClaimEntity, { id: claim.id }, update);
    await recordAnchor(manager, Object.assign(claim, update), revision);
    if (correction) await insertCorrection(manager, { ...correction, kind: CorrectionKind.QUOTE_CHANGED, previousText: previous, newText: claim.quote });
    return claim.id;
  }

  /**
   * A claim with a published (or retracted) fact-check is on the public record: changing its
   * words, place or claimant takes an editor and a note, and is recorded as a correction
   * linked to its newest public fact-check. Null for a claim not on record (nothing to record).
   */
  private async correctionFor(manager: EntityManager, viewer: Viewer, claim: ClaimEntity, note: string | null | undefined): Promise<ClaimCorrection | null> {
    const [check] = await query<{ id: number }>(
      manager,
      `SELECT id FROM annotations WHERE claim_id = ? AND status IN ('PUBLISHED', 'RETRACTED')
       ORDER BY CASE status WHEN 'PUBLISHED' THEN 0 ELSE 1 END, published_at DESC, id DESC LIMIT 1`,
      [claim.id],
    );
    if (!check) return null;
    if (!isEditor(viewer) || !viewer.user) throw forbidden(ON_RECORD_EDITORS_ONLY);
    const text = clean(note);
    if (!text) throw badUserInput(NOTE_REQUIRED, 'input.note');
    return { articleId: claim.articleId, claimId: claim.id, annotationId: check.id, note: text, previousVerdict: claim.verdict, newVerdict: claim.verdict, editorId: viewer.user.id };
  }

  private async findForWrite(manager: EntityManager, viewer: Viewer, claimId: number): Promise<ClaimEntity> {
    const claim = await manager.findOneBy(ClaimEntity, { id: claimId, deletedAt: IsNull() });
    const article = claim ? await manager.findOneBy(ArticleEntity, { id: claim.articleId }) : null;
    if (!claim || !article || (!isEditor(viewer) && article.status !== ArticleStatus.PUBLISHED)) throw notFound(NO_SUCH_CLAIM, 'input.id');
    return claim;
  }

  /** Claims of visible articles, oldest first, keyset-paged by id. */
  async list({ visibility, first, after, filter }: ListClaimsArgs): Promise<Connection<ClaimRow>> {
    const size = pageSize(first);
    const where = [visibility.article, 'c.deleted_at IS NULL'];
    const params: SqlParam[] = [];
    if (filter?.articleId != null) {
      where.push('c.article_id = ?');
      params.push(fromGlobalIdOf('Article', filter.articleId, 'filter.articleId'));
    }
    if (filter?.verdict != null) {
      where.push('c.verdict = ?');
      params.push(filter.verdict);
    }
    if (filter?.claimant != null) {
      if (filter.claimant.length > MAX_CLAIMANT_FILTER) throw badUserInput(`At most ${MAX_CLAIMANT_FILTER} characters.`, 'filter.claimant');
      where.push('c.claimant = ? COLLATE NOCASE');
      params.push(filter.claimant);
    }
    const keyset = after ? ['c.id > ?'] : [];
    const keysetParams = after ? [decodeCursor(SCOPE, after).id] : [];
    const from = 'FROM claims c JOIN articles a ON a.id = c.article_id';
    const rows = await this.reader.all<Omit<ClaimRow, '__typename'>>(
      `SELECT ${CLAIM_COLUMNS} ${from} WHERE ${[...where, ...keyset].join(' AND ')} ORDER BY c.id LIMIT ?`,
      [...params, ...keysetParams, size + 1],
    );
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toClaimRow,
      async () => (await this.reader.get<{ n: number }>(`SELECT COUNT(*) AS n ${from} WHERE ${where.join(' AND ')}`, params))?.n ?? 0,
    );
  }
}

type ClaimCorrection = Pick<CorrectionEntity, 'articleId' | 'claimId' | 'annotationId' | 'note' | 'previousVerdict' | 'newVerdict' | 'editorId'>;

/** Locates the quote; a quote that is missing or ambiguous is the client's to fix. */
function anchor(body: string, quote: string, hints: Pick<CreateClaimInput, 'prefix' | 'suffix' | 'occurrence'>) {
  try {
    return locateQuote(body, quote, hints);
  } catch (error) {
    if (!(error instanceof AnchorError)) throw error;
    const field = error.reason === 'NO_SUCH_OCCURRENCE' ? 'input.occurrence' : 'input.quote';
    throw badUserInput(error.message, field, error.occurrences.length > 0 ? { occurrences: error.occurrences } : {});
  }
}
