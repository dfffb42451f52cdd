import type { Expression, ExpressionBuilder, RawBuilder, SqlBool } from 'kysely';
import type { SqlTimestamp } from '../../db/sql-dates';
import { statement, type StatementBuilder, statementVariants, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import type { ArticleStatus } from '../article/article.entity';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { annotationVisible, articleVisible, contentChanges, sourceVisible } from '../auth/visibility.queries';
import { sourceColumns, type SourceSqlRow } from '../source/source.queries';
import type { Role } from '../user/user.entity';
import type { AnnotationChange } from './annotation-revision.entity';
import { AnnotationStatus } from './annotation.entity';
import type { Stance } from './citation.entity';
import type { CorrectionKind } from './correction.entity';
import type { Verdict } from './verdict';

/** Every statement of the annotation (fact-check) module. */

type Keys = { ids: readonly number[] };
type VisibleKeys = Keys & { viewerId: number | null };

const published = () => sql.lit(AnnotationStatus.PUBLISHED);

/** The columns of a fact-check as the API serves it, from `annotations n` joined with its author `users u`. */
function annotationColumns(
  eb: ExpressionBuilder<{ n: Tables['annotations']; u: Tables['users']; rt: Tables['ratings'] }, 'n' | 'u' | 'rt'>,
) {
  return [
    eb.ref('n.id').as('id'),
    eb.ref('n.claim_id').as('claimId'),
    eb.ref('n.verdict').$castTo<Verdict>().as('verdict'),
    ...annotationRatingColumns(eb),
    eb.ref('n.summary').as('summary'),
    eb.ref('n.body').as('body'),
    eb.ref('n.status').$castTo<AnnotationStatus>().as('status'),
    eb.ref('n.version').as('version'),
    eb.ref('n.published_at').as('publishedAt'),
    eb.ref('n.retracted_at').as('retractedAt'),
    eb.ref('n.retraction_reason').as('retractionReason'),
    eb.ref('n.created_at').as('createdAt'),
    eb.ref('n.updated_at').as('updatedAt'),
    eb.ref('n.author_id').as('authorId'),
    eb.ref('u.name').as('authorName'),
    eb.ref('u.role').$castTo<Role>().as('authorRole'),
  ];
}

/**
 * A fact-check's rating: the organisation's (`ratings rt`, joined on the fact-check's or its
 * revision's `rating_id`) and, for an imported one, its publisher's words and numbers.
 */
export function annotationRatingColumns(
  eb: ExpressionBuilder<{ n: Tables['annotations']; rt: Tables['ratings'] }, 'n' | 'rt'>,
) {
  return [
    eb.ref('rt.id').as('ratingId'),
    eb.ref('rt.label').as('ratingLabel'),
    eb.ref('rt.description').as('ratingDescription'),
    eb.ref('rt.value').as('ratingValue'),
    eb.ref('rt.best').as('ratingBest'),
    eb.ref('rt.worst').as('ratingWorst'),
    eb.ref('rt.colour').as('ratingColour'),
    eb.ref('n.imported_rating').as('importedRating'),
    eb.ref('n.imported_rating_value').as('importedRatingValue'),
    eb.ref('n.imported_rating_best').as('importedRatingBest'),
    eb.ref('n.imported_rating_worst').as('importedRatingWorst'),
  ];
}

/**
 * Fact-checks by id, as every read sees them: hidden ones (others' drafts, those of a deleted
 * claim or of an article the viewer cannot see) are left out. Starts from the keys.
 */
export const annotationsByIds = statementVariants(
  'annotation.byIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<VisibleKeys>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .crossJoin('annotations as n')
      .innerJoin('users as u', 'u.id', 'n.author_id')
      .leftJoin('ratings as rt', 'rt.id', 'n.rating_id')
      .crossJoin('claims as c')
      .crossJoin('articles as a')
      .select(annotationColumns)
      .whereRef('n.id', '=', 'k.value')
      .whereRef('c.id', '=', 'n.claim_id')
      .whereRef('a.id', '=', 'c.article_id')
      .where('c.deleted_at', 'is', null)
      .where(annotationVisible(level, q.p.viewerId))
      .where(articleVisible(level)),
);

/** The row of a fact-check read by id or by claim (one shape for both loaders). */
export type AnnotationSqlRow = NonNullable<(typeof annotationsByIds)['public']['row']>;

/** The visible fact-checks of claims, newest published first (unpublished ones last). */
export const annotationsByClaimIds = statementVariants(
  'annotation.byClaimIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<VisibleKeys>, level) =>
    q.db
      .selectFrom('annotations as n')
      .innerJoin('users as u', 'u.id', 'n.author_id')
      .leftJoin('ratings as rt', 'rt.id', 'n.rating_id')
      .select(annotationColumns)
      .where('n.claim_id', 'in', q.keyList('ids'))
      .where(annotationVisible(level, q.p.viewerId))
      .orderBy('n.claim_id')
      .orderBy('n.published_at', (ob) => (q.dialect === 'postgres' ? ob.desc().nullsLast() : ob.desc()))
      .orderBy('n.id', 'desc'),
);

export const citationsByAnnotationIds = statementVariants<
  VisibilityLevel,
  { ids: readonly number[] },
  SourceSqlRow & { annotationId: number; stance: Stance; excerpt: string }
>('annotation.citationsByIds', VISIBILITY_LEVELS, (q, level) =>
  q.db
    .selectFrom('citations as t')
    .innerJoin('sources as s', 's.id', 't.source_id')
    .select((eb) => [
      eb.ref('t.annotation_id').as('annotationId'),
      eb.ref('t.stance').$castTo<Stance>().as('stance'),
      't.excerpt',
      ...sourceColumns(eb),
    ])
    .where('t.annotation_id', 'in', q.keyList('ids'))
    .where(sourceVisible(level))
    .orderBy('t.annotation_id')
    .orderBy('t.position'),
);

// History.

/**
 * Which revisions a viewer sees: editors all, the author all of their own fact-checks, everyone
 * else those readers saw. On `annotation_revisions r` joined with `annotations n`.
 */
function revisionVisible(level: VisibilityLevel, viewerId: unknown): RawBuilder<boolean> {
  if (level === 'editor') return sql<boolean>`1 = 1`;
  if (level === 'reviewer') return sql<boolean>`(n.author_id = ${viewerId} OR r.public_at IS NOT NULL)`;
  return sql<boolean>`r.public_at IS NOT NULL`;
}

export const revisionsByAnnotationIds = statementVariants(
  'annotation.revisionsByIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<VisibleKeys>, level) =>
    q.db
      .selectFrom('annotation_revisions as r')
      .innerJoin('users as u', 'u.id', 'r.actor_id')
      .innerJoin('annotations as n', 'n.id', 'r.annotation_id')
      // The rating the revision carried, under the rating's label of today.
      .leftJoin('ratings as rt', 'rt.id', 'r.rating_id')
      .select((eb) => [
        eb.ref('r.annotation_id').as('annotationId'),
        eb.ref('r.version').as('version'),
        eb.ref('r.change').$castTo<AnnotationChange>().as('change'),
        eb.ref('r.verdict').$castTo<Verdict>().as('verdict'),
        ...annotationRatingColumns(eb),
        eb.ref('r.summary').as('summary'),
        eb.ref('r.body').as('body'),
        eb.ref('r.status').$castTo<AnnotationStatus>().as('status'),
        eb.ref('r.citations').as('citations'),
        eb.ref('r.note').as('note'),
        eb.ref('r.created_at').as('createdAt'),
        eb.ref('r.actor_id').as('actorId'),
        eb.ref('u.name').as('actorName'),
        eb.ref('u.role').$castTo<Role>().as('actorRole'),
      ])
      .where('r.annotation_id', 'in', q.keyList('ids'))
      .where(revisionVisible(level, q.p.viewerId))
      .orderBy('r.annotation_id')
      .orderBy('r.version'),
);

/** Contributors: who made a content change (CREATED, UPDATED) to each fact-check, in the order they first did. */
export const contributorsByAnnotationIds = statement('annotation.contributorsByIds', (q: StatementBuilder<Keys>) =>
  q.db
    .selectFrom('annotation_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.actor_id')
    .select((eb) => [
      eb.ref('r.annotation_id').as('annotationId'),
      eb.ref('r.actor_id').as('actorId'),
      eb.ref('u.name').as('actorName'),
      eb.ref('u.role').$castTo<Role>().as('actorRole'),
      eb.fn.min('r.created_at').as('createdAt'),
    ])
    .where('r.annotation_id', 'in', q.keyList('ids'))
    .where((eb) => sql<boolean>`${eb.ref('r.change')} IN ${contentChanges()}`)
    .groupBy(['r.annotation_id', 'r.actor_id', 'u.name', 'u.role'])
    .orderBy('r.annotation_id')
    .orderBy((eb) => eb.fn.min('r.created_at'))
    .orderBy('r.actor_id'),
);

/**
 * Corrections are the public record of changes to what readers saw: those made before the
 * article was first published changed drafts, and are staff business. On `corrections k`.
 */
const sincePublication = () =>
  sql<boolean>`k.created_at >= (SELECT MIN(fp.created_at) FROM article_status_changes fp WHERE fp.article_id = k.article_id AND fp.status = 'PUBLISHED')`;

/** A stored correction in the shape every correction is served in, from `corrections k`. */
function correctionColumns(eb: ExpressionBuilder<{ k: Tables['corrections'] }, 'k'>) {
  return [
    eb.ref('k.id').as('id'),
    eb.ref('k.article_id').as('articleId'),
    eb.ref('k.claim_id').$castTo<number | null>().as('claimId'),
    eb.ref('k.annotation_id').$castTo<number | null>().as('annotationId'),
    sql<number | null>`NULL`.as('revision'),
    eb.ref('k.kind').$castTo<CorrectionKind>().as('kind'),
    eb.ref('k.previous_verdict').$castTo<Verdict | null>().as('previousVerdict'),
    eb.ref('k.new_verdict').$castTo<Verdict | null>().as('newVerdict'),
    eb.ref('k.previous_text').as('previousText'),
    eb.ref('k.new_text').as('newText'),
    eb.ref('k.note').as('note'),
    eb.ref('k.created_at').as('createdAt'),
  ];
}

/** The public corrections of claims, oldest first. */
export const correctionsByClaimIds = statement('annotation.correctionsByClaimIds', (q: StatementBuilder<Keys>) =>
  q.db
    .selectFrom('corrections as k')
    .select(correctionColumns)
    .where('k.claim_id', 'in', q.keyList('ids'))
    .where(sincePublication())
    .orderBy('k.claim_id')
    .orderBy('k.created_at')
    .orderBy('k.id'),
);

/** The row of a correction, stored or made from an article revision. */
export type CorrectionSqlRow = NonNullable<(typeof correctionsByClaimIds)['row']>;

/**
 * The public corrections of articles: their stored corrections, and each revision readers saw
 * after the first, as a correction (ids negated: they are not rows of corrections), dated when
 * readers first saw it: BODY_CORRECTED when the body differs from the revision readers saw
 * before, ARTICLE_UPDATED otherwise (headline, standfirst, details). Oldest first.
 */
export const correctionsByArticleIds = statement<Keys, CorrectionSqlRow>('annotation.correctionsByArticleIds', (q) => {
  const shown = q.db
    .selectFrom('article_revisions as r')
    .selectAll('r')
    .select((eb) => [
      eb.fn
        .agg<string | null>('LAG', ['r.body'])
        .over((ob) => ob.partitionBy('r.article_id').orderBy('r.number'))
        .as('previous_body'),
      eb.fn
        .agg<number>('ROW_NUMBER', [])
        .over((ob) => ob.partitionBy('r.article_id').orderBy('r.number'))
        .as('shown'),
    ])
    .where('r.article_id', 'in', q.keyList('ids'))
    .where('r.public_at', 'is not', null)
    .as('r');
  const revisions = q.db
    .selectFrom(shown)
    .select((eb) => [
      eb.neg(eb.ref('r.id')).as('id'),
      eb.ref('r.article_id').as('articleId'),
      sql<number | null>`NULL`.as('claimId'),
      sql<number | null>`NULL`.as('annotationId'),
      eb.ref('r.number').$castTo<number | null>().as('revision'),
      eb
        .case()
        .when('r.body', '<>', eb.ref('r.previous_body'))
        .then(sql.lit('BODY_CORRECTED'))
        .else(sql.lit('ARTICLE_UPDATED'))
        .end()
        .$castTo<CorrectionKind>()
        .as('kind'),
      sql<Verdict | null>`NULL`.as('previousVerdict'),
      sql<Verdict | null>`NULL`.as('newVerdict'),
      sql<string | null>`NULL`.as('previousText'),
      sql<string | null>`NULL`.as('newText'),
      eb.fn.coalesce('r.note', sql.lit('')).$castTo<string>().as('note'),
      eb.ref('r.public_at').$notNull().as('createdAt'),
    ])
    .where('r.shown', '>', sql.lit(1));
  const stored = q.db
    .selectFrom('corrections as k')
    .select(correctionColumns)
    .where('k.article_id', 'in', q.keyList('ids'))
    .where(sincePublication());
  return q.db
    .selectFrom(stored.unionAll(revisions).as('merged'))
    .selectAll('merged')
    .orderBy('merged.articleId')
    .orderBy('merged.createdAt')
    .orderBy('merged.id');
});

/**
 * The published articles whose public corrections are newest, newest first, with the time of
 * their newest one: the same corrections `correctionsByArticleIds` serves (stored ones since
 * first publication, and each revision readers saw after the first). The newest `limit`
 * corrections of all are among those of these `limit` articles.
 */
export const recentlyCorrectedArticles = statement(
  'annotation.recentlyCorrectedArticles',
  (q: StatementBuilder<{ limit: number }>) => {
    const stored = q.db
      .selectFrom('corrections as k')
      .select((eb) => [eb.ref('k.article_id').as('articleId'), eb.ref('k.created_at').as('at')])
      .where(sincePublication());
    const revised = q.db
      .selectFrom('article_revisions as r')
      .select((eb) => [eb.ref('r.article_id').as('articleId'), eb.ref('r.public_at').$notNull().as('at')])
      .where('r.public_at', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('article_revisions as e')
            .select('e.id')
            .whereRef('e.article_id', '=', 'r.article_id')
            .whereRef('e.number', '<', 'r.number')
            .where('e.public_at', 'is not', null),
        ),
      );
    return q.db
      .selectFrom(stored.unionAll(revised).as('u'))
      .innerJoin('articles as a', 'a.id', 'u.articleId')
      .select((eb) => [eb.ref('u.articleId').as('articleId'), eb.fn.max('u.at').as('latest')])
      .where('a.status', '=', sql.lit('PUBLISHED'))
      .groupBy('u.articleId')
      .orderBy((eb) => eb.fn.max('u.at'), 'desc')
      .orderBy('u.articleId', 'desc')
      .limit(q.p.limit);
  },
);

// Writes.

/** The status of a claim's article, if the claim exists and is not deleted (a claim: not a further place of one). */
export const articleStatusOfClaim = statement(
  'annotation.articleStatusOfClaim',
  (q: StatementBuilder<{ claimId: number }>) =>
    q.db
      .selectFrom('claims as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select((eb) => [eb.ref('a.status').$castTo<ArticleStatus>().as('articleStatus'), 'c.article_id as articleId'])
      .where('c.id', '=', q.p.claimId)
      .where('c.deleted_at', 'is', null)
      // A further place of a claim takes no fact-checks: they go to its claim.
      .where('c.appearance_of_id', 'is', null),
);

/** A claim's article and verdict (deleted or not). */
export const claimOf = statement('annotation.claimOf', (q: StatementBuilder<{ claimId: number }>) =>
  q.db
    .selectFrom('claims')
    .select((eb) => [
      eb.ref('id').as('id'),
      eb.ref('article_id').as('articleId'),
      eb.ref('verdict').$castTo<Verdict | null>().as('verdict'),
    ])
    .where('id', '=', q.p.claimId),
);

/** What the workflow needs of a fact-check to change it. */
export const annotationForWrite = statement('annotation.forWrite', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('annotations')
    .select((eb) => [
      eb.ref('id').as('id'),
      eb.ref('claim_id').as('claimId'),
      eb.ref('author_id').as('authorId'),
      eb.ref('verdict').$castTo<Verdict>().as('verdict'),
      eb.ref('rating_id').as('ratingId'),
      eb.ref('summary').as('summary'),
      eb.ref('body').as('body'),
      eb.ref('status').$castTo<AnnotationStatus>().as('status'),
      eb.ref('version').as('version'),
    ])
    .where('id', '=', q.p.id),
);

export const insertAnnotation = statement(
  'annotation.insert',
  (
    q: StatementBuilder<{
      claimId: number;
      authorId: number;
      verdict: Verdict;
      ratingId: number;
      summary: string;
      body: string;
      status: AnnotationStatus;
      createdAt: string;
      updatedAt: string;
    }>,
  ) =>
    q.db
      .insertInto('annotations')
      .values({
        claim_id: q.p.claimId,
        author_id: q.p.authorId,
        verdict: q.p.verdict,
        rating_id: q.p.ratingId,
        summary: q.p.summary,
        body: q.p.body,
        status: q.p.status,
        version: sql.lit(1),
        created_at: q.p.createdAt,
        updated_at: q.p.updatedAt,
      })
      .returning('id'),
);

/**
 * An imported fact-check an editor gave a rating of the scale: it shows the organisation's
 * rating from then on, and an ADMIN's later mapping of its publisher's words leaves it alone.
 */
export const clearImportedRating = statement('annotation.clearImportedRating', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .updateTable('annotations')
    .set({
      imported_rating: null,
      imported_rating_value: null,
      imported_rating_best: null,
      imported_rating_worst: null,
    })
    .where('id', '=', q.p.id)
    .where('imported_rating', 'is not', null),
);

/**
 * The next version of a fact-check, only if nobody changed it since it was read (`version`):
 * no row back means somebody did. Fields given as null stay as they are.
 */
export const bumpAnnotationVersion = statement(
  'annotation.bumpVersion',
  (
    q: StatementBuilder<{
      id: number;
      version: number;
      nextVersion: number;
      updatedAt: string;
      verdict: Verdict | null;
      ratingId: number | null;
      summary: string | null;
      body: string | null;
      status: AnnotationStatus | null;
      publishedAt: string | null;
      retractedAt: string | null;
      retractionReason: string | null;
    }>,
  ) =>
    q.db
      .updateTable('annotations')
      .set((eb) => ({
        verdict: eb.fn.coalesce(eb.val(q.p.verdict), eb.ref('verdict')),
        rating_id: eb.fn.coalesce(eb.val(q.p.ratingId), eb.ref('rating_id')),
        summary: eb.fn.coalesce(eb.val(q.p.summary), eb.ref('summary')),
        body: eb.fn.coalesce(eb.val(q.p.body), eb.ref('body')),
        status: eb.fn.coalesce(eb.val(q.p.status), eb.ref('status')),
        published_at: eb.fn.coalesce(eb.val(q.p.publishedAt), eb.ref('published_at')),
        retracted_at: eb.fn.coalesce(eb.val(q.p.retractedAt), eb.ref('retracted_at')),
        retraction_reason: eb.fn.coalesce(eb.val(q.p.retractionReason), eb.ref('retraction_reason')),
        version: q.p.nextVersion,
        updated_at: q.p.updatedAt,
      }))
      .where('id', '=', q.p.id)
      .where('version', '=', q.p.version)
      .returning('id'),
);

export const deleteCitations = statement(
  'annotation.deleteCitations',
  (q: StatementBuilder<{ annotationId: number }>) =>
    q.db.deleteFrom('citations').where('annotation_id', '=', q.p.annotationId),
);

export const insertCitation = statement(
  'annotation.insertCitation',
  (
    q: StatementBuilder<{ annotationId: number; sourceId: number; stance: Stance; excerpt: string; position: number }>,
  ) =>
    q.db.insertInto('citations').values({
      annotation_id: q.p.annotationId,
      source_id: q.p.sourceId,
      stance: q.p.stance,
      excerpt: q.p.excerpt,
      position: q.p.position,
    }),
);

/** A fact-check's citations as they stand, in order. */
export const currentCitationsOf = statement(
  'annotation.currentCitations',
  (q: StatementBuilder<{ annotationId: number }>) =>
    q.db
      .selectFrom('citations')
      .select((eb) => [
        eb.ref('source_id').as('sourceId'),
        eb.ref('stance').$castTo<Stance>().as('stance'),
        eb.ref('excerpt').as('excerpt'),
      ])
      .where('annotation_id', '=', q.p.annotationId)
      .orderBy('position'),
);

/** Everyone who wrote or changed a fact-check's content. */
export const contributorIdsOf = statement(
  'annotation.contributorIds',
  (q: StatementBuilder<{ annotationId: number }>) =>
    q.db
      .selectFrom('annotation_revisions')
      .select((eb) => eb.ref('actor_id').as('actorId'))
      .distinct()
      .where('annotation_id', '=', q.p.annotationId)
      .where((eb) => sql<boolean>`${eb.ref('change')} IN ${contentChanges()}`),
);

export const insertRevision = statement(
  'annotation.insertRevision',
  (
    q: StatementBuilder<{
      annotationId: number;
      version: number;
      change: AnnotationChange;
      verdict: Verdict;
      summary: string;
      body: string;
      status: AnnotationStatus;
      citations: string;
      actorId: number;
      note: string | null;
      createdAt: string;
    }>,
  ) =>
    q.db.insertInto('annotation_revisions').values((eb) => ({
      annotation_id: q.p.annotationId,
      version: q.p.version,
      change: q.p.change,
      verdict: q.p.verdict,
      // The fact-check's rating as it now stands (the revision is appended after the change).
      rating_id: eb.selectFrom('annotations as n').select('n.rating_id').where('n.id', '=', q.p.annotationId),
      summary: q.p.summary,
      body: q.p.body,
      status: q.p.status,
      citations: q.p.citations,
      actor_id: q.p.actorId,
      note: q.p.note,
      created_at: q.p.createdAt,
    })),
);

export const insertCorrection = statement(
  'annotation.insertCorrection',
  (
    q: StatementBuilder<{
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
      createdAt: string;
    }>,
  ) =>
    q.db.insertInto('corrections').values({
      article_id: q.p.articleId,
      claim_id: q.p.claimId,
      annotation_id: q.p.annotationId,
      kind: q.p.kind,
      previous_verdict: q.p.previousVerdict,
      new_verdict: q.p.newVerdict,
      previous_text: q.p.previousText,
      new_text: q.p.newText,
      note: q.p.note,
      editor_id: q.p.editorId,
      created_at: q.p.createdAt,
    }),
);

/** The verdict of a claim's newest published fact-check. */
export const newestPublishedVerdict = statement(
  'annotation.newestPublishedVerdict',
  (q: StatementBuilder<{ claimId: number }>) =>
    q.db
      .selectFrom('annotations as n')
      .select((eb) => eb.ref('n.verdict').$castTo<Verdict>().as('verdict'))
      .where('n.claim_id', '=', q.p.claimId)
      .where('n.status', '=', published())
      .orderBy('n.published_at', (ob) => (q.dialect === 'postgres' ? ob.desc().nullsLast() : ob.desc()))
      .orderBy('n.id', 'desc')
      .limit(sql.lit(1)),
);

/**
 * Sets a claim's verdict, and the copy each of its further places in other articles carries;
 * the update time moves as with any change to them.
 */
export const setClaimVerdict = statement(
  'annotation.setClaimVerdict',
  (q: StatementBuilder<{ claimId: number; verdict: Verdict | null }>) =>
    q.db
      .updateTable('claims')
      .set({ verdict: q.p.verdict, updated_at: sql<string>`CURRENT_TIMESTAMP` })
      .where((eb) => eb.or([eb('id', '=', q.p.claimId), eb('appearance_of_id', '=', q.p.claimId)])),
);

/** The other articles a claim appears in (its live further places'), each once. */
export const otherArticlesOfClaim = statement(
  'annotation.otherArticlesOfClaim',
  (q: StatementBuilder<{ claimId: number }>) =>
    q.db
      .selectFrom('claims')
      .select(['article_id as articleId'])
      .distinct()
      .where('appearance_of_id', '=', q.p.claimId)
      .where('deleted_at', 'is', null)
      .orderBy('article_id'),
);

// The fact-checks list (Query.annotations): the review queue and every fact-check the viewer may see.

/**
 * Whose list: each visibility level's, and an editor's queue of fact-checks awaiting their
 * review (`awaiting`: IN_REVIEW, and nothing of their content is the editor's: four eyes).
 */
export type AnnotationListScope = VisibilityLevel | 'awaiting';
const ANNOTATION_LIST_SCOPES: readonly AnnotationListScope[] = [...VISIBILITY_LEVELS, 'awaiting'];

/** The list's filters; null leaves one out. `statuses` is always given (every status by default). */
export interface AnnotationListParams {
  viewerId: number | null;
  statuses: readonly string[];
  authorId: number | null;
  articleId: number | null;
  claimId: number | null;
}

export type AnnotationPageParams = AnnotationListParams & {
  limit: number;
  afterValue: string | null;
  afterId: number | null;
};

/** `param IS NULL OR predicate`; PostgreSQL needs the type of a parameter only tested for NULL. */
function unlessNullId(
  q: StatementBuilder<AnnotationListParams>,
  param: number | null,
  predicate: Expression<SqlBool>,
): RawBuilder<SqlBool> {
  const tested = q.dialect === 'postgres' ? sql`CAST(${param} AS integer)` : sql`${param}`;
  return sql<SqlBool>`(${tested} IS NULL OR ${predicate})`;
}

/**
 * The fact-checks of the scope matching the filters, from `annotations n` with its claim `c`
 * (live), article `a`, author `u` and rating `rt`, under the one visibility rule.
 */
function annotationList<P extends AnnotationListParams>(q: StatementBuilder<P>, scope: AnnotationListScope) {
  const level: VisibilityLevel = scope === 'awaiting' ? 'editor' : scope;
  const base = q as unknown as StatementBuilder<AnnotationListParams>;
  return q.db
    .selectFrom('annotations as n')
    .innerJoin('claims as c', 'c.id', 'n.claim_id')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .leftJoin('ratings as rt', 'rt.id', 'n.rating_id')
    .where('c.deleted_at', 'is', null)
    .where(annotationVisible(level, q.p.viewerId))
    .where(articleVisible(level))
    .where('n.status', 'in', q.keyList('statuses' as never, 'text') as RawBuilder<string>)
    .where((eb) => unlessNullId(base, q.p.authorId, eb('n.author_id', '=', q.p.authorId as number)))
    .where((eb) => unlessNullId(base, q.p.articleId, eb('c.article_id', '=', q.p.articleId as number)))
    .where((eb) => unlessNullId(base, q.p.claimId, eb('n.claim_id', '=', q.p.claimId as number)))
    .$if(scope === 'awaiting', (list) =>
      list.where('n.status', '=', sql.lit(AnnotationStatus.IN_REVIEW)).where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('annotation_revisions as mine')
              .select(sql.lit(1).as('one'))
              .whereRef('mine.annotation_id', '=', 'n.id')
              .where('mine.actor_id', '=', q.p.viewerId as number)
              .where((inner) => sql<SqlBool>`${inner.ref('mine.change')} IN ${contentChanges()}`),
          ),
        ),
      ),
    );
}

function annotationPage(start: 'first' | 'after') {
  return (q: StatementBuilder<AnnotationPageParams>, scope: AnnotationListScope) =>
    annotationList(q, scope)
      .select(annotationColumns)
      .$if(start === 'after', (page) =>
        page.where((eb) =>
          eb(
            eb.refTuple('n.updated_at', 'n.id'),
            '<',
            eb.tuple(q.p.afterValue as unknown as SqlTimestamp, q.p.afterId as number),
          ),
        ),
      )
      .orderBy('n.updated_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(q.p.limit);
}

/** A keyset page of the list, newest change first: from the top, or after a row (its updated_at and id). */
export const annotationPages = {
  first: statementVariants('annotation.page', ANNOTATION_LIST_SCOPES, annotationPage('first')),
  after: statementVariants('annotation.page.after', ANNOTATION_LIST_SCOPES, annotationPage('after')),
};

export const annotationCount = statementVariants(
  'annotation.count',
  ANNOTATION_LIST_SCOPES,
  (q: StatementBuilder<AnnotationListParams>, scope) =>
    annotationList(q, scope).select((eb) => eb.fn.countAll<number>().as('n')),
);
