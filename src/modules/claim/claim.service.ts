import type { EntityManager } from 'typeorm';
import { AnchorError, locateQuote } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import type { SqlReader } from '../../db/sql-reader';
import { execute, executeOne } from '../../db/sql';
import { toSqlDate } from '../../db/sql-dates';
import { badUserInput, conflict, DomainError, ErrorCode, forbidden, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { type Visibility, visibilityFor } from '../auth/visibility';
import type { Verdict } from '../annotation/verdict';
import { ArticleStatus } from '../article/article.entity';
import { isEditor, requireRole, type Viewer } from '../auth/viewer';
import { topicsBySlugs } from '../topic/topic.queries';
import { MAX_TOPIC_SLUG } from '../topic/topic-slug';
import { moveClaimTopics } from '../topic/topic.service';
import { Role } from '../user/user.entity';
import { insertCorrection } from '../annotation/annotation-writes';
import { stampWhatReadersSee } from '../article/reader-history';
import { newestPublishedVerdict, setClaimVerdict } from '../annotation/annotation.queries';
import { type CorrectionEntity, CorrectionKind } from '../annotation/correction.entity';
import { nameKeyOf } from '../claimant/claimant-name';
import { claimantById, claimantForName, type ClaimantRef } from '../claimant/claimant-writes';
import { claimantByNameKey, claimantVisibleForWrite, liveClaimantOf } from '../claimant/claimant.queries';
import { ClaimAnchorStatus, STALE_ANCHOR_STATUSES } from './anchor-status';
import { type ClaimState, insertClaim, insertClaimPlace, recordAnchor, storeAnchor } from './claim-anchors';
import type { CreateClaimInput, ReattachClaimInput, UpdateClaimInput } from './claim.inputs';
import {
  articleForAnchor,
  articleSlugOfClaim,
  claimCount,
  claimForWrite,
  claimListVariant,
  claimPage,
  claimStatesByIds,
  liveRowsOfClaim,
  markClaimMerged,
  moveAnnotations,
  moveCorrections,
  moveDismissals,
  copyOutsideAppearances,
  movePlaces,
  newestPublicCheck,
  recordAnnotationMoves,
  removeOutsideAppearancesOf,
  softDeleteClaim,
  updateClaimant,
  updateClaimText,
} from './claim.queries';
import {
  furtherPlaceCount,
  furtherPlaceForWrite,
  insertOutsideAppearance,
  livePlacesInArticle,
  liveOutsideUrlsOfClaim,
  outsideAppearanceForWrite,
  softDeleteOutsideAppearance,
} from '../appearance/appearance.queries';
import {
  type AddClaimAppearanceInput,
  MAX_ARTICLE_PLACES,
  MAX_OUTSIDE_APPEARANCES,
} from '../appearance/appearance.inputs';
import { normalizeHttpUrl } from '../../graphql/http-url';
import { type ClaimRow, toClaimRow } from './claim.rows';

const MAX_CLAIMANT_FILTER = 200;
const NO_SUCH_ARTICLE = 'No such article.';
const NO_SUCH_CLAIM = 'No such claim.';
const HAS_PUBLISHED_CHECK =
  'This claim has a published (or retracted) fact-check: it stays on record and cannot be deleted.';
const ON_RECORD_EDITORS_ONLY =
  "This claim carries a published fact-check: changing its words, place or claimant is an editor's act, recorded as a public correction.";
const NOTE_REQUIRED =
  'This claim carries a published fact-check: the change is a public correction, say why in `note`.';
const NOT_STALE = 'Only a claim whose anchor is FUZZY, AMBIGUOUS or ORPHANED can be re-attached; this one is';
const NOTHING_TO_CONFIRM = 'Only a FUZZY anchor can be confirmed; this one is';
const SCOPE = 'claims:id';
const NO_SUCH_CLAIMANT = 'No such claimant.';
const NO_SUCH_APPEARANCE = 'No such appearance.';
const NO_WORDS = 'What was claimed cannot be empty.';
const END_BEFORE_START = 'The claim cannot end before it starts: endSeconds must be at least startSeconds.';
const ALREADY_LISTED = 'The claim already lists this place.';
const ALREADY_THERE = 'The claim already appears in this article.';
const ONE_CLAIMANT = 'Name the claimant by `claimantId` or by `claimant`, not both.';
const SAME_CLAIM = 'A claim cannot be merged into itself.';
const MERGED = 'This claim was merged into another: act on that one (its id resolves to it).';
const MERGE_NOTE_REQUIRED =
  'A claim being merged carries a published fact-check: the merge is a public correction, say why in `note`.';
/** No claimant has this id: a filter naming a claimant that does not exist matches nothing. */
const NOBODY = 0;

/** A place outside factline where a claim was made, as the input gives it. */
export type OutsideAppearanceInput = Pick<
  AddClaimAppearanceInput,
  'title' | 'publisher' | 'appearedAt' | 'startSeconds' | 'endSeconds' | 'note'
> & { url: string };

/** A place of a claim in another factline article, as the input gives it. */
export type ArticlePlaceInput = Pick<AddClaimAppearanceInput, 'prefix' | 'suffix' | 'occurrence' | 'note'> & {
  quote: string;
};

/** Who made a claim, as an input names them: by id (decoded) or by name; undefined leaves it as it is. */
export interface ClaimantChoice {
  claimantId?: number | null;
  claimant?: string | null;
}

/** The claims list's filters, ids decoded (the resolver decodes the global ids). */
export interface ClaimListFilter {
  articleId?: number | null;
  verdict?: Verdict | null;
  claimant?: string | null;
  claimantId?: number | null;
  /** A topic's slug: claims filed under it. */
  topic?: string | null;
  /** Claims whose verdict is stale (true) or not (false): isVerdictStale. */
  verdictStale?: boolean | null;
  /** Claims whose anchor is in one of these states. */
  anchorStatus?: readonly ClaimAnchorStatus[] | null;
}

export interface ListClaimsArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  filter?: ClaimListFilter | null;
}

/**
 * A live claim about to change, or a further place of one (`appearanceOfId` names its claim),
 * with the status and revision of the article it is in.
 */
type ClaimForWrite = ClaimState & {
  appearanceOfId: number | null;
  mergedAt: string | null;
  deletedAt: string | null;
  claimArticleStatus: ArticleStatus | null;
  articleStatus: ArticleStatus;
  articleRevision: number;
};

export class ClaimService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** Marks a claim in an article's body; the selector is computed here, never taken from the client. */
  create(viewer: Viewer, articleId: number, input: CreateClaimInput, choice: ClaimantChoice): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const article = await executeOne(manager, articleForAnchor, { id: articleId });
      // Reviewers work on published articles; drafts are the editors' until published.
      if (!article || (!isEditor(viewer) && article.status !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_ARTICLE, 'input.articleId');
      const selector = anchor(article.body, clean(input.quote), input);
      const claimant = (await chosenClaimant(manager, viewer, choice)) ?? null;
      const words = { text: clean(input.text) || null, language: input.language ?? null };
      const claim = await insertClaim(manager, article, selector, claimant, words);
      return claim.id;
    });
  }

  /**
   * Changes what was claimed (its neutral words) or who made it; on a checked claim, an
   * editor's public correction of each.
   */
  update(
    viewer: Viewer,
    claimId: number,
    input: Pick<UpdateClaimInput, 'note' | 'text'>,
    choice: ClaimantChoice,
  ): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const claim = await this.findForWrite(manager, viewer, claimId);
      const chosen = await chosenClaimant(manager, viewer, choice);
      const claimantChanges = chosen !== undefined && (chosen?.id ?? null) !== claim.claimantId;
      const text = input.text === undefined ? undefined : clean(input.text);
      if (input.text !== undefined && !text) throw badUserInput(NO_WORDS, 'input.text');
      const previousText = claim.text ?? claim.quote;
      const textChanges = text !== undefined && text !== previousText;
      if (!claimantChanges && !textChanges) return claimId;
      const correction = await this.correctionFor(manager, viewer, claim, input.note);
      const previousClaimant = claim.claimant;
      if (claimantChanges) {
        claim.claimantId = chosen?.id ?? null;
        claim.claimant = chosen?.name ?? null;
        await execute(manager, updateClaimant, { id: claimId, claimantId: claim.claimantId });
      }
      if (textChanges) {
        claim.text = text;
        await execute(manager, updateClaimText, { id: claimId, text });
      }
      await recordAnchor(manager, claim, claim.articleRevision);
      if (correction && claimantChanges)
        await insertCorrection(manager, {
          ...correction,
          kind: CorrectionKind.CLAIMANT_CHANGED,
          previousText: previousClaimant,
          newText: claim.claimant,
        });
      if (correction && textChanges)
        await insertCorrection(manager, {
          ...correction,
          kind: CorrectionKind.TEXT_CHANGED,
          previousText,
          newText: text,
        });
      return claimId;
    });
  }

  /**
   * Lists a place outside factline where the claim was made. On a checked claim, an editor's
   * public correction: readers are told the verdict now also concerns that place.
   */
  addOutsideAppearance(viewer: Viewer, claimId: number, input: OutsideAppearanceInput): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    const url = normalizeHttpUrl(input.url);
    if (input.startSeconds != null && input.endSeconds != null && input.endSeconds < input.startSeconds)
      throw badUserInput(END_BEFORE_START, 'input.endSeconds');
    return this.db.writes.run(async (manager, outbox) => {
      const claim = await this.findForWrite(manager, viewer, claimId, 'input.claimId');
      const listed = await execute(manager, liveOutsideUrlsOfClaim, { claimId });
      if (listed.some((row) => row.url === url)) throw badUserInput(ALREADY_LISTED, 'input.url');
      if (listed.length >= MAX_OUTSIDE_APPEARANCES)
        throw conflict(`A claim lists at most ${MAX_OUTSIDE_APPEARANCES} places outside factline.`);
      const correction = await this.correctionFor(manager, viewer, claim, input.note);
      const [stored] = await execute(manager, insertOutsideAppearance, {
        claimId,
        url,
        title: clean(input.title) || null,
        publisher: clean(input.publisher) || null,
        appearedAt: input.appearedAt ? toSqlDate(input.appearedAt) : null,
        startSeconds: input.startSeconds ?? null,
        endSeconds: input.endSeconds ?? null,
        createdById: viewer.user!.id,
        createdAt: toSqlDate(new Date()),
      });
      if (correction)
        await insertCorrection(manager, {
          ...correction,
          kind: CorrectionKind.PLACE_ADDED,
          previousText: null,
          newText: url,
        });
      outbox.push({
        type: 'appearanceAdded',
        articleId: claim.articleId,
        claimId,
        appearanceId: stored.id,
        details: { appearance: 'outside', url },
      });
      return stored.id;
    });
  }

  /**
   * Marks where the claim also appears in another factline article, by its words there (as
   * createClaim marks a claim). The place shows the claim's verdict; on a checked claim, in a
   * published article, an editor's public correction: readers are told the verdict now also
   * concerns that place. A draft's places are told with the draft, when it is published.
   */
  addArticlePlace(viewer: Viewer, claimId: number, articleId: number, input: ArticlePlaceInput): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager, outbox) => {
      const claim = await this.findForWrite(manager, viewer, claimId, 'input.claimId');
      const article = await executeOne(manager, articleForAnchor, { id: articleId });
      if (!article || (!isEditor(viewer) && article.status !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_ARTICLE, 'input.articleId');
      // One place per article: an article's page marks each of its claims once.
      if ((await execute(manager, livePlacesInArticle, { claimId, articleId })).length > 0)
        throw badUserInput(ALREADY_THERE, 'input.articleId');
      const selector = anchor(article.body, clean(input.quote), input);
      const count = (await executeOne(manager, furtherPlaceCount, { claimId }))?.n ?? 0;
      if (count >= MAX_ARTICLE_PLACES)
        throw conflict(`A claim appears in at most ${MAX_ARTICLE_PLACES} further places in factline articles.`);
      // Readers learn of a place only with its article: in a draft, it is no public change yet.
      const correction =
        article.status === ArticleStatus.PUBLISHED
          ? await this.correctionFor(manager, viewer, claim, input.note)
          : null;
      const placeId = await insertClaimPlace(manager, claim, { id: articleId, revision: article.revision }, selector);
      if (correction)
        await insertCorrection(manager, {
          ...correction,
          kind: CorrectionKind.PLACE_ADDED,
          previousText: null,
          newText: placeName(article.slug, selector.exact),
        });
      outbox.push({
        type: 'appearanceAdded',
        articleId,
        claimId,
        appearanceId: placeId,
        details: { appearance: 'article' },
      });
      return placeId;
    });
  }

  /**
   * Takes a further place of a claim off (kept for point-in-time reads); on a checked claim, an
   * editor's correction. The claim's own place is the claim's anchor: it goes only with the claim.
   */
  removeArticlePlace(viewer: Viewer, placeId: number, note?: string | null): Promise<{ claimId: number }> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const place = await executeOne(manager, furtherPlaceForWrite, { id: placeId });
      if (!place || (!isEditor(viewer) && place.articleStatus !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_APPEARANCE, 'input.id');
      const claim = await this.findForWrite(manager, viewer, place.claimId, 'input.id');
      const correction =
        place.articleStatus === ArticleStatus.PUBLISHED ? await this.correctionFor(manager, viewer, claim, note) : null;
      await execute(manager, softDeleteClaim, { id: placeId, deletedAt: toSqlDate(new Date()) });
      if (correction)
        await insertCorrection(manager, {
          ...correction,
          kind: CorrectionKind.PLACE_REMOVED,
          previousText: placeName(place.articleSlug, place.quote),
          newText: null,
        });
      return { claimId: place.claimId };
    });
  }

  /** Takes a place off a claim's list (kept for point-in-time reads); on a checked claim, an editor's correction. */
  removeOutsideAppearance(viewer: Viewer, appearanceId: number, note?: string | null): Promise<{ claimId: number }> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const appearance = await executeOne(manager, outsideAppearanceForWrite, { id: appearanceId });
      if (!appearance || (!isEditor(viewer) && appearance.articleStatus !== ArticleStatus.PUBLISHED))
        throw notFound(NO_SUCH_APPEARANCE, 'input.id');
      const claim = await this.findForWrite(manager, viewer, appearance.claimId);
      const correction = await this.correctionFor(manager, viewer, claim, note);
      await execute(manager, softDeleteOutsideAppearance, { id: appearanceId, deletedAt: toSqlDate(new Date()) });
      if (correction)
        await insertCorrection(manager, {
          ...correction,
          kind: CorrectionKind.PLACE_REMOVED,
          previousText: appearance.url,
          newText: null,
        });
      return { claimId: appearance.claimId };
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
      const onRecord = await executeOne(manager, newestPublicCheck, { claimId });
      if (onRecord) throw conflict(HAS_PUBLISHED_CHECK);
      // Its further places in other articles go with it.
      await execute(manager, softDeleteClaim, { id: claimId, deletedAt: toSqlDate(new Date()) });
      return { articleId: claim.articleId };
    });
  }

  /**
   * Merges claim `mergeId` into `keepId`: two records of one statement. The kept claim keeps its
   * words, claimant and language; the merged one's fact-checks (with where they moved from, for
   * point-in-time reads), corrections, places in articles and outside, and dismissed suggestions
   * move to it, and its topics join the kept claim's. The merged claim's own row becomes a place
   * of the kept claim, or, in an article the kept claim already marks, is taken off (one place
   * per article). The kept claim's verdict
   * is then that of its newest published fact-check, and every article whose verdict shown
   * changes hears of it. When either claim is on the public record, each claim's article gets a
   * correction with `note`.
   */
  merge(viewer: Viewer, keepId: number, mergeId: number, note?: string | null): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    if (keepId === mergeId) throw badUserInput(SAME_CLAIM, 'input.mergeId');
    return this.db.writes.run(async (manager, outbox) => {
      const kept = await this.findForWrite(manager, viewer, keepId, 'input.keepId');
      const merged = await this.findForWrite(manager, viewer, mergeId, 'input.mergeId');
      const onRecord =
        (await executeOne(manager, newestPublicCheck, { claimId: keepId })) ??
        (await executeOne(manager, newestPublicCheck, { claimId: mergeId }));
      const text = clean(note);
      if (onRecord && !text) throw badUserInput(MERGE_NOTE_REQUIRED, 'input.note');
      const now = new Date();
      const at = toSqlDate(now);
      const keptRows = await execute(manager, liveRowsOfClaim, { claimId: keepId });
      const mergedRows = await execute(manager, liveRowsOfClaim, { claimId: mergeId });
      const marked = new Set(keptRows.map((row) => row.articleId));
      const places = keptRows.length - 1 + mergedRows.filter((row) => !marked.has(row.articleId)).length;
      if (places > MAX_ARTICLE_PLACES)
        throw conflict(`A claim appears in at most ${MAX_ARTICLE_PLACES} further places in factline articles.`);
      const urls = new Set(
        [
          ...(await execute(manager, liveOutsideUrlsOfClaim, { claimId: keepId })),
          ...(await execute(manager, liveOutsideUrlsOfClaim, { claimId: mergeId })),
        ].map((row) => row.url),
      );
      if (urls.size > MAX_OUTSIDE_APPEARANCES)
        throw conflict(`A claim lists at most ${MAX_OUTSIDE_APPEARANCES} places outside factline.`);
      await execute(manager, movePlaces, { fromId: mergeId, toId: keepId });
      await execute(manager, markClaimMerged, { id: mergeId, intoId: keepId, mergedAt: at });
      const moved: number[] = [];
      for (const row of mergedRows) {
        if (marked.has(row.articleId)) {
          await execute(manager, softDeleteClaim, { id: row.id, deletedAt: at });
        } else {
          moved.push(row.id);
          marked.add(row.articleId);
        }
      }
      await execute(manager, recordAnnotationMoves, { fromId: mergeId, toId: keepId, movedAt: at });
      await execute(manager, moveAnnotations, { fromId: mergeId, toId: keepId });
      await execute(manager, moveCorrections, { fromId: mergeId, toId: keepId });
      await execute(manager, copyOutsideAppearances, { fromId: mergeId, toId: keepId, listedAt: at });
      await execute(manager, removeOutsideAppearancesOf, { claimId: mergeId, deletedAt: at });
      await execute(manager, moveDismissals, { fromId: mergeId, toId: keepId });
      await moveClaimTopics(manager, mergeId, keepId);
      const verdict = (await executeOne(manager, newestPublishedVerdict, { claimId: keepId }))?.verdict ?? null;
      await execute(manager, setClaimVerdict, { claimId: keepId, verdict });
      // Fact-checks readers had not seen (the merged claim's, of a draft) they see from now on,
      // with the sources they cite.
      await stampWhatReadersSee(manager, { articleId: kept.articleId }, now);
      // Each moved row's history now says whose place it is (written after the changes above).
      for (const { articleRevision, ...state } of await execute(manager, claimStatesByIds, { ids: moved }))
        await recordAnchor(manager, state, articleRevision);
      const taken = new Set(mergedRows.map((row) => row.id).filter((id) => !moved.includes(id)));
      const told = new Set<number>();
      for (const row of [...keptRows, ...mergedRows])
        if ((taken.has(row.id) || row.verdict !== verdict) && !told.has(row.articleId)) {
          told.add(row.articleId);
          outbox.push({ type: 'claimVerdictChanged', articleId: row.articleId, claimId: keepId });
        }
      if (onRecord && text) {
        const check = (await executeOne(manager, newestPublicCheck, { claimId: keepId }))!;
        const wordsOf = (claim: ClaimForWrite) =>
          claim.articleStatus === ArticleStatus.PUBLISHED ? (claim.text ?? claim.quote) : null;
        for (const claim of kept.articleId === merged.articleId ? [kept] : [kept, merged])
          await insertCorrection(manager, {
            articleId: claim.articleId,
            claimId: keepId,
            annotationId: check.id,
            kind: CorrectionKind.CLAIM_MERGED,
            previousVerdict: claim.verdict,
            newVerdict: verdict,
            previousText: wordsOf(merged),
            newText: wordsOf(kept),
            note: text,
            editorId: viewer.user!.id,
          });
      }
      return keepId;
    });
  }

  /**
   * Points a claim whose anchor a correction broke (FUZZY, AMBIGUOUS, ORPHANED) at the words
   * it should now quote: whoever does it vouches that its fact-checks apply to this text, so
   * the verdict is no longer stale. On a checked claim, an editor's public correction.
   */
  reattach(
    viewer: Viewer,
    claimId: number,
    input: Pick<ReattachClaimInput, 'quote' | 'prefix' | 'suffix' | 'occurrence' | 'note'>,
  ): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const claim = await this.findForWrite(manager, viewer, claimId, 'input.id', { places: true });
      if (!STALE_ANCHOR_STATUSES.has(claim.anchorStatus)) throw conflict(`${NOT_STALE} ${claim.anchorStatus}.`);
      const correction = await this.correctionFor(manager, viewer, claim, input.note);
      // The claim's article is there: the claim was just read with it, in this transaction.
      const article = (await executeOne(manager, articleForAnchor, { id: claim.articleId }))!;
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
      const claim = await this.findForWrite(manager, viewer, claimId, 'input.id', { places: true });
      if (claim.anchorStatus !== ClaimAnchorStatus.FUZZY) {
        const hint =
          claim.anchorStatus === ClaimAnchorStatus.AMBIGUOUS || claim.anchorStatus === ClaimAnchorStatus.ORPHANED
            ? ': use reattachClaim with the words it should point at'
            : '';
        throw conflict(`${NOTHING_TO_CONFIRM} ${claim.anchorStatus}${hint}.`);
      }
      const correction = await this.correctionFor(manager, viewer, claim, note);
      return this.markChecked(manager, claim, claim.articleRevision, correction, {
        quote: claim.anchorExact ?? claim.quote,
      });
    });
  }

  /** Returns the claim's id (a further place's claim's). */
  private async markChecked(
    manager: EntityManager,
    claim: ClaimForWrite,
    revision: number,
    correction: ClaimCorrection | null,
    anchor: Partial<ClaimState>,
  ): Promise<number> {
    const previous = claim.quote;
    Object.assign(claim, {
      ...anchor,
      anchorStatus: ClaimAnchorStatus.ANCHORED,
      anchorScore: null,
      anchorExact: null,
      checkedRevision: revision,
    });
    await storeAnchor(manager, claim);
    await recordAnchor(manager, claim, revision);
    if (correction)
      await insertCorrection(manager, {
        ...correction,
        kind: CorrectionKind.QUOTE_CHANGED,
        previousText: previous,
        newText: claim.quote,
      });
    return claim.appearanceOfId ?? claim.id;
  }

  /**
   * A claim with a published (or retracted) fact-check is on the public record: changing its
   * words, place or claimant takes an editor and a note, and is recorded as a correction
   * linked to its newest public fact-check. Null for a claim not on record (nothing to record).
   */
  private async correctionFor(
    manager: EntityManager,
    viewer: Viewer,
    claim: ClaimForWrite,
    note: string | null | undefined,
  ): Promise<ClaimCorrection | null> {
    const claimId = claim.appearanceOfId ?? claim.id;
    const check = await executeOne(manager, newestPublicCheck, { claimId });
    if (!check) return null;
    if (!isEditor(viewer) || !viewer.user) throw forbidden(ON_RECORD_EDITORS_ONLY);
    const text = clean(note);
    if (!text) throw badUserInput(NOTE_REQUIRED, 'input.note');
    return {
      articleId: claim.articleId,
      claimId,
      annotationId: check.id,
      note: text,
      previousVerdict: claim.verdict,
      newVerdict: claim.verdict,
      editorId: viewer.user.id,
    };
  }

  /**
   * A live claim the viewer may change; with `places`, the id may also name a further place of
   * one (its anchor is then what changes).
   */
  private async findForWrite(
    manager: EntityManager,
    viewer: Viewer,
    claimId: number,
    field = 'input.id',
    { places = false } = {},
  ): Promise<ClaimForWrite> {
    const claim = await executeOne(manager, claimForWrite, { id: claimId });
    if (
      !claim ||
      (!isEditor(viewer) && claim.articleStatus !== ArticleStatus.PUBLISHED) ||
      (!isEditor(viewer) && claim.appearanceOfId !== null && claim.claimArticleStatus !== ArticleStatus.PUBLISHED)
    )
      throw notFound(NO_SUCH_CLAIM, field);
    if (!places && claim.mergedAt !== null) throw new DomainError(ErrorCode.CONFLICT, MERGED, field);
    if (claim.deletedAt !== null || (!places && claim.appearanceOfId !== null)) throw notFound(NO_SUCH_CLAIM, field);
    return claim;
  }

  /**
   * The slug of the article a claim was marked in, whoever may see it: only for asking whether
   * that article was withdrawn from readers (ArticleService.withdrawalOf), never shown as such.
   */
  async articleSlugOf(claimId: number): Promise<string | null> {
    return (await this.reader.row(articleSlugOfClaim, { claimId }))?.slug ?? null;
  }

  /** Claims of visible articles, oldest first, keyset-paged by id. */
  async list({ visibility, first, after, filter }: ListClaimsArgs): Promise<Connection<ClaimRow>> {
    const size = pageSize(first);
    const articleId = filter?.articleId ?? null;
    const verdict = filter?.verdict ?? null;
    const claimant = filter?.claimant ?? null;
    if (claimant !== null && claimant.length > MAX_CLAIMANT_FILTER)
      throw badUserInput(`At most ${MAX_CLAIMANT_FILTER} characters.`, 'filter.claimant');
    let claimantId: number | null = null;
    if (filter?.claimantId != null)
      claimantId = (await this.reader.row(liveClaimantOf, { id: filter.claimantId }))?.id ?? NOBODY;
    if (claimant !== null) {
      const named = (await this.reader.row(claimantByNameKey, { nameKey: nameKeyOf(claimant) }))?.id ?? NOBODY;
      claimantId = claimantId === null || claimantId === named ? named : NOBODY;
    }
    let topicId: number | null = null;
    if (filter?.topic != null) {
      if (filter.topic.length > MAX_TOPIC_SLUG)
        throw badUserInput(`At most ${MAX_TOPIC_SLUG} characters.`, 'filter.topic');
      topicId = (await this.reader.row(topicsBySlugs[visibility.level], { slugs: [filter.topic] }))?.id ?? NOBODY;
    }
    if (filter?.anchorStatus && filter.anchorStatus.length === 0)
      throw badUserInput('Name at least one anchor status, or leave `anchorStatus` out.', 'filter.anchorStatus');
    const params = { articleId, verdict, claimantId, topicId, ...claimAnchorFilter(filter ?? {}) };
    const variant = claimListVariant(visibility.level, params);
    const afterId = after ? decodeCursor(SCOPE, after).id : 0;
    const rows = await this.reader.rows(claimPage[variant], { ...params, afterId, limit: size + 1 });
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toClaimRow,
      async () => (await this.reader.row(claimCount[variant], params))?.n ?? 0,
    );
  }
}

/**
 * The anchor filter as anchor statuses: those a claim may be in, and of them those allowed for a
 * claim with a verdict and for one without. A verdict is stale when the claim has one and its
 * anchor is FUZZY, AMBIGUOUS or ORPHANED (isVerdictStale), so `verdictStale` narrows by status.
 * Neither filter given: no anchor filter (null).
 */
export function claimAnchorFilter({
  verdictStale,
  anchorStatus,
}: Pick<ClaimListFilter, 'verdictStale' | 'anchorStatus'>): {
  anchorStatuses: ClaimAnchorStatus[] | null;
  verdictedStatuses: ClaimAnchorStatus[];
  unverdictedStatuses: ClaimAnchorStatus[];
} {
  if (verdictStale == null && anchorStatus == null)
    return { anchorStatuses: null, verdictedStatuses: [], unverdictedStatuses: [] };
  const given = [...new Set(anchorStatus ?? Object.values(ClaimAnchorStatus))];
  const stale = given.filter((status) => STALE_ANCHOR_STATUSES.has(status));
  const fresh = given.filter((status) => !STALE_ANCHOR_STATUSES.has(status));
  const verdicted = verdictStale == null ? given : verdictStale ? stale : fresh;
  const unverdicted = verdictStale === true ? [] : given;
  return {
    anchorStatuses: given.filter((status) => verdicted.includes(status) || unverdicted.includes(status)),
    verdictedStatuses: verdicted,
    unverdictedStatuses: unverdicted,
  };
}

type ClaimCorrection = Pick<
  CorrectionEntity,
  'articleId' | 'claimId' | 'annotationId' | 'note' | 'previousVerdict' | 'newVerdict' | 'editorId'
>;

/**
 * The claimant an input names, inside the caller's transaction: by id (a merged one's keeper),
 * or by name (found by its key, or recorded); null clears it, undefined leaves it. By id, only
 * a claimant the viewer may see: naming one on a published article would show readers a record
 * (name, description, aliases) that is the editors' alone while only drafts name it.
 */
async function chosenClaimant(
  manager: EntityManager,
  viewer: Viewer,
  choice: ClaimantChoice,
): Promise<ClaimantRef | null | undefined> {
  if (choice.claimantId !== undefined && choice.claimant !== undefined)
    throw badUserInput(ONE_CLAIMANT, 'input.claimant');
  if (choice.claimantId !== undefined) {
    if (choice.claimantId === null) return null;
    const found = await claimantById(manager, choice.claimantId);
    const level = visibilityFor(viewer).level;
    if (!found || !(await executeOne(manager, claimantVisibleForWrite[level], { id: found.id })))
      throw badUserInput(NO_SUCH_CLAIMANT, 'input.claimantId');
    return found;
  }
  if (choice.claimant === undefined) return undefined;
  const name = clean(choice.claimant);
  return name ? claimantForName(manager, name) : null;
}

/** A further place as a correction names it: the article's slug and the words there. */
function placeName(slug: string, quote: string): string {
  return `${slug}: “${quote}”`;
}

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
