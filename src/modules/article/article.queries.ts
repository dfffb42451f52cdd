import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { type Dialect, sql, statement, type StatementBuilder, statementVariants } from '../../db/statements';
import type { SqlTimestamp } from '../../db/sql-dates';
import type { Tables } from '../../db/tables';
import type { AnnotationStatus } from '../annotation/annotation.entity';
import { annotationRatingColumns } from '../annotation/annotation.queries';
import type { Verdict } from '../annotation/verdict';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible } from '../auth/visibility.queries';
import { PLACE_ROW_COLUMNS } from '../appearance/appearance.queries';
import type { ClaimAnchorStatus } from '../claim/anchor-status';
import type { Role } from '../user/user.entity';
import { ArticleStatus } from './article.entity';

/** Every statement of the article module: articles, their revisions, status history and point-in-time reads. */

/** The row a statement returns. */
export type RowOf<S> = S extends { readonly row?: infer Row } ? Row : never;

const published = () => sql.lit(ArticleStatus.PUBLISHED);
const archived = () => sql.lit(ArticleStatus.ARCHIVED);
/** Fact-checks readers see: published, and retracted ones with their notice. */
const readerAnnotationStatuses = () => [sql.lit('PUBLISHED'), sql.lit('RETRACTED')];
const one = () => sql.lit(1);

/** A timestamp parameter (text from toSqlDate), compared with timestamp columns. */
const asTimestamp = (param: string | null) => param as SqlTimestamp;

/** The columns of an article as the API serves it (without its body), from `articles a`. */
export function articleColumns(eb: ExpressionBuilder<{ a: Tables['articles'] }, 'a'>) {
  return [
    eb.ref('a.id').as('id'),
    eb.ref('a.slug').as('slug'),
    eb.ref('a.headline').as('headline'),
    eb.ref('a.standfirst').as('standfirst'),
    // JSON text of the byline names.
    eb.ref('a.authors').as('authors'),
    eb.ref('a.section').as('section'),
    eb.ref('a.language').as('language'),
    eb.ref('a.url').as('url'),
    eb.ref('a.published_at').as('publishedAt'),
    eb.ref('a.status').$castTo<ArticleStatus>().as('status'),
    eb.ref('a.version').as('version'),
    eb.ref('a.revision').as('revision'),
  ];
}

/*
 * Lookups by key start from the keys (k CROSS JOIN articles): without statistics SQLite may
 * otherwise drive from the visibility predicate and scan every published article.
 */

export const articlesByIds = statementVariants(
  'article.byIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level: VisibilityLevel) =>
    q.db
      .selectFrom(q.keys('ids'))
      .crossJoin('articles as a')
      .select(articleColumns)
      .whereRef('a.id', '=', 'k.value')
      .where(articleVisible(level)),
);

export const articlesBySlugs = statementVariants(
  'article.bySlugs',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ slugs: readonly string[] }>, level: VisibilityLevel) =>
    q.db
      .selectFrom(q.keys('slugs', 'text'))
      .crossJoin('articles as a')
      .select(articleColumns)
      .whereRef('a.slug', '=', 'k.value')
      .where(articleVisible(level)),
);

/** Bodies of articles already loaded, and so already known to be visible. */
export const articleBodiesByIds = statement('article.bodiesByIds', (q: StatementBuilder<{ ids: readonly number[] }>) =>
  q.db.selectFrom(q.keys('ids')).crossJoin('articles as a').select(['a.id', 'a.body']).whereRef('a.id', '=', 'k.value'),
);

/**
 * A claims row (`alias`) that readers see where it is: a claim's own place, or a further place
 * of a live claim of a published article (a claim still a draft's stays out of other articles).
 */
function claimShownInPlace(alias: 'c' | 'claims') {
  return sql<boolean>`(${sql.ref(`${alias}.appearance_of_id`)} IS NULL OR EXISTS (SELECT 1 FROM claims ph JOIN articles pa ON pa.id = ph.article_id
  WHERE ph.id = ${sql.ref(`${alias}.appearance_of_id`)} AND ph.deleted_at IS NULL AND pa.status = 'PUBLISHED'))`;
}

/** Live claims per article and current verdict (null: no verdict yet). */
export const claimStatsByArticleIds = statement(
  'article.claimStatsByIds',
  (q: StatementBuilder<{ ids: readonly number[] }>) =>
    q.db
      .selectFrom('claims')
      .select((eb) => [
        eb.ref('article_id').as('articleId'),
        eb.ref('verdict').$castTo<Verdict | null>().as('verdict'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('article_id', 'in', q.keyList('ids'))
      .where('deleted_at', 'is', null)
      .where(claimShownInPlace('claims'))
      .groupBy(['article_id', 'verdict']),
);

/* The article list. */

/**
 * The list's filters, each null when not asked for: a fixed statement text whatever the
 * filter, the unasked ones true for every row.
 */
export interface ArticleFilterParams {
  status: ArticleStatus | null;
  section: string | null;
  language: string | null;
  publishedAfter: string | null;
  publishedBefore: string | null;
  verdict: Verdict | null;
  /** A topic's slug: articles filed under it. */
  topic: string | null;
}

type ListBuilder = ExpressionBuilder<Tables & { a: Tables['articles'] }, 'a'>;

/**
 * `param IS NULL OR predicate`. PostgreSQL types a parameter from where it is used: one that is
 * only tested for NULL needs its type written out.
 */
function unlessNull(
  dialect: Dialect,
  eb: ListBuilder,
  param: unknown,
  type: 'text' | 'timestamp',
  predicate: Expression<SqlBool>,
) {
  const tested = dialect === 'postgres' ? eb.cast(eb.val(param), type) : eb.val(param);
  return eb.or([eb(tested, 'is', null), predicate]);
}

/**
 * Whose list, and how it may use the (status, published_at, id) index: readers' lists are of
 * one status already; an editor's list filtered by status (`editorByStatus`) says so outright,
 * so its pages are read in index order instead of sorting every article.
 */
export type ArticleListScope = VisibilityLevel | 'editorByStatus';
export const ARTICLE_LIST_SCOPES: readonly ArticleListScope[] = [...VISIBILITY_LEVELS, 'editorByStatus'];

/** The list scope of a viewer's level and filters. */
export function articleListScope(
  level: VisibilityLevel,
  filter: Pick<ArticleFilterParams, 'status'>,
): ArticleListScope {
  return level === 'editor' && filter.status !== null ? 'editorByStatus' : level;
}

function articleFilter(q: StatementBuilder<ArticleFilterParams>, scope: ArticleListScope) {
  const level: VisibilityLevel = scope === 'editorByStatus' ? 'editor' : scope;
  return (eb: ListBuilder) =>
    eb.and([
      articleVisible(level),
      // Published articles always have a publication time; only drafts, which editors alone see, may lack one.
      ...(level === 'editor' ? [] : [eb('a.published_at', 'is not', null)]),
      scope === 'editorByStatus'
        ? eb('a.status', '=', q.p.status as string)
        : unlessNull(q.dialect, eb, q.p.status, 'text', eb('a.status', '=', q.p.status as string)),
      unlessNull(q.dialect, eb, q.p.section, 'text', eb('a.section', '=', q.p.section as string)),
      unlessNull(
        q.dialect,
        eb,
        q.p.language,
        'text',
        q.dialect === 'sqlite'
          ? sql<SqlBool>`${eb.ref('a.language')} = ${q.p.language} COLLATE NOCASE`
          : eb(eb.fn('lower', ['a.language']), '=', eb.fn('lower', [eb.val(q.p.language)])),
      ),
      unlessNull(
        q.dialect,
        eb,
        q.p.publishedAfter,
        'timestamp',
        eb('a.published_at', '>=', asTimestamp(q.p.publishedAfter)),
      ),
      unlessNull(
        q.dialect,
        eb,
        q.p.publishedBefore,
        'timestamp',
        eb('a.published_at', '<', asTimestamp(q.p.publishedBefore)),
      ),
      unlessNull(
        q.dialect,
        eb,
        q.p.verdict,
        'text',
        eb.exists(
          eb
            .selectFrom('claims as c')
            .select(one().as('one'))
            .whereRef('c.article_id', '=', 'a.id')
            .where('c.verdict', '=', q.p.verdict as string)
            .where('c.deleted_at', 'is', null)
            .where(claimShownInPlace('c')),
        ),
      ),
      unlessNull(
        q.dialect,
        eb,
        q.p.topic,
        'text',
        eb.exists(
          eb
            .selectFrom('article_topics as xt')
            .innerJoin('topics as t', 't.id', 'xt.topic_id')
            .select(one().as('one'))
            .whereRef('xt.article_id', '=', 'a.id')
            .where('t.slug', '=', q.p.topic as string),
        ),
      ),
    ]);
}

export type ArticleOrderDirection = 'desc' | 'asc';

/**
 * Where a page starts: at the top, after a dated row, or after an undated one (a draft
 * without publication time: editors only).
 */
export type ArticlePageStart = 'first' | 'after' | 'afterUndated';

export type ArticlePageParams = ArticleFilterParams & {
  limit: number;
  afterValue: string | null;
  afterId: number | null;
};

/**
 * A page in (published_at, id) order. SQLite sorts NULL first ascending and last descending;
 * undated drafts keep that place on both databases (PostgreSQL is told so), so readers'
 * pages stay a plain row-value comparison on the index.
 */
function articlePage(direction: ArticleOrderDirection, start: ArticlePageStart) {
  return (q: StatementBuilder<ArticlePageParams>, scope: ArticleListScope) => {
    const descending = direction === 'desc';
    const withUndated = scope === 'editor' || scope === 'editorByStatus';
    const query = q.db
      .selectFrom('articles as a')
      .select(articleColumns)
      .where(articleFilter(q, scope))
      .$if(start !== 'first', (page) =>
        page.where((eb) => {
          if (start === 'afterUndated') {
            // Past an undated row: descending, only undated rows remain; ascending, every dated row follows.
            const undated = eb.and([
              eb('a.published_at', 'is', null),
              eb('a.id', descending ? '<' : '>', q.p.afterId as number),
            ]);
            return descending ? undated : eb.or([undated, eb('a.published_at', 'is not', null)]);
          }
          const dated = eb(
            eb.refTuple('a.published_at', 'a.id'),
            descending ? '<' : '>',
            eb.tuple(asTimestamp(q.p.afterValue), q.p.afterId as number),
          );
          return withUndated && descending ? eb.or([dated, eb('a.published_at', 'is', null)]) : dated;
        }),
      );
    const nulls = q.dialect === 'sqlite' ? undefined : descending ? 'last' : 'first';
    return query
      .orderBy('a.published_at', (ob) => {
        const ordered = descending ? ob.desc() : ob.asc();
        return nulls === 'last' ? ordered.nullsLast() : nulls === 'first' ? ordered.nullsFirst() : ordered;
      })
      .orderBy('a.id', descending ? 'desc' : 'asc')
      .limit(q.p.limit);
  };
}

function pageStatements(direction: ArticleOrderDirection) {
  return {
    first: statementVariants(`article.page.${direction}`, ARTICLE_LIST_SCOPES, articlePage(direction, 'first')),
    after: statementVariants(`article.page.${direction}.after`, ARTICLE_LIST_SCOPES, articlePage(direction, 'after')),
    afterUndated: statementVariants(
      `article.page.${direction}.afterUndated`,
      ['editor', 'editorByStatus'] as const,
      articlePage(direction, 'afterUndated'),
    ),
  };
}

export const articlePages = { desc: pageStatements('desc'), asc: pageStatements('asc') };

export const articleCount = statementVariants(
  'article.count',
  ARTICLE_LIST_SCOPES,
  (q: StatementBuilder<ArticleFilterParams>, scope: ArticleListScope) =>
    q.db
      .selectFrom('articles as a')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(articleFilter(q, scope)),
);

/**
 * The newest withdrawal of an archived article with this slug, with the headline readers last
 * saw (null if they never saw it).
 */
export const articleWithdrawal = statement('article.withdrawal', (q: StatementBuilder<{ slug: string }>) =>
  q.db
    .selectFrom('articles as a')
    .innerJoin('article_status_changes as s', 's.article_id', 'a.id')
    .select((eb) => [
      eb
        .selectFrom('article_revisions as r')
        .select('r.headline')
        .whereRef('r.article_id', '=', 'a.id')
        .where('r.public_at', 'is not', null)
        .orderBy('r.number', 'desc')
        .limit(one())
        .as('headline'),
      eb.ref('s.created_at').as('withdrawnAt'),
      's.note',
    ])
    .where('a.slug', '=', q.p.slug)
    .where('a.status', '=', archived())
    .where('s.status', '=', archived())
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(one()),
);

/* Histories. */

/** Revisions of articles, oldest first, with their editors: readers see only those they saw (public_at). */
export const revisionsByArticleIds = statementVariants(
  'article.revisionsByIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level: VisibilityLevel) =>
    q.db
      .selectFrom('article_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.editor_id')
      .select((eb) => [
        eb.ref('r.article_id').as('articleId'),
        'r.number',
        'r.headline',
        'r.standfirst',
        'r.body',
        eb.ref('r.editor_id').as('editorId'),
        eb.ref('u.name').as('editorName'),
        eb.ref('u.role').$castTo<Role | null>().as('editorRole'),
        'r.note',
        eb.ref('r.created_at').as('createdAt'),
      ])
      .where('r.article_id', 'in', q.keyList('ids'))
      .$if(level !== 'editor', (query) => query.where('r.public_at', 'is not', null))
      .orderBy('r.article_id')
      .orderBy('r.number'),
);

/* Point-in-time reads: what readers saw at `at`, rebuilt from the append-only histories. */

/** The newest revision at `at`, if the article was published then (its last status change by then). */
export const articleRevisionAsOf = statement(
  'article.revisionAsOf',
  (q: StatementBuilder<{ articleId: number; at: string }>) =>
    q.db
      .selectFrom('article_revisions as r')
      .select(['r.number', 'r.headline', 'r.standfirst', 'r.body'])
      .where('r.article_id', '=', q.p.articleId)
      .where('r.created_at', '<=', asTimestamp(q.p.at))
      .where((eb) => publishedAt(eb as never, eb.ref('r.article_id'), q.p.at))
      .orderBy('r.number', 'desc')
      .limit(one()),
);

/** Whether the article (`articleId` names it) was published at `at`: its newest status change by then. */
function publishedAt(eb: ExpressionBuilder<Tables, keyof Tables>, articleId: Expression<number>, at: string) {
  return eb(
    eb
      .selectFrom('article_status_changes as s')
      .select('s.status')
      .where('s.article_id', '=', articleId)
      .where('s.created_at', '<=', asTimestamp(at))
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(one()),
    '=',
    published(),
  );
}

/** The newest history row of a claim (`claimId` names it) at `at`. */
function anchorAt(
  eb: ExpressionBuilder<Tables & { c: Tables['claims'] }, 'c'>,
  claimId: Expression<number>,
  at: string,
) {
  return eb
    .selectFrom('claim_anchors as x2')
    .select('x2.id')
    .where('x2.claim_id', '=', claimId)
    .where('x2.created_at', '<=', asTimestamp(at))
    .orderBy('x2.created_at', 'desc')
    .orderBy('x2.id', 'desc')
    .limit(one());
}

/**
 * Claims of articles at `at` (deleted since included), in text order, each at its place then:
 * its own, or a further place of a claim whose own article is another (`h`), shown only if
 * readers could see that claim then (its article published then, the claim not deleted).
 * The place's anchor then is `x`; the claim's words and claimant then, `w`.
 */
export const claimsAsOf = statement(
  'article.claimsAsOf',
  (q: StatementBuilder<{ articleIds: readonly number[]; at: string }>) =>
    q.db
      .selectFrom('claims as c')
      .innerJoin('claim_anchors as x', (join) =>
        join.on((eb) => eb('x.id', '=', anchorAt(eb as never, eb.ref('c.id'), q.p.at))),
      )
      // Whose place the row was then: a merged claim was its own until its merge.
      .leftJoin('claims as h', 'h.id', 'x.appearance_of_id')
      .innerJoin('claim_anchors as w', (join) =>
        join.on((eb) => eb('w.id', '=', anchorAt(eb as never, eb.fn.coalesce('x.appearance_of_id', 'c.id'), q.p.at))),
      )
      .select((eb) => [
        eb.fn.coalesce('h.id', 'c.id').as('id'),
        eb.fn.coalesce('h.article_id', 'c.article_id').as('articleId'),
        eb.ref('h.id').as('placeOfId'),
        eb.ref('c.id').as('placeId'),
        eb.ref('c.article_id').as('placeArticleId'),
        'x.quote',
        'w.text',
        // The language is not history: a claim's language is what it always was.
        eb.fn.coalesce('h.language', 'c.language').as('language'),
        eb.ref('w.claimant_id').as('claimantId'),
        eb.ref('w.claimant').as('claimantAsOf'),
        'x.prefix',
        'x.suffix',
        eb.ref('x.start_offset').as('startOffset'),
        eb.ref('x.end_offset').as('endOffset'),
        eb.ref('x.status').$castTo<ClaimAnchorStatus>().as('anchorStatus'),
        eb.ref('x.score').as('anchorScore'),
        eb.ref('x.anchor_exact').as('anchorExact'),
        eb.ref('x.checked_revision').as('checkedRevision'),
      ])
      .where('c.article_id', 'in', q.keyList('articleIds'))
      .where((eb) => eb.or([eb('c.deleted_at', 'is', null), eb('c.deleted_at', '>', asTimestamp(q.p.at))]))
      .where((eb) =>
        eb.or([
          eb('h.id', 'is', null),
          eb.and([
            eb.or([eb('h.deleted_at', 'is', null), eb('h.deleted_at', '>', asTimestamp(q.p.at))]),
            // Published then, not merely once by then: a claim of an article withdrawn by then is
            // no longer shown at its places elsewhere (as now), and its past must agree.
            publishedAt(eb as never, eb.ref('h.article_id').$notNull(), q.p.at),
          ]),
        ]),
      )
      .orderBy('c.article_id')
      .orderBy('x.start_offset')
      .orderBy('c.id'),
);

/**
 * The further places claims had at `at`, removed ones included (callers keep those live then),
 * oldest first, in published articles: a row was a place of the claim its history names then,
 * so a place that came with a merged claim is that claim's before the merge.
 */
export const furtherPlacesAsOf = statement(
  'article.furtherPlacesAsOf',
  (q: StatementBuilder<{ claimIds: readonly number[]; at: string }>) =>
    q.db
      .selectFrom('claims as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .innerJoin('claim_anchors as x', (join) =>
        join.on((eb) => eb('x.id', '=', anchorAt(eb as never, eb.ref('p.id'), q.p.at))),
      )
      .select(PLACE_ROW_COLUMNS)
      .select((eb) => [
        eb.ref('x.appearance_of_id').as('claimId'),
        eb.ref('p.anchor_status').$castTo<ClaimAnchorStatus>().as('anchorStatus'),
        eb.ref('p.verdict').$castTo<Verdict | null>().as('verdict'),
      ])
      .where('x.appearance_of_id', 'in', q.keyList('claimIds'))
      .where('a.status', '=', published())
      .orderBy('x.appearance_of_id')
      .orderBy('p.id'),
);

/**
 * The claim a fact-check (`n`) was on at `at`: where the first move after then took it from, or,
 * if none, where it is now.
 */
function claimOfAnnotationAt(eb: ExpressionBuilder<Tables & { n: Tables['annotations'] }, 'n'>, at: string) {
  return eb.fn.coalesce(
    eb
      .selectFrom('annotation_moves as m')
      .select('m.from_claim_id')
      .whereRef('m.annotation_id', '=', 'n.id')
      .where('m.moved_at', '>', asTimestamp(at))
      .orderBy('m.moved_at')
      .orderBy('m.id')
      .limit(one()),
    eb.ref('n.claim_id'),
  );
}

/**
 * Fact-checks of claims at `at`, each with its revision then, if readers could see that one;
 * newest published first.
 */
export const annotationsAsOf = statement(
  'article.annotationsAsOf',
  (q: StatementBuilder<{ claimIds: readonly number[]; at: string }>) =>
    q.db
      .selectFrom('annotations as n')
      .innerJoin('users as u', 'u.id', 'n.author_id')
      .innerJoin('annotation_revisions as r', (join) =>
        join.on((eb) =>
          eb(
            'r.id',
            '=',
            eb
              .selectFrom('annotation_revisions as r2')
              .select('r2.id')
              .whereRef('r2.annotation_id', '=', 'n.id')
              .where('r2.created_at', '<=', asTimestamp(q.p.at))
              .orderBy('r2.version', 'desc')
              .limit(one()),
          ),
        ),
      )
      // The rating of the revision then, under the rating's label of today.
      .leftJoin('ratings as rt', 'rt.id', 'r.rating_id')
      .select((eb) => [
        'n.id',
        claimOfAnnotationAt(eb as never, q.p.at).as('claimId'),
        ...annotationRatingColumns(eb),
        eb.ref('n.author_id').as('authorId'),
        eb.ref('u.name').as('authorName'),
        eb.ref('u.role').$castTo<Role>().as('authorRole'),
        eb.ref('n.published_at').as('publishedAt'),
        eb.ref('n.retracted_at').as('retractedAt'),
        eb.ref('n.retraction_reason').as('retractionReason'),
        eb.ref('n.created_at').as('createdAt'),
        eb.ref('r.created_at').as('updatedAt'),
        'r.version',
        eb.ref('r.verdict').$castTo<Verdict>().as('verdict'),
        'r.summary',
        'r.body',
        eb.ref('r.status').$castTo<AnnotationStatus>().as('status'),
        // JSON text of the citations as of that revision.
        'r.citations',
      ])
      .where((eb) =>
        eb.or([
          eb('n.claim_id', 'in', q.keyList('claimIds')),
          eb(
            'n.id',
            'in',
            eb
              .selectFrom('annotation_moves as mv')
              .select('mv.annotation_id')
              .where('mv.from_claim_id', 'in', q.keyList('claimIds')),
          ),
        ]),
      )
      .where((eb) => eb(claimOfAnnotationAt(eb as never, q.p.at), 'in', q.keyList('claimIds')))
      .where('r.status', 'in', readerAnnotationStatuses())
      .orderBy('claimId')
      .orderBy('n.published_at', (ob) => (q.dialect === 'sqlite' ? ob.desc() : ob.desc().nullsLast()))
      .orderBy('n.id', 'desc'),
);

/* Writes: the editors' changes. */

export const articleIdBySlug = statement('article.idBySlug', (q: StatementBuilder<{ slug: string }>) =>
  q.db.selectFrom('articles').select('id').where('slug', '=', q.p.slug),
);

export interface ArticleValues {
  slug: string;
  headline: string;
  standfirst: string | null;
  body: string;
  /** JSON text of the byline names. */
  authors: string;
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: string | null;
  status: ArticleStatus;
  revision: number;
}

/** A new article; version, created_at and updated_at take their defaults (imports date its history from created_at). */
export const insertArticle = statement('article.insert', (q: StatementBuilder<ArticleValues>) =>
  q.db
    .insertInto('articles')
    .values({
      slug: q.p.slug,
      headline: q.p.headline,
      standfirst: q.p.standfirst,
      body: q.p.body,
      authors: q.p.authors,
      section: q.p.section,
      language: q.p.language,
      url: q.p.url,
      published_at: q.p.publishedAt,
      status: q.p.status,
      revision: q.p.revision,
    })
    .returning((eb) => ['id', eb.ref('created_at').as('createdAt')]),
);

/** The article as stored, to change it (timestamps and authors as their text). */
export const articleForChange = statement('article.forChange', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('articles as a')
    .select((eb) => [...articleColumns(eb), 'a.body'])
    .where('a.id', '=', q.p.id),
);

export type ArticleChangeParams = Omit<ArticleValues, 'slug'> & {
  id: number;
  expectedVersion: number;
  version: number;
};

/**
 * One optimistic change: `WHERE id = ? AND version = ?`, so that a concurrent edit can never be
 * silently overwritten. `text` also writes headline, standfirst and body; `meta` leaves them
 * alone, so a change that gives none of them does not fire the search index's triggers (an
 * update of any of them re-indexes the article as new).
 */
export const updateArticle = statementVariants(
  'article.update',
  ['text', 'meta'] as const,
  (q: StatementBuilder<ArticleChangeParams>, variant: 'text' | 'meta') =>
    q.db
      .updateTable('articles')
      .$if(variant === 'text', (query) =>
        query.set({ headline: q.p.headline, standfirst: q.p.standfirst, body: q.p.body }),
      )
      .set({
        authors: q.p.authors,
        section: q.p.section,
        language: q.p.language,
        url: q.p.url,
        published_at: q.p.publishedAt,
        status: q.p.status,
        revision: q.p.revision,
        version: q.p.version,
        updated_at: sql<string>`CURRENT_TIMESTAMP`,
      })
      .where('id', '=', q.p.id)
      .where('version', '=', q.p.expectedVersion)
      .returning('id'),
);

export const insertArticleRevision = statement(
  'article.insertRevision',
  (
    q: StatementBuilder<{
      articleId: number;
      number: number;
      headline: string;
      standfirst: string | null;
      body: string;
      editorId: number | null;
      note: string | null;
      createdAt: string;
      publicAt: string | null;
    }>,
  ) =>
    q.db.insertInto('article_revisions').values({
      article_id: q.p.articleId,
      number: q.p.number,
      headline: q.p.headline,
      standfirst: q.p.standfirst,
      body: q.p.body,
      editor_id: q.p.editorId,
      note: q.p.note,
      created_at: q.p.createdAt,
      public_at: q.p.publicAt,
    }),
);

/* Writes: the record of what readers saw (src/modules/article/reader-history.ts). */

export const insertStatusChange = statement(
  'article.insertStatusChange',
  (
    q: StatementBuilder<{
      articleId: number;
      status: ArticleStatus;
      actorId: number | null;
      createdAt: string;
      note: string | null;
    }>,
  ) =>
    q.db.insertInto('article_status_changes').values({
      article_id: q.p.articleId,
      status: q.p.status,
      actor_id: q.p.actorId,
      created_at: q.p.createdAt,
      note: q.p.note,
    }),
);

/** Stamps the article's current revision, once it is published. */
export const stampArticleRevision = statement(
  'article.stampRevision',
  (q: StatementBuilder<{ at: string; articleId: number }>) =>
    q.db
      .updateTable('article_revisions')
      .set({ public_at: q.p.at })
      .where('public_at', 'is', null)
      .where('article_id', '=', q.p.articleId)
      .where('number', '=', (eb) =>
        eb
          .selectFrom('articles as a')
          .select('a.revision')
          .where('a.id', '=', q.p.articleId)
          .where('a.status', '=', published()),
      ),
);

/** What a stamp covers: an article and everything under it, or one fact-check. */
export type StampScope = 'article' | 'annotation';
const STAMP_SCOPES = ['article', 'annotation'] as const;

type ScopeBuilder = ExpressionBuilder<
  { a: Tables['articles']; c: Tables['claims']; n: Tables['annotations'] },
  'a' | 'c' | 'n'
>;

function inScope(scope: StampScope, key: unknown) {
  return (eb: ScopeBuilder) =>
    scope === 'article' ? eb('c.article_id', '=', key as number) : eb('n.id', '=', key as number);
}

/** Stamps the current version of the published and retracted fact-checks in scope, under a published article. */
export const stampAnnotationRevisions = statementVariants(
  'article.stampAnnotationRevisions',
  STAMP_SCOPES,
  (q: StatementBuilder<{ at: string; key: number }>, scope: StampScope) =>
    q.db
      .updateTable('annotation_revisions')
      .set({ public_at: q.p.at })
      .where('public_at', 'is', null)
      .where('status', 'in', readerAnnotationStatuses())
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('annotation_revisions as r')
          .innerJoin('annotations as n', 'n.id', 'r.annotation_id')
          .innerJoin('claims as c', 'c.id', 'n.claim_id')
          .innerJoin('articles as a', 'a.id', 'c.article_id')
          .select((sub) => sub.fn.max('r.id').as('id'))
          .where(inScope(scope, q.p.key))
          .where('a.status', '=', published())
          .where('c.deleted_at', 'is', null)
          .groupBy('r.annotation_id'),
      ),
);

/** Stamps the sources that readers' fact-checks in scope cite, under a published article. */
export const stampSources = statementVariants(
  'article.stampSources',
  STAMP_SCOPES,
  (q: StatementBuilder<{ at: string; key: number }>, scope: StampScope) =>
    q.db
      .updateTable('sources')
      .set({ public_at: q.p.at })
      .where('public_at', 'is', null)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('citations as t')
          .innerJoin('annotations as n', 'n.id', 't.annotation_id')
          .innerJoin('claims as c', 'c.id', 'n.claim_id')
          .innerJoin('articles as a', 'a.id', 'c.article_id')
          .select('t.source_id')
          .where(inScope(scope, q.p.key))
          .where('a.status', '=', published())
          .where('n.status', 'in', readerAnnotationStatuses())
          .where('c.deleted_at', 'is', null),
      ),
);
