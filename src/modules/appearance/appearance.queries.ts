import type { Verdict } from '../annotation/verdict';
import { type StatementBuilder, sql, statement, statementVariants } from '../../db/statements';
import type { ArticleStatus } from '../article/article.entity';
import { ClaimAnchorStatus } from '../claim/anchor-status';
import { VISIBILITY_LEVELS } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';

/** Every statement of the appearance module. */

/**
 * A claim's further place in another article, from `claims p` (the place), but for whose place
 * it is: now (`PLACE_COLUMNS`) or at a moment (point-in-time reads take it from the history).
 */
export const PLACE_ROW_COLUMNS = [
  'p.id as id',
  'p.article_id as articleId',
  'p.quote as quote',
  'p.prefix as prefix',
  'p.suffix as suffix',
  'p.start_offset as startOffset',
  'p.end_offset as endOffset',
  'p.anchor_score as anchorScore',
  'p.anchor_exact as anchorExact',
  'p.checked_revision as checkedRevision',
  'p.created_at as createdAt',
  'p.deleted_at as deletedAt',
] as const;

/** A claim's further place in another article, from `claims p` (the place), with its claim's id. */
const PLACE_COLUMNS = [...PLACE_ROW_COLUMNS, 'p.appearance_of_id as claimId'] as const;

/**
 * The further places of claims in other articles than their own, removed ones included
 * (point-in-time reads list those live then), oldest first; only places in articles the viewer
 * may see. Callers reach them only through a visible claim.
 */
export const furtherPlacesOfClaims = statementVariants(
  'appearance.furtherPlacesOfClaims',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ claimIds: readonly number[] }>, level) =>
    q.db
      .selectFrom('claims as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .select(PLACE_COLUMNS)
      .select((eb) => [
        eb.ref('p.anchor_status').$castTo<ClaimAnchorStatus>().as('anchorStatus'),
        eb.ref('p.verdict').$castTo<Verdict | null>().as('verdict'),
      ])
      .where('p.appearance_of_id', 'in', q.keyList('claimIds'))
      .where(articleVisible(level))
      .orderBy('p.appearance_of_id')
      .orderBy('p.id'),
);

/** Live further places by id, in articles the viewer may see, of live claims (node(id)). */
export const furtherPlacesByIds = statementVariants(
  'appearance.furtherPlacesByIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .crossJoin('claims as p')
      .crossJoin('articles as a')
      .select(PLACE_COLUMNS)
      .select((eb) => [
        eb.ref('p.anchor_status').$castTo<ClaimAnchorStatus>().as('anchorStatus'),
        eb.ref('p.verdict').$castTo<Verdict | null>().as('verdict'),
      ])
      .whereRef('p.id', '=', 'k.value')
      .whereRef('a.id', '=', 'p.article_id')
      .where('p.appearance_of_id', 'is not', null)
      .where('p.deleted_at', 'is', null)
      .where(articleVisible(level)),
);

/** A live further place to remove, with its claim's id. */
export const furtherPlaceForWrite = statement(
  'appearance.furtherPlaceForWrite',
  (q: StatementBuilder<{ id: number }>) =>
    q.db
      .selectFrom('claims as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .select((eb) => [
        'p.id as id',
        eb.ref('p.appearance_of_id').$notNull().as('claimId'),
        'p.article_id as articleId',
        'p.quote as quote',
        'a.slug as articleSlug',
        eb.ref('a.status').$castTo<ArticleStatus>().as('articleStatus'),
      ])
      .where('p.id', '=', q.p.id)
      .where('p.appearance_of_id', 'is not', null)
      .where('p.deleted_at', 'is', null),
);

/** The claim's live places in an article (its own or a further one), to refuse a second. */
export const livePlacesInArticle = statement(
  'appearance.livePlacesInArticle',
  (q: StatementBuilder<{ claimId: number; articleId: number }>) =>
    q.db
      .selectFrom('claims')
      .select('id')
      .where('article_id', '=', q.p.articleId)
      .where((eb) => eb.or([eb('id', '=', q.p.claimId), eb('appearance_of_id', '=', q.p.claimId)]))
      .where('deleted_at', 'is', null),
);

/** How many live further places a claim has, to bound them. */
export const furtherPlaceCount = statement('appearance.furtherPlaceCount', (q: StatementBuilder<{ claimId: number }>) =>
  q.db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appearance_of_id', '=', q.p.claimId)
    .where('deleted_at', 'is', null),
);

/** A further place of a claim: a claims row of its own, anchored in another article, carrying the claim's verdict. */
export const insertFurtherPlace = statement(
  'appearance.insertFurtherPlace',
  (
    q: StatementBuilder<{
      claimId: number;
      articleId: number;
      quote: string;
      prefix: string;
      suffix: string;
      startOffset: number;
      endOffset: number;
      verdict: string | null;
      checkedRevision: number;
    }>,
  ) =>
    q.db
      .insertInto('claims')
      .values({
        appearance_of_id: q.p.claimId,
        article_id: q.p.articleId,
        quote: q.p.quote,
        prefix: q.p.prefix,
        suffix: q.p.suffix,
        start_offset: q.p.startOffset,
        end_offset: q.p.endOffset,
        verdict: q.p.verdict,
        anchor_status: sql.lit(ClaimAnchorStatus.ANCHORED),
        checked_revision: q.p.checkedRevision,
      })
      .returning('id'),
);

const OUTSIDE_COLUMNS = [
  'o.id as id',
  'o.claim_id as claimId',
  'o.url as url',
  'o.title as title',
  'o.publisher as publisher',
  'o.appeared_at as appearedAt',
  'o.start_seconds as startSeconds',
  'o.end_seconds as endSeconds',
  'o.created_at as createdAt',
  'o.deleted_at as deletedAt',
] as const;

/**
 * The outside appearances of claims, removed ones included (point-in-time reads list those
 * live then), oldest first. Callers reach them only through a visible claim.
 */
export const outsideAppearancesOfClaims = statement(
  'appearance.outsideOfClaims',
  (q: StatementBuilder<{ claimIds: readonly number[] }>) =>
    q.db
      .selectFrom('outside_appearances as o')
      .select(OUTSIDE_COLUMNS)
      .where('o.claim_id', 'in', q.keyList('claimIds'))
      .orderBy('o.claim_id')
      .orderBy('o.id'),
);

/** Live outside appearances by id, of live claims in articles the viewer may see (node(id)). */
export const outsideAppearancesByIds = statementVariants(
  'appearance.outsideByIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .crossJoin('outside_appearances as o')
      .crossJoin('claims as c')
      .crossJoin('articles as a')
      .select(OUTSIDE_COLUMNS)
      .whereRef('o.id', '=', 'k.value')
      .whereRef('c.id', '=', 'o.claim_id')
      .whereRef('a.id', '=', 'c.article_id')
      .where('o.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .where(articleVisible(level)),
);

/** A live outside appearance to remove, with its claim's id and its article's status. */
export const outsideAppearanceForWrite = statement(
  'appearance.outsideForWrite',
  (q: StatementBuilder<{ id: number }>) =>
    q.db
      .selectFrom('outside_appearances as o')
      .innerJoin('claims as c', 'c.id', 'o.claim_id')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select((eb) => [
        'o.id as id',
        'o.claim_id as claimId',
        'o.url as url',
        eb.ref('a.status').$castTo<ArticleStatus>().as('articleStatus'),
      ])
      .where('o.id', '=', q.p.id)
      .where('o.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null),
);

/** The claim's live outside appearances' urls, to refuse a second one at the same url. */
export const liveOutsideUrlsOfClaim = statement(
  'appearance.liveUrlsOfClaim',
  (q: StatementBuilder<{ claimId: number }>) =>
    q.db
      .selectFrom('outside_appearances')
      .select('url')
      .where('claim_id', '=', q.p.claimId)
      .where('deleted_at', 'is', null),
);

export const insertOutsideAppearance = statement(
  'appearance.insertOutside',
  (
    q: StatementBuilder<{
      claimId: number;
      url: string;
      title: string | null;
      publisher: string | null;
      appearedAt: string | null;
      startSeconds: number | null;
      endSeconds: number | null;
      createdById: number;
      createdAt: string;
    }>,
  ) =>
    q.db
      .insertInto('outside_appearances')
      .values({
        claim_id: q.p.claimId,
        url: q.p.url,
        title: q.p.title,
        publisher: q.p.publisher,
        appeared_at: q.p.appearedAt,
        start_seconds: q.p.startSeconds,
        end_seconds: q.p.endSeconds,
        created_by_id: q.p.createdById,
        created_at: q.p.createdAt,
      })
      .returning('id'),
);

/** Soft delete: point-in-time reads still list it as readers saw it. */
export const softDeleteOutsideAppearance = statement(
  'appearance.softDeleteOutside',
  (q: StatementBuilder<{ id: number; deletedAt: string }>) =>
    q.db
      .updateTable('outside_appearances')
      .set({ deleted_at: q.p.deletedAt })
      .where('id', '=', q.p.id)
      .where('deleted_at', 'is', null),
);
