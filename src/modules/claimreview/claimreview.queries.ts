import type { SqlTimestamp } from '../../db/sql-dates';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import { annotationRatingColumns } from '../annotation/annotation.queries';
import type { Verdict } from '../annotation/verdict';
import type { ClaimantKind } from '../claimant/claimant.entity';
import { topicVisible } from '../auth/visibility.queries';

/** Every statement of the ClaimReview module. */

/** Published fact-checks of published articles: what the world may read as ClaimReview. */
function publishedChecks(q: StatementBuilder<unknown>) {
  return q.db
    .selectFrom('annotations as n')
    .innerJoin('claims as c', 'c.id', 'n.claim_id')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('claimants as cl', 'cl.id', 'c.claimant_id')
    .leftJoin('ratings as rt', 'rt.id', 'n.rating_id')
    .select((eb) => [
      eb.ref('n.id').as('annotationId'),
      eb.ref('n.verdict').$castTo<Verdict>().as('verdict'),
      ...annotationRatingColumns(eb),
      eb.ref('n.summary').as('summary'),
      eb.ref('n.published_at').$notNull().as('publishedAt'),
      eb.ref('c.id').as('claimId'),
      eb.ref('c.quote').as('quote'),
      eb.ref('c.text').as('text'),
      eb.ref('c.language').as('claimLanguage'),
      eb.ref('cl.name').$castTo<string | null>().as('claimant'),
      eb.ref('cl.kind').$castTo<ClaimantKind | null>().as('claimantKind'),
      eb.ref('cl.wikidata_id').as('claimantWikidataId'),
      eb.ref('a.slug').as('slug'),
      eb.ref('a.headline').as('headline'),
      eb.ref('a.url').as('url'),
      eb.ref('a.published_at').as('articlePublishedAt'),
      eb.ref('a.language').as('language'),
      // Whether the claim also appears in other articles: only then are those read.
      eb
        .exists(
          eb
            .selectFrom('claims as fp')
            .select('fp.id')
            .whereRef('fp.appearance_of_id', '=', 'c.id')
            .where('fp.deleted_at', 'is', null),
        )
        .$castTo<number | boolean>()
        .as('elsewhere'),
      // Whether the claim or its article is filed under a topic: only then are topics read.
      eb
        .or([
          eb.exists(eb.selectFrom('claim_topics as ct').select('ct.topic_id').whereRef('ct.claim_id', '=', 'c.id')),
          eb.exists(eb.selectFrom('article_topics as at').select('at.topic_id').whereRef('at.article_id', '=', 'a.id')),
        ])
        .$castTo<number | boolean>()
        .as('filed'),
    ])
    .where('n.status', '=', sql.lit('PUBLISHED'))
    .where('a.status', '=', sql.lit('PUBLISHED'))
    .where('c.deleted_at', 'is', null);
}

/**
 * The published fact-checks of the claims that appear in an article (at their own place or a
 * further one, `p`), in the order of its text, newest first per claim.
 */
export const publishedChecksOfArticle = statement(
  'claimreview.ofArticle',
  (q: StatementBuilder<{ articleId: number }>) =>
    publishedChecks(q)
      .innerJoin('claims as p', (join) =>
        join.on((eb) => eb(eb.fn.coalesce('p.appearance_of_id', 'p.id'), '=', eb.ref('c.id'))),
      )
      .where('p.article_id', '=', q.p.articleId)
      .where('p.deleted_at', 'is', null)
      .orderBy('p.start_offset')
      .orderBy('n.published_at', (ob) => (q.dialect === 'postgres' ? ob.desc().nullsLast() : ob.desc()))
      .orderBy('n.id', 'desc'),
);

export type PublishedCheckRow = NonNullable<(typeof publishedChecksOfArticle)['row']>;

/** Which bounds a page of the feed has: published since a time, after a cursor, both or neither. */
export type FeedBounds = 'all' | 'since' | 'after' | 'sinceAfter';
const FEED_BOUNDS: readonly FeedBounds[] = ['all', 'since', 'after', 'sinceAfter'];

/** A page of the feed, newest first, keyset-paged by (published_at, id). */
export const publishedChecksFeed = statementVariants(
  'claimreview.feed',
  FEED_BOUNDS,
  (
    q: StatementBuilder<{
      since: string | null;
      afterPublishedAt: string | null;
      afterId: number | null;
      limit: number;
    }>,
    bounds,
  ) => {
    let page = publishedChecks(q);
    if (bounds === 'since' || bounds === 'sinceAfter')
      page = page.where((eb) => eb('n.published_at', '>=', eb.val(q.p.since).$castTo<SqlTimestamp>()));
    if (bounds === 'after' || bounds === 'sinceAfter')
      page = page.where(
        (eb) =>
          sql<boolean>`(${eb.ref('n.published_at')}, ${eb.ref('n.id')}) < (${q.p.afterPublishedAt}, ${q.p.afterId})`,
      );
    return page
      .orderBy('n.published_at', (ob) => (q.dialect === 'postgres' ? ob.desc().nullsLast() : ob.desc()))
      .orderBy('n.id', 'desc')
      .limit(q.p.limit);
  },
);

/** The published articles claims further appear in (live further places), oldest place first. */
export const furtherPlaceArticlesOfClaims = statement(
  'claimreview.furtherPlaceArticles',
  (q: StatementBuilder<{ claimIds: readonly number[] }>) =>
    q.db
      .selectFrom('claims as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .select((eb) => [
        eb.ref('p.appearance_of_id').$notNull().as('claimId'),
        eb.ref('a.slug').as('slug'),
        eb.ref('a.headline').as('headline'),
        eb.ref('a.url').as('url'),
        eb.ref('a.published_at').as('publishedAt'),
      ])
      .where('p.appearance_of_id', 'in', q.keyList('claimIds'))
      .where('p.deleted_at', 'is', null)
      .where('a.status', '=', sql.lit('PUBLISHED'))
      .orderBy('p.appearance_of_id')
      .orderBy('p.id'),
);

/**
 * The topics readers may see of each claim and of the article it was marked in (each once), by
 * name: what a ClaimReview is `about`.
 */
export const topicsOfReviewedClaims = statement(
  'claimreview.topics',
  (q: StatementBuilder<{ claimIds: readonly number[] }>) =>
    q.db
      .selectFrom(
        q.db
          .selectFrom('claim_topics as x')
          .select(['x.claim_id as claimId', 'x.topic_id as topicId'])
          .where('x.claim_id', 'in', q.keyList('claimIds'))
          .union(
            q.db
              .selectFrom('claims as c')
              .innerJoin('article_topics as y', 'y.article_id', 'c.article_id')
              .select(['c.id as claimId', 'y.topic_id as topicId'])
              .where('c.id', 'in', q.keyList('claimIds')),
          )
          .as('f'),
      )
      .innerJoin('topics as t', 't.id', 'f.topicId')
      .select((eb) => [eb.ref('f.claimId').as('claimId'), eb.ref('t.slug').as('slug'), eb.ref('t.name').as('name')])
      .where(topicVisible('public'))
      .orderBy('f.claimId')
      .orderBy('t.name_key')
      .orderBy('t.id'),
);
