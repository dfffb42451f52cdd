import { statement, type StatementBuilder, sql } from '../../db/statements';
import type { ArticleStatus } from '../article/article.entity';
import type {
  DatasetAnnotation,
  DatasetArticle,
  DatasetCitation,
  DatasetClaimant,
  DatasetSource,
  DatasetUser,
} from './dataset.types';

/**
 * Every statement of the dataset module: the export's pages, and the lookups and inserts an
 * import makes (what it stores through other modules, such as claims and revisions, goes
 * through theirs).
 */

// ---- Export: everything, no visibility filter; each order is total, so the bytes are stable.

/** Articles in id order, a keyset page after `afterId`. */
export const exportArticlePage = statement(
  'dataset.exportArticlePage',
  (q: StatementBuilder<{ afterId: number; limit: number }>) =>
    q.db
      .selectFrom('articles as a')
      .select((eb) => [
        'a.id',
        'a.slug',
        'a.headline',
        'a.standfirst',
        'a.body',
        'a.authors',
        'a.section',
        'a.language',
        'a.url',
        eb.ref('a.published_at').as('publishedAt'),
        eb.ref('a.status').$castTo<DatasetArticle['status']>().as('status'),
      ])
      .where('a.id', '>', q.p.afterId)
      .orderBy('a.id')
      .limit(q.p.limit),
);

/**
 * The claims of an article that are not deleted, in text order, each with the claimant it names
 * now: a merged claimant's keeper. Further places of claims made in other articles are not
 * claims: exportFurtherPlaces writes them.
 */
export const exportClaims = statement('dataset.exportClaims', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('claims as c')
    .leftJoin('claimants as m', 'm.id', 'c.claimant_id')
    .leftJoin('claimants as cl', (join) =>
      join.on((eb) => eb('cl.id', '=', eb.fn.coalesce('m.merged_into_id', 'm.id'))),
    )
    .select((eb) => [
      'c.id',
      eb.ref('c.external_id').as('externalId'),
      eb.ref('c.start_offset').as('startOffset'),
      eb.ref('c.end_offset').as('endOffset'),
      'c.text',
      'c.language',
      eb.ref('cl.id').$castTo<number | null>().as('claimantId'),
      eb.ref('cl.name').$castTo<string | null>().as('claimant'),
      eb.ref('c.anchor_status').as('anchorStatus'),
    ])
    .where('c.article_id', '=', q.p.articleId)
    .where('c.appearance_of_id', 'is', null)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.start_offset')
    .orderBy('c.id'),
);

/**
 * The live further places in an article of live claims (claims rows whose appearance_of_id names
 * the claim), in text order, each with what its claim's key is made of (its external id, or its
 * id and article's slug) and its claim's anchor status: a claim left out takes its places along.
 */
export const exportFurtherPlaces = statement(
  'dataset.exportFurtherPlaces',
  (q: StatementBuilder<{ articleId: number }>) =>
    q.db
      .selectFrom('claims as p')
      .innerJoin('claims as c', 'c.id', 'p.appearance_of_id')
      .innerJoin('articles as ca', 'ca.id', 'c.article_id')
      .select((eb) => [
        'p.id',
        eb.ref('p.start_offset').as('startOffset'),
        eb.ref('p.end_offset').as('endOffset'),
        eb.ref('p.anchor_status').as('anchorStatus'),
        eb.ref('c.id').as('claimId'),
        eb.ref('c.external_id').as('claimExternalId'),
        eb.ref('ca.slug').as('claimSlug'),
        eb.ref('c.anchor_status').as('claimAnchorStatus'),
      ])
      .where('p.article_id', '=', q.p.articleId)
      .where('p.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .orderBy('p.start_offset')
      .orderBy('p.id'),
);

/** The records of the claimants those claims name (merged ones as their keeper), by id. */
export const exportClaimants = statement('dataset.exportClaimants', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('claimants as cl')
    .select((eb) => [
      'cl.id',
      'cl.name',
      'cl.slug',
      eb.ref('cl.kind').$castTo<DatasetClaimant['kind']>().as('kind'),
      'cl.description',
      eb.ref('cl.wikidata_id').as('wikidataId'),
      'cl.aliases',
    ])
    // Driven by the article's claims: a lookup by id for each claimant they name.
    .where('cl.id', 'in', (eb) =>
      eb
        .selectFrom('claims as c')
        .innerJoin('claimants as m', 'm.id', 'c.claimant_id')
        .select((inner) => inner.fn.coalesce('m.merged_into_id', 'm.id').as('id'))
        .where('c.article_id', '=', q.p.articleId)
        .where('c.deleted_at', 'is', null),
    )
    .orderBy('cl.id'),
);

/** The fact-checks on an article's claims that are not deleted, with their author's name. */
export const exportAnnotations = statement('dataset.exportAnnotations', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('annotations as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .innerJoin('claims as c', (join) => join.onRef('c.id', '=', 'n.claim_id').on('c.deleted_at', 'is', null))
    .select((eb) => [
      'n.id',
      eb.ref('n.claim_id').as('claimId'),
      eb.ref('n.external_id').as('externalId'),
      eb.ref('u.name').as('author'),
      eb.ref('n.verdict').$castTo<DatasetAnnotation['verdict']>().as('verdict'),
      'n.summary',
      'n.body',
      eb.ref('n.status').$castTo<DatasetAnnotation['status']>().as('status'),
      eb.ref('n.published_at').as('publishedAt'),
      eb.ref('n.retracted_at').as('retractedAt'),
      eb.ref('n.retraction_reason').as('retractionReason'),
      eb.ref('n.imported_rating').as('importedRating'),
      eb.ref('n.imported_rating_value').as('importedRatingValue'),
      eb.ref('n.imported_rating_best').as('importedRatingBest'),
      eb.ref('n.imported_rating_worst').as('importedRatingWorst'),
    ])
    .where('c.article_id', '=', q.p.articleId)
    .orderBy('n.id'),
);

/** The citations of those fact-checks, in their order, by the cited source's url. */
export const exportCitations = statement('dataset.exportCitations', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('citations as ci')
    .innerJoin('sources as s', 's.id', 'ci.source_id')
    .innerJoin('annotations as n', 'n.id', 'ci.annotation_id')
    .innerJoin('claims as c', (join) => join.onRef('c.id', '=', 'n.claim_id').on('c.deleted_at', 'is', null))
    .select((eb) => [
      eb.ref('ci.annotation_id').as('annotationId'),
      eb.ref('s.url').as('sourceUrl'),
      eb.ref('ci.stance').$castTo<DatasetCitation['stance']>().as('stance'),
      'ci.excerpt',
    ])
    .where('c.article_id', '=', q.p.articleId)
    .orderBy('ci.annotation_id')
    .orderBy('ci.position'),
);

/** The sources those fact-checks cite, once each, by url. */
export const exportSources = statement('dataset.exportSources', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('sources as s')
    .innerJoin('citations as ci', 'ci.source_id', 's.id')
    .innerJoin('annotations as n', 'n.id', 'ci.annotation_id')
    .innerJoin('claims as c', (join) => join.onRef('c.id', '=', 'n.claim_id').on('c.deleted_at', 'is', null))
    .select((eb) => [
      's.url',
      's.title',
      's.publisher',
      eb.ref('s.published_at').as('publishedAt'),
      eb.ref('s.kind').$castTo<DatasetSource['kind']>().as('kind'),
      eb.ref('s.accessed_at').as('accessedAt'),
    ])
    .distinct()
    .where('c.article_id', '=', q.p.articleId)
    .orderBy('s.url'),
);

/** The authors of those fact-checks, once each, by name. */
export const exportUsers = statement('dataset.exportUsers', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('users as u')
    .innerJoin('annotations as n', 'n.author_id', 'u.id')
    .innerJoin('claims as c', (join) => join.onRef('c.id', '=', 'n.claim_id').on('c.deleted_at', 'is', null))
    .select((eb) => ['u.id', 'u.name', eb.ref('u.role').$castTo<DatasetUser['role']>().as('role')])
    .distinct()
    .where('c.article_id', '=', q.p.articleId)
    .orderBy('u.name')
    .orderBy('u.id'),
);

/**
 * The live places outside factline of an article's live claims, oldest first, with who listed
 * each (matched by name on import, as fact-checks' authors).
 */
export const exportPlaces = statement('dataset.exportPlaces', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom('outside_appearances as o')
    .innerJoin('claims as c', (join) => join.onRef('c.id', '=', 'o.claim_id').on('c.deleted_at', 'is', null))
    .innerJoin('users as u', 'u.id', 'o.created_by_id')
    .select((eb) => [
      eb.ref('o.claim_id').as('claimId'),
      'o.url',
      'o.title',
      'o.publisher',
      eb.ref('o.appeared_at').as('appearedAt'),
      eb.ref('o.start_seconds').as('startSeconds'),
      eb.ref('o.end_seconds').as('endSeconds'),
      eb.ref('u.name').as('addedBy'),
      eb.ref('u.role').$castTo<DatasetUser['role']>().as('role'),
    ])
    .where('c.article_id', '=', q.p.articleId)
    .where('o.deleted_at', 'is', null)
    .orderBy('o.claim_id')
    .orderBy('o.id'),
);

/**
 * The filing of an article (`claimId` null) and of its live claims (claims themselves, never
 * further places), each with its topic's record. Ordered by the caller (by slug, as code units).
 */
export const exportTopics = statement('dataset.exportTopics', (q: StatementBuilder<{ articleId: number }>) =>
  q.db
    .selectFrom(
      q.db
        .selectFrom('article_topics as x')
        .select((eb) => [sql<number | null>`CAST(NULL AS INTEGER)`.as('claimId'), eb.ref('x.topic_id').as('topicId')])
        .where('x.article_id', '=', q.p.articleId)
        .unionAll(
          q.db
            .selectFrom('claim_topics as y')
            .innerJoin('claims as c', 'c.id', 'y.claim_id')
            .select((eb) => [eb.ref('c.id').as('claimId'), eb.ref('y.topic_id').as('topicId')])
            .where('c.article_id', '=', q.p.articleId)
            .where('c.deleted_at', 'is', null)
            .where('c.appearance_of_id', 'is', null),
        )
        .as('f'),
    )
    .innerJoin('topics as t', 't.id', 'f.topicId')
    .select((eb) => [eb.ref('f.claimId').as('claimId'), 't.slug', 't.name', 't.description']),
);

/** The row a statement returns. */
type RowOf<S extends { row?: unknown }> = NonNullable<S['row']>;
export type ExportArticleRow = RowOf<typeof exportArticlePage>;
export type ExportAnnotationRow = RowOf<typeof exportAnnotations>;
export type ExportFurtherPlaceRow = RowOf<typeof exportFurtherPlaces>;

// ---- Import: every match is by a natural or external key (dataset.types.ts).

/** A user by name (names are not unique: the first found is the one matched). */
export const userByName = statement('dataset.userByName', (q: StatementBuilder<{ name: string }>) =>
  q.db.selectFrom('users').select(['id', 'name', 'role']).where('name', '=', q.p.name).limit(sql.lit(1)),
);

/** What importing claims into an article reads of it (and hands on to the revision and anchor history). */
export const articleBySlug = statement('dataset.articleBySlug', (q: StatementBuilder<{ slug: string }>) =>
  q.db
    .selectFrom('articles')
    .select((eb) => [
      'id',
      'slug',
      'headline',
      'standfirst',
      'body',
      eb.ref('status').$castTo<ArticleStatus>().as('status'),
      'revision',
    ])
    .where('slug', '=', q.p.slug),
);

/**
 * A claim by its external key (unique; further places have none), with its verdict for the
 * places an import adds. The key of a claim merged into another (`k`) names that claim (`c`):
 * its id, state and verdict; `articleId` stays the keyed claim's own.
 */
export const claimByKey = statement('dataset.claimByKey', (q: StatementBuilder<{ key: string }>) =>
  q.db
    .selectFrom('claims as k')
    .innerJoin('claims as c', (join) =>
      join.on((eb) =>
        eb(
          'c.id',
          '=',
          eb.case().when('k.merged_at', 'is', null).then(eb.ref('k.id')).else(eb.ref('k.appearance_of_id')).end(),
        ),
      ),
    )
    .select((eb) => [
      'c.id',
      eb.ref('k.article_id').as('articleId'),
      eb.ref('c.deleted_at').as('deletedAt'),
      eb.ref('c.verdict').$castTo<string | null>().as('verdict'),
    ])
    .where('k.external_id', '=', q.p.key),
);

/**
 * A live claim stored without a key at exactly this place of the article (made through the API);
 * never a further place of another claim, which has no key either.
 */
export const unkeyedClaimAt = statement(
  'dataset.unkeyedClaimAt',
  (q: StatementBuilder<{ articleId: number; start: number; end: number }>) =>
    q.db
      .selectFrom('claims')
      .select('id')
      .where('article_id', '=', q.p.articleId)
      .where('start_offset', '=', q.p.start)
      .where('end_offset', '=', q.p.end)
      .where('external_id', 'is', null)
      .where('appearance_of_id', 'is', null)
      .where('deleted_at', 'is', null)
      .limit(sql.lit(1)),
);

export const setClaimKey = statement('dataset.setClaimKey', (q: StatementBuilder<{ id: number; key: string }>) =>
  q.db
    .updateTable('claims')
    .set({ external_id: q.p.key, updated_at: sql<string>`CURRENT_TIMESTAMP` })
    .where('id', '=', q.p.id),
);

/** The article a claim of this external key belongs to: another review of the claim names it. */
export const articleSlugByClaimKey = statement(
  'dataset.articleSlugByClaimKey',
  (q: StatementBuilder<{ key: string }>) =>
    q.db
      .selectFrom('claims as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select((eb) => ['c.id', 'a.slug', eb.ref('c.deleted_at').as('deletedAt')])
      .where('c.external_id', '=', q.p.key),
);

/** What a ClaimReview record is matched to: a keyed claim, its article, whether it was deleted. */
const claimOfTextKey = (q: StatementBuilder<{ textKey: string }>) =>
  q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select((eb) => [
      'c.id',
      eb.ref('c.external_id').$castTo<string>().as('key'),
      'a.slug',
      eb.ref('c.deleted_at').as('deletedAt'),
    ])
    .where('c.text_key', '=', q.p.textKey)
    .where('c.external_id', 'is not', null);

/**
 * The claims a ClaimReview import keyed by these words (claims.text_key) that name this
 * claimant, oldest first: by IDX_claims_text_key (text_key, claimant_id), never a scan.
 */
export const claimsByTextKey = statement(
  'dataset.claimsByTextKey',
  (q: StatementBuilder<{ textKey: string; claimantId: number }>) =>
    claimOfTextKey(q).where('c.claimant_id', '=', q.p.claimantId).orderBy('c.id'),
);

/** The same for claims that name no claimant. */
export const unattributedClaimsByTextKey = statement(
  'dataset.unattributedClaimsByTextKey',
  (q: StatementBuilder<{ textKey: string }>) => claimOfTextKey(q).where('c.claimant_id', 'is', null).orderBy('c.id'),
);

/** Keys a claim's words once (a claim imported before claims had the key gets it on its next import). */
export const setClaimTextKey = statement(
  'dataset.setClaimTextKey',
  (q: StatementBuilder<{ id: number; textKey: string }>) =>
    q.db.updateTable('claims').set({ text_key: q.p.textKey }).where('id', '=', q.p.id).where('text_key', 'is', null),
);

/** A fact-check by its external key (unique). */
export const annotationByKey = statement('dataset.annotationByKey', (q: StatementBuilder<{ key: string }>) =>
  q.db
    .selectFrom('annotations')
    .select((eb) => ['id', eb.ref('claim_id').as('claimId')])
    .where('external_id', '=', q.p.key),
);

export const insertAnnotation = statement(
  'dataset.insertAnnotation',
  (
    q: StatementBuilder<{
      claimId: number;
      authorId: number;
      externalId: string | null;
      verdict: string;
      summary: string;
      body: string;
      status: string;
      publishedAt: string | null;
      retractedAt: string | null;
      retractionReason: string | null;
      /** A ClaimReview's own rating, in its publisher's words and numbers (claimreview-rating.ts). */
      importedRating: string | null;
      importedRatingValue: number | null;
      importedRatingBest: number | null;
      importedRatingWorst: number | null;
      /** Both created and updated: the revision history is dated from it. */
      at: string;
    }>,
  ) =>
    q.db
      .insertInto('annotations')
      .values({
        claim_id: q.p.claimId,
        author_id: q.p.authorId,
        external_id: q.p.externalId,
        verdict: q.p.verdict,
        // The scale's first rating of the verdict, as for a client that gives a verdict alone.
        rating_id: (eb) =>
          eb
            .selectFrom('ratings as rt')
            .select('rt.id')
            .where('rt.verdict', '=', q.p.verdict)
            .orderBy('rt.position')
            .orderBy('rt.id')
            .limit(sql.lit(1)),
        summary: q.p.summary,
        body: q.p.body,
        status: q.p.status,
        version: sql.lit(1),
        published_at: q.p.publishedAt,
        retracted_at: q.p.retractedAt,
        retraction_reason: q.p.retractionReason,
        imported_rating: q.p.importedRating,
        imported_rating_value: q.p.importedRatingValue,
        imported_rating_best: q.p.importedRatingBest,
        imported_rating_worst: q.p.importedRatingWorst,
        created_at: q.p.at,
        updated_at: q.p.at,
      })
      .returning('id'),
);
