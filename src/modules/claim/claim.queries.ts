import type { ExpressionBuilder, RawBuilder } from 'kysely';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import { AnnotationStatus } from '../annotation/annotation.entity';
import type { Verdict } from '../annotation/verdict';
import type { ArticleStatus } from '../article/article.entity';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';
import type { ClaimantKind } from '../claimant/claimant.entity';
import { ClaimAnchorStatus } from './anchor-status';

/** Every statement of the claim module. */

/** The columns of a claim as the API serves it, from `claims c`. */
export function claimColumns(eb: ExpressionBuilder<{ c: Tables['claims'] }, 'c'>) {
  return [
    eb.ref('c.id').as('id'),
    eb.ref('c.article_id').as('articleId'),
    eb.ref('c.quote').as('quote'),
    eb.ref('c.prefix').as('prefix'),
    eb.ref('c.suffix').as('suffix'),
    eb.ref('c.start_offset').as('startOffset'),
    eb.ref('c.end_offset').as('endOffset'),
    eb.ref('c.text').as('text'),
    eb.ref('c.language').as('language'),
    eb.ref('c.claimant_id').as('claimantId'),
    eb.ref('c.verdict').$castTo<Verdict | null>().as('verdict'),
    eb.ref('c.anchor_status').$castTo<ClaimAnchorStatus>().as('anchorStatus'),
    eb.ref('c.anchor_score').as('anchorScore'),
    eb.ref('c.anchor_exact').as('anchorExact'),
    eb.ref('c.checked_revision').as('checkedRevision'),
  ];
}

/**
 * A claim's columns for the write paths, from `claims c LEFT JOIN claimants cl`: with its
 * claimant's name, which each history row records.
 */
function claimStateColumns(eb: ExpressionBuilder<{ c: Tables['claims']; cl: Tables['claimants'] }, 'c' | 'cl'>) {
  return [...claimColumns(eb as never), eb.ref('cl.name').$castTo<string | null>().as('claimant')];
}

/**
 * Claims by id, of articles the viewer may see; the plan starts from the ids. The id of a claim
 * merged into another (`r`) names that one: `requestedId` says which id a row answers.
 */
export const claimsByIds = statementVariants(
  'claim.byIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .crossJoin('claims as r')
      .crossJoin('claims as c')
      .crossJoin('articles as a')
      .select((eb) => [...claimColumns(eb as never), eb.ref('r.id').as('requestedId')])
      .whereRef('r.id', '=', 'k.value')
      .where((eb) =>
        eb(
          'c.id',
          '=',
          eb.case().when('r.merged_at', 'is', null).then(eb.ref('r.id')).else(eb.ref('r.appearance_of_id')).end(),
        ),
      )
      .whereRef('a.id', '=', 'c.article_id')
      .where('c.deleted_at', 'is', null)
      // A further place of a claim is not a claim: it is served as an ArticleAppearance.
      .where('c.appearance_of_id', 'is', null)
      .where(articleVisible(level)),
);

/**
 * The live claims of articles (callers reach them only through a visible article), in text
 * order: each row is a place in the article, the claim's own or a further place of a claim
 * whose own article is another (`h`); the claim's words, claimant and article then come from
 * `h`, and the caller drops those whose article the viewer may not see.
 */
export const claimsByArticleIds = statement('claim.byArticleIds', (q: StatementBuilder<{ ids: readonly number[] }>) =>
  q.db
    .selectFrom('claims as c')
    .leftJoin('claims as h', 'h.id', 'c.appearance_of_id')
    .leftJoin('articles as ha', 'ha.id', 'h.article_id')
    // Each claim's claimant, as the claimant loader resolves it (a merged one as the one it was
    // merged into), read with the claims so an article's page costs no statement more.
    .leftJoin('claimants as m', (join) =>
      join.on((eb) => eb('m.id', '=', eb.fn.coalesce('h.claimant_id', 'c.claimant_id'))),
    )
    .leftJoin('claimants as cl', (join) =>
      join.on((eb) => eb('cl.id', '=', eb.fn.coalesce('m.merged_into_id', 'm.id'))),
    )
    .select((eb) => [
      ...claimColumns(eb as never),
      eb.ref('h.id').as('placeOfId'),
      eb.ref('h.article_id').as('placeOfArticleId'),
      eb.ref('h.text').as('placeOfText'),
      eb.ref('h.language').as('placeOfLanguage'),
      eb.ref('h.claimant_id').as('placeOfClaimantId'),
      eb.ref('ha.status').$castTo<ArticleStatus | null>().as('placeOfArticleStatus'),
      eb.ref('cl.id').as('claimantResolvedId'),
      eb.ref('cl.slug').as('claimantSlug'),
      eb.ref('cl.name').as('claimantName'),
      eb.ref('cl.aliases').as('claimantAliases'),
      eb.ref('cl.description').as('claimantDescription'),
      eb.ref('cl.wikidata_id').as('claimantWikidataId'),
      eb.ref('cl.kind').$castTo<ClaimantKind | null>().as('claimantKind'),
    ])
    .where('c.article_id', 'in', q.keyList('ids'))
    .where('c.deleted_at', 'is', null)
    .where('h.deleted_at', 'is', null)
    .orderBy('c.article_id')
    .orderBy('c.start_offset')
    .orderBy('c.id'),
);

/**
 * The claims list filters each as its own variant (per visibility level), so each combination
 * is a fixed statement that can use the index of what it filters on.
 */
const CLAIM_FILTERS = ['article', 'verdict', 'claimant', 'topic', 'anchor'] as const;
type ClaimFilterName = (typeof CLAIM_FILTERS)[number];
/** Filter names joined by '+' in CLAIM_FILTERS order, or 'unfiltered'. */
export type ClaimFilterSet = string;
const CLAIM_FILTER_SETS: readonly ClaimFilterSet[] = [
  'unfiltered',
  ...Array.from({ length: 2 ** CLAIM_FILTERS.length - 1 }, (_, i) =>
    CLAIM_FILTERS.filter((_, bit) => (i + 1) & (1 << bit)).join('+'),
  ),
];
export type ClaimListVariant = `${VisibilityLevel}:${ClaimFilterSet}`;
const CLAIM_LIST_VARIANTS = VISIBILITY_LEVELS.flatMap((level) =>
  CLAIM_FILTER_SETS.map((filters): ClaimListVariant => `${level}:${filters}`),
);

/** The variant for a viewer's level and the filters given. */
export function claimListVariant(
  level: VisibilityLevel,
  filter: {
    articleId: number | null;
    verdict: Verdict | null;
    claimantId: number | null;
    topicId: number | null;
    anchorStatuses: readonly ClaimAnchorStatus[] | null;
  },
): ClaimListVariant {
  const given: Record<ClaimFilterName, boolean> = {
    article: filter.articleId !== null,
    verdict: filter.verdict !== null,
    claimant: filter.claimantId !== null,
    topic: filter.topicId !== null,
    anchor: filter.anchorStatuses !== null,
  };
  const names = CLAIM_FILTERS.filter((name) => given[name]);
  return `${level}:${(names.length > 0 ? names.join('+') : 'unfiltered') as ClaimFilterSet}`;
}

/** The filters' parameters: a variant uses those of its filters, which are then not null. */
interface ClaimListParams {
  articleId: number | null;
  verdict: Verdict | null;
  claimantId: number | null;
  topicId: number | null;
  /**
   * The anchor filter (anchorStatus, verdictStale): the anchor statuses a claim may be in, and
   * of those, the ones allowed for a claim with a verdict and for one without (claimAnchorFilter).
   */
  anchorStatuses: readonly ClaimAnchorStatus[] | null;
  verdictedStatuses: readonly ClaimAnchorStatus[];
  unverdictedStatuses: readonly ClaimAnchorStatus[];
}

/** The claims of visible articles matching the variant's filters, from `claims c JOIN articles a`. */
function claimList<P extends ClaimListParams>(q: StatementBuilder<P>, variant: ClaimListVariant) {
  const [level, filters] = variant.split(':') as [VisibilityLevel, ClaimFilterSet];
  const on = new Set(filters.split('+'));
  let list = q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .where(articleVisible(level))
    .where('c.deleted_at', 'is', null)
    .where('c.appearance_of_id', 'is', null);
  if (on.has('article')) list = list.where('c.article_id', '=', q.p.articleId);
  if (on.has('verdict')) list = list.where('c.verdict', '=', q.p.verdict);
  if (on.has('claimant')) list = list.where('c.claimant_id', '=', q.p.claimantId);
  // In the anchor statuses asked for (on the anchor status index), then by whether it has a verdict.
  if (on.has('anchor'))
    list = list
      .where('c.anchor_status', 'in', q.keyList('anchorStatuses' as never, 'text') as RawBuilder<string>)
      .where((eb) =>
        eb
          .case()
          .when('c.verdict', 'is', null)
          .then(eb('c.anchor_status', 'in', q.keyList('unverdictedStatuses' as never, 'text') as RawBuilder<string>))
          .else(eb('c.anchor_status', 'in', q.keyList('verdictedStatuses' as never, 'text') as RawBuilder<string>))
          .end(),
      );
  if (on.has('topic'))
    list = list.where((eb) =>
      eb.exists(
        eb
          .selectFrom('claim_topics as xt')
          .select('xt.topic_id')
          .whereRef('xt.claim_id', '=', 'c.id')
          .where('xt.topic_id', '=', q.p.topicId),
      ),
    );
  return list;
}

/** A keyset page of the claims list, oldest first. */
export const claimPage = statementVariants(
  'claim.page',
  CLAIM_LIST_VARIANTS,
  (q: StatementBuilder<ClaimListParams & { afterId: number; limit: number }>, variant) =>
    claimList(q, variant).select(claimColumns).where('c.id', '>', q.p.afterId).orderBy('c.id').limit(q.p.limit),
);

export const claimCount = statementVariants(
  'claim.count',
  CLAIM_LIST_VARIANTS,
  (q: StatementBuilder<ClaimListParams>, variant) =>
    claimList(q, variant).select((eb) => eb.fn.countAll<number>().as('n')),
);

/** The article a claim is marked in or re-attached to: its text and revision. */
export const articleForAnchor = statement('claim.article', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('articles')
    .select((eb) => ['id', 'slug', eb.ref('status').$castTo<ArticleStatus>().as('status'), 'body', 'revision'])
    .where('id', '=', q.p.id),
);

/** The slug of the article a claim (not a further place of one) was marked in, whatever its status. */
export const articleSlugOfClaim = statement('claim.articleSlug', (q: StatementBuilder<{ claimId: number }>) =>
  q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select('a.slug')
    .where('c.id', '=', q.p.claimId)
    .where('c.appearance_of_id', 'is', null),
);

/**
 * A live claim to change, or a further place of one (`appearanceOfId` set: its anchor fields
 * are the place's), or a claim merged into another (`mergedAt` set), with the status and revision of the article it is in (and, for a place,
 * the status of its claim's own article).
 */
export const claimForWrite = statement('claim.forWrite', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('claimants as cl', 'cl.id', 'c.claimant_id')
    .leftJoin('claims as h', 'h.id', 'c.appearance_of_id')
    .leftJoin('articles as ha', 'ha.id', 'h.article_id')
    .select((eb) => [
      ...claimStateColumns(eb as never),
      eb.ref('c.appearance_of_id').as('appearanceOfId'),
      eb.ref('c.merged_at').as('mergedAt'),
      eb.ref('c.deleted_at').as('deletedAt'),
      // A further place's claim's own article: a place is changed only by who may see its claim.
      eb.ref('ha.status').$castTo<ArticleStatus | null>().as('claimArticleStatus'),
      eb.ref('a.status').$castTo<ArticleStatus>().as('articleStatus'),
      eb.ref('a.revision').as('articleRevision'),
    ])
    .where('c.id', '=', q.p.id)
    // A merged claim whose place the merge took off: its id still names a claim, to refuse.
    .where((eb) => eb.or([eb('c.deleted_at', 'is', null), eb('c.merged_at', 'is not', null)])),
);

/** The live claims of an article, to locate again after its body changed. */
export const liveClaimsOfArticle = statement('claim.liveOfArticle', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('claims as c')
    .leftJoin('claimants as cl', 'cl.id', 'c.claimant_id')
    .select(claimStateColumns)
    .where('c.article_id', '=', q.p.articleId)
    .where('c.deleted_at', 'is', null),
);

/**
 * The claim's newest public fact-check (published before retracted, newest first): a claim
 * that has one is on the public record.
 */
export const newestPublicCheck = statement('claim.newestPublicCheck', (q: StatementBuilder<{ claimId: number }>) =>
  q.db
    .selectFrom('annotations')
    .select('id')
    .where('claim_id', '=', q.p.claimId)
    .where('status', 'in', [sql.lit(AnnotationStatus.PUBLISHED), sql.lit(AnnotationStatus.RETRACTED)])
    .orderBy(sql`CASE status WHEN ${sql.lit(AnnotationStatus.PUBLISHED)} THEN 0 ELSE 1 END`)
    // SQLite sorts NULL last in descending order; PostgreSQL is told to.
    .orderBy(q.dialect === 'sqlite' ? sql`published_at DESC` : sql`published_at DESC NULLS LAST`)
    .orderBy('id', 'desc')
    .limit(sql.lit(1)),
);

export const insertClaimRow = statement(
  'claim.insert',
  (
    q: StatementBuilder<{
      articleId: number;
      quote: string;
      prefix: string;
      suffix: string;
      startOffset: number;
      endOffset: number;
      text: string | null;
      language: string | null;
      claimantId: number | null;
      checkedRevision: number;
    }>,
  ) =>
    q.db
      .insertInto('claims')
      .values({
        article_id: q.p.articleId,
        quote: q.p.quote,
        prefix: q.p.prefix,
        suffix: q.p.suffix,
        start_offset: q.p.startOffset,
        end_offset: q.p.endOffset,
        text: q.p.text,
        language: q.p.language,
        claimant_id: q.p.claimantId,
        anchor_status: sql.lit(ClaimAnchorStatus.ANCHORED),
        checked_revision: q.p.checkedRevision,
      })
      .returning((eb) => ['id', eb.ref('created_at').as('createdAt'), eb.ref('updated_at').as('updatedAt')]),
);

/**
 * A row of a claim's anchor history; `createdAt` is given, to the millisecond. It records the
 * claim the row is a place of as the row now says (written after any change to it).
 */
export const insertClaimAnchor = statement(
  'claim.insertAnchor',
  (
    q: StatementBuilder<{
      claimId: number;
      articleRevision: number;
      status: ClaimAnchorStatus;
      quote: string;
      text: string | null;
      claimant: string | null;
      claimantId: number | null;
      anchorExact: string | null;
      prefix: string;
      suffix: string;
      startOffset: number;
      endOffset: number;
      score: number | null;
      checkedRevision: number;
      createdAt: string;
    }>,
  ) =>
    q.db.insertInto('claim_anchors').values({
      claim_id: q.p.claimId,
      article_revision: q.p.articleRevision,
      status: q.p.status,
      quote: q.p.quote,
      text: q.p.text,
      claimant: q.p.claimant,
      claimant_id: q.p.claimantId,
      appearance_of_id: sql<number | null>`(SELECT appearance_of_id FROM claims WHERE id = ${q.p.claimId})`,
      anchor_exact: q.p.anchorExact,
      prefix: q.p.prefix,
      suffix: q.p.suffix,
      start_offset: q.p.startOffset,
      end_offset: q.p.endOffset,
      score: q.p.score,
      checked_revision: q.p.checkedRevision,
      created_at: q.p.createdAt,
    }),
);

/** Sets a claim's whole anchor state (its words, place, status and the revision it was checked against). */
export const updateClaimAnchor = statement(
  'claim.updateAnchor',
  (
    q: StatementBuilder<{
      id: number;
      quote: string;
      prefix: string;
      suffix: string;
      startOffset: number;
      endOffset: number;
      anchorStatus: ClaimAnchorStatus;
      anchorScore: number | null;
      anchorExact: string | null;
      checkedRevision: number;
    }>,
  ) =>
    q.db
      .updateTable('claims')
      .set({
        quote: q.p.quote,
        prefix: q.p.prefix,
        suffix: q.p.suffix,
        start_offset: q.p.startOffset,
        end_offset: q.p.endOffset,
        anchor_status: q.p.anchorStatus,
        anchor_score: q.p.anchorScore,
        anchor_exact: q.p.anchorExact,
        checked_revision: q.p.checkedRevision,
        updated_at: sql`CURRENT_TIMESTAMP`,
      })
      .where('id', '=', q.p.id),
);

/** Sets what was claimed, in neutral words. */
export const updateClaimText = statement('claim.updateText', (q: StatementBuilder<{ id: number; text: string }>) =>
  q.db
    .updateTable('claims')
    .set({ text: q.p.text, updated_at: sql`CURRENT_TIMESTAMP` })
    .where('id', '=', q.p.id),
);

export const updateClaimant = statement(
  'claim.updateClaimant',
  (q: StatementBuilder<{ id: number; claimantId: number | null }>) =>
    q.db
      .updateTable('claims')
      .set({ claimant_id: q.p.claimantId, updated_at: sql`CURRENT_TIMESTAMP` })
      .where('id', '=', q.p.id),
);

/**
 * Soft delete of a claim with its further places in other articles (or of one further place):
 * point-in-time reads still show them as readers saw them.
 */
export const softDeleteClaim = statement('claim.softDelete', (q: StatementBuilder<{ id: number; deletedAt: string }>) =>
  q.db
    .updateTable('claims')
    .set({ deleted_at: q.p.deletedAt, updated_at: sql`CURRENT_TIMESTAMP` })
    .where((eb) => eb.or([eb('id', '=', q.p.id), eb('appearance_of_id', '=', q.p.id)]))
    .where('deleted_at', 'is', null),
);

/* Merging two claims (mergeClaims): the merged claim's rows, fact-checks and places move to the kept one. */

/** The articles a claim has a live place in (its own, or further ones), each once. */
export const livePlaceArticlesOfClaim = statement(
  'claim.livePlaceArticles',
  (q: StatementBuilder<{ claimId: number }>) =>
    q.db
      .selectFrom('claims')
      .select(['article_id as articleId'])
      .distinct()
      .where((eb) => eb.or([eb('id', '=', q.p.claimId), eb('appearance_of_id', '=', q.p.claimId)]))
      .where('deleted_at', 'is', null),
);

/** The live rows of a claim: its own and its further places, each with the verdict it shows. */
export const liveRowsOfClaim = statement('claim.liveRows', (q: StatementBuilder<{ claimId: number }>) =>
  q.db
    .selectFrom('claims')
    .select((eb) => ['id', 'article_id as articleId', eb.ref('verdict').$castTo<Verdict | null>().as('verdict')])
    .where((eb) => eb.or([eb('id', '=', q.p.claimId), eb('appearance_of_id', '=', q.p.claimId)]))
    .where('deleted_at', 'is', null),
);

/** Makes every row that is a place of `fromId` (removed ones too) a place of `toId`. */
export const movePlaces = statement('claim.movePlaces', (q: StatementBuilder<{ fromId: number; toId: number }>) =>
  q.db
    .updateTable('claims')
    .set({ appearance_of_id: q.p.toId, updated_at: sql`CURRENT_TIMESTAMP` })
    .where('appearance_of_id', '=', q.p.fromId),
);

/**
 * Makes a claim a place of the claim it was merged into. A place names no claimant and is
 * found by no words of its own (claimant pages, ClaimReview imports): the kept claim's are what
 * count; the history keeps what the claim named before.
 */
export const markClaimMerged = statement(
  'claim.markMerged',
  (q: StatementBuilder<{ id: number; intoId: number; mergedAt: string }>) =>
    q.db
      .updateTable('claims')
      .set({
        appearance_of_id: q.p.intoId,
        merged_at: q.p.mergedAt,
        claimant_id: null,
        text_key: null,
        updated_at: sql`CURRENT_TIMESTAMP`,
      })
      .where('id', '=', q.p.id),
);

/** The live rows of a claim with the state their history records, by id. */
export const claimStatesByIds = statement('claim.statesByIds', (q: StatementBuilder<{ ids: readonly number[] }>) =>
  q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('claimants as cl', 'cl.id', 'c.claimant_id')
    .select(claimStateColumns)
    .select('a.revision as articleRevision')
    .where('c.id', 'in', q.keyList('ids'))
    .where('c.deleted_at', 'is', null),
);

/** Records where each of a claim's fact-checks moves from (point-in-time reads follow them). */
export const recordAnnotationMoves = statement(
  'claim.recordAnnotationMoves',
  (q: StatementBuilder<{ fromId: number; toId: number; movedAt: string }>) =>
    q.db
      .insertInto('annotation_moves')
      .columns(['annotation_id', 'from_claim_id', 'to_claim_id', 'moved_at'])
      .expression((eb) =>
        eb
          .selectFrom('annotations')
          .select([
            'id',
            sql<number>`${q.p.fromId}`.as('from_claim_id'),
            sql<number>`${q.p.toId}`.as('to_claim_id'),
            sql<string>`${q.p.movedAt}`.as('moved_at'),
          ])
          .where('claim_id', '=', q.p.fromId),
      ),
);

/** Links a claim's public corrections to the claim it was merged into (their words stay as written). */
export const moveCorrections = statement(
  'claim.moveCorrections',
  (q: StatementBuilder<{ fromId: number; toId: number }>) =>
    q.db.updateTable('corrections').set({ claim_id: q.p.toId }).where('claim_id', '=', q.p.fromId),
);

export const moveAnnotations = statement(
  'claim.moveAnnotations',
  (q: StatementBuilder<{ fromId: number; toId: number }>) =>
    q.db.updateTable('annotations').set({ claim_id: q.p.toId }).where('claim_id', '=', q.p.fromId),
);

/**
 * Lists a claim's live outside places on another claim from `listedAt` on, but for those at a
 * url the other lists: new rows, so that point-in-time reads list each on its claim then.
 */
export const copyOutsideAppearances = statement(
  'claim.copyOutsideAppearances',
  (q: StatementBuilder<{ fromId: number; toId: number; listedAt: string }>) =>
    q.db
      .insertInto('outside_appearances')
      .columns([
        'claim_id',
        'url',
        'title',
        'publisher',
        'appeared_at',
        'start_seconds',
        'end_seconds',
        'created_by_id',
        'created_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('outside_appearances as f')
          .select([
            sql<number>`${q.p.toId}`.as('claim_id'),
            'f.url',
            'f.title',
            'f.publisher',
            'f.appeared_at',
            'f.start_seconds',
            'f.end_seconds',
            'f.created_by_id',
            sql<string>`${q.p.listedAt}`.as('created_at'),
          ])
          .where('f.claim_id', '=', q.p.fromId)
          .where('f.deleted_at', 'is', null)
          .where((eb) =>
            eb(
              'f.url',
              'not in',
              eb
                .selectFrom('outside_appearances as o')
                .select('o.url')
                .where('o.claim_id', '=', q.p.toId)
                .where('o.deleted_at', 'is', null),
            ),
          )
          .orderBy('f.id'),
      ),
);

/** Takes off the outside places a claim lists (kept for point-in-time reads). */
export const removeOutsideAppearancesOf = statement(
  'claim.removeOutsideAppearances',
  (q: StatementBuilder<{ claimId: number; deletedAt: string }>) =>
    q.db
      .updateTable('outside_appearances')
      .set({ deleted_at: q.p.deletedAt })
      .where('claim_id', '=', q.p.claimId)
      .where('deleted_at', 'is', null),
);

/** Moves dismissed suggestions of a claim to another, but for those already dismissed for it. */
export const moveDismissals = statement(
  'claim.moveDismissals',
  (q: StatementBuilder<{ fromId: number; toId: number }>) =>
    q.db
      .updateTable('claim_suggestion_dismissals as d')
      .set({ claim_id: q.p.toId })
      .where('d.claim_id', '=', q.p.fromId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('claim_suggestion_dismissals as e')
              .select('e.id')
              .where('e.claim_id', '=', q.p.toId)
              .whereRef('e.article_id', '=', 'd.article_id')
              .whereRef('e.sentence_key', '=', 'd.sentence_key'),
          ),
        ),
      ),
);
