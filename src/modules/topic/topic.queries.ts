import type { ExpressionBuilder } from 'kysely';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible, topicVisible } from '../auth/visibility.queries';
import { articleColumns } from '../article/article.queries';
import { claimColumns } from '../claim/claim.queries';

/** Every statement of the topic module. */

/** The columns of a topic as the API serves it, from `topics t`. */
export function topicColumns(eb: ExpressionBuilder<{ t: Tables['topics'] }, 't'>) {
  return [
    eb.ref('t.id').as('id'),
    eb.ref('t.slug').as('slug'),
    eb.ref('t.name').as('name'),
    eb.ref('t.description').as('description'),
    eb.ref('t.created_at').as('createdAt'),
    eb.ref('t.updated_at').as('updatedAt'),
  ];
}

/** Topics by id, if the viewer may see them. */
export const topicsByIds = statementVariants(
  'topic.byIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .innerJoin('topics as t', (join) => join.onRef('t.id', '=', 'k.value'))
      .select(topicColumns)
      .where(topicVisible(level)),
);

/** Topics by slug, if the viewer may see them. */
export const topicsBySlugs = statementVariants(
  'topic.bySlugs',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ slugs: readonly string[] }>, level) =>
    q.db
      .selectFrom(q.keys('slugs', 'text'))
      .innerJoin('topics as t', (join) => join.onRef('t.slug', '=', 'k.value'))
      .select(topicColumns)
      .where(topicVisible(level)),
);

/** A keyset page of the topics the viewer may see, by name (then id). */
export const topicPage = statementVariants(
  'topic.page',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ afterKey: string | null; afterId: number; limit: number }>, level) =>
    q.db
      .selectFrom('topics as t')
      .select((eb) => [...topicColumns(eb), eb.ref('t.name_key').as('nameKey')])
      .where(topicVisible(level))
      .where((eb) =>
        eb.or([
          eb(q.dialect === 'postgres' ? eb.cast(eb.val(q.p.afterKey), 'text') : eb.val(q.p.afterKey), 'is', null),
          eb(eb.refTuple('t.name_key', 't.id'), '>', eb.tuple(q.p.afterKey as string, q.p.afterId)),
        ]),
      )
      .orderBy('t.name_key')
      .orderBy('t.id')
      .limit(q.p.limit),
);

export const topicCount = statementVariants('topic.count', VISIBILITY_LEVELS, (q, level) =>
  q.db
    .selectFrom('topics as t')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(topicVisible(level)),
);

/** The topics of each of several articles, those the viewer may see, by name. */
export const topicsOfArticles = statementVariants(
  'topic.ofArticles',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom('article_topics as x')
      .innerJoin('topics as t', 't.id', 'x.topic_id')
      .select((eb) => [eb.ref('x.article_id').as('ownerId'), ...topicColumns(eb)])
      .where('x.article_id', 'in', q.keyList('ids'))
      .where(topicVisible(level))
      .orderBy('t.name_key'),
);

/** The topics of each of several claims, those the viewer may see, by name. */
export const topicsOfClaims = statementVariants(
  'topic.ofClaims',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom('claim_topics as x')
      .innerJoin('topics as t', 't.id', 'x.topic_id')
      .select((eb) => [eb.ref('x.claim_id').as('ownerId'), ...topicColumns(eb)])
      .where('x.claim_id', 'in', q.keyList('ids'))
      .where(topicVisible(level))
      .orderBy('t.name_key'),
);

/**
 * A page of the articles of each of several topics that the viewer may see, newest first (by
 * id, before `beforeId`, at most `limit` each): one statement for every topic of a list.
 */
export const articlesOfTopics = statementVariants(
  'topic.articles',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[]; beforeId: number; limit: number }>, level) =>
    q.db
      .selectFrom(
        q.db
          .selectFrom('article_topics as x')
          .innerJoin('articles as a', 'a.id', 'x.article_id')
          .select((eb) => [
            ...articleColumns(eb),
            eb.ref('x.topic_id').as('ofTopic'),
            sql<number>`ROW_NUMBER() OVER (PARTITION BY x.topic_id ORDER BY a.id DESC)`.as('position'),
          ])
          .where('x.topic_id', 'in', q.keyList('ids'))
          .where('a.id', '<', q.p.beforeId)
          .where(articleVisible(level))
          .as('r'),
      )
      .selectAll('r')
      .where('r.position', '<=', q.p.limit)
      .orderBy('r.ofTopic')
      .orderBy('r.id', 'desc'),
);

export const articleCountsOfTopics = statementVariants(
  'topic.articleCounts',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom('article_topics as x')
      .innerJoin('articles as a', 'a.id', 'x.article_id')
      .select((eb) => [eb.ref('x.topic_id').as('topicId'), eb.fn.countAll<number>().as('n')])
      .where('x.topic_id', 'in', q.keyList('ids'))
      .where(articleVisible(level))
      .groupBy('x.topic_id'),
);

/** The claims of a topic the viewer may see: live claims themselves (never places) of visible articles. */
function visibleTopicClaims(q: StatementBuilder<{ ids: readonly number[] }>, level: VisibilityLevel) {
  return q.db
    .selectFrom('claim_topics as x')
    .innerJoin('claims as c', 'c.id', 'x.claim_id')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .where('x.topic_id', 'in', q.keyList('ids'))
    .where('c.deleted_at', 'is', null)
    .where('c.appearance_of_id', 'is', null)
    .where(articleVisible(level));
}

/** A page of the claims of each of several topics, newest first, as articlesOfTopics. */
export const claimsOfTopics = statementVariants(
  'topic.claims',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[]; beforeId: number; limit: number }>, level) =>
    q.db
      .selectFrom(
        visibleTopicClaims(q, level)
          .select((eb) => [
            ...claimColumns(eb),
            eb.ref('x.topic_id').as('ofTopic'),
            sql<number>`ROW_NUMBER() OVER (PARTITION BY x.topic_id ORDER BY c.id DESC)`.as('position'),
          ])
          .where('c.id', '<', q.p.beforeId)
          .as('r'),
      )
      .selectAll('r')
      .where('r.position', '<=', q.p.limit)
      .orderBy('r.ofTopic')
      .orderBy('r.id', 'desc'),
);

export const claimCountsOfTopics = statementVariants(
  'topic.claimCounts',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    visibleTopicClaims(q, level)
      .select((eb) => [eb.ref('x.topic_id').as('topicId'), eb.fn.countAll<number>().as('n')])
      .groupBy('x.topic_id'),
);

/* Writes. */

export const topicForWrite = statement('topic.forWrite', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('topics as t')
    .select((eb) => [...topicColumns(eb), eb.ref('t.name_key').as('nameKey')])
    .where('t.id', '=', q.p.id),
);

export const topicIdsByIds = statement('topic.idsByIds', (q: StatementBuilder<{ ids: readonly number[] }>) =>
  q.db.selectFrom('topics').select('id').where('id', 'in', q.keyList('ids')),
);

export const topicByNameKey = statement('topic.byNameKey', (q: StatementBuilder<{ nameKey: string }>) =>
  q.db.selectFrom('topics').select(['id', 'name']).where('name_key', '=', q.p.nameKey),
);

export const topicSlugTaken = statement('topic.slugTaken', (q: StatementBuilder<{ slug: string }>) =>
  q.db.selectFrom('topics').select('id').where('slug', '=', q.p.slug),
);

export const insertTopicRow = statement(
  'topic.insert',
  (q: StatementBuilder<{ slug: string; name: string; nameKey: string; description: string | null }>) =>
    q.db
      .insertInto('topics')
      .values({ slug: q.p.slug, name: q.p.name, name_key: q.p.nameKey, description: q.p.description })
      .returning('id'),
);

export const updateTopicRow = statement(
  'topic.update',
  (q: StatementBuilder<{ id: number; name: string; nameKey: string; description: string | null }>) =>
    q.db
      .updateTable('topics')
      .set({
        name: q.p.name,
        name_key: q.p.nameKey,
        description: q.p.description,
        updated_at: sql`CURRENT_TIMESTAMP`,
      })
      .where('id', '=', q.p.id),
);

export const deleteTopicRow = statement('topic.delete', (q: StatementBuilder<{ id: number }>) =>
  q.db.deleteFrom('topics').where('id', '=', q.p.id),
);

/**
 * How many articles (any status) and live claims a topic files: what deleteTopic refuses to
 * unfile silently. The filing of deleted claims does not count (nobody can unfile those).
 */
export const topicUse = statement('topic.use', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectNoFrom((eb) => [
    eb
      .selectFrom('article_topics')
      .select((inner) => inner.fn.countAll<number>().as('n'))
      .where('topic_id', '=', q.p.id)
      .as('articles'),
    eb
      .selectFrom('claim_topics as x')
      .innerJoin('claims as c', 'c.id', 'x.claim_id')
      .select((inner) => inner.fn.countAll<number>().as('n'))
      .where('x.topic_id', '=', q.p.id)
      .where('c.deleted_at', 'is', null)
      .as('claims'),
  ]),
);

/** Unfiles every claim from a topic (deleteTopic, once no live claim is filed under it). */
export const clearTopicClaims = statement('topic.clearClaims', (q: StatementBuilder<{ id: number }>) =>
  q.db.deleteFrom('claim_topics').where('topic_id', '=', q.p.id),
);

export const clearArticleTopics = statement('topic.clearArticle', (q: StatementBuilder<{ articleId: number }>) =>
  q.db.deleteFrom('article_topics').where('article_id', '=', q.p.articleId),
);

export const insertArticleTopics = statement(
  'topic.fileArticle',
  (q: StatementBuilder<{ articleId: number; topicIds: readonly number[] }>) =>
    q.db
      .insertInto('article_topics')
      .columns(['article_id', 'topic_id'])
      .expression((eb) =>
        eb.selectFrom(q.keys('topicIds')).select([eb.val(q.p.articleId).as('article_id'), 'k.value as topic_id']),
      ),
);

export const clearClaimTopics = statement('topic.clearClaim', (q: StatementBuilder<{ claimId: number }>) =>
  q.db.deleteFrom('claim_topics').where('claim_id', '=', q.p.claimId),
);

export const insertClaimTopics = statement(
  'topic.fileClaim',
  (q: StatementBuilder<{ claimId: number; topicIds: readonly number[] }>) =>
    q.db
      .insertInto('claim_topics')
      .columns(['claim_id', 'topic_id'])
      .expression((eb) =>
        eb.selectFrom(q.keys('topicIds')).select([eb.val(q.p.claimId).as('claim_id'), 'k.value as topic_id']),
      ),
);

/** The ids of the topics an article or claim is filed under (write paths, every topic). */
export const topicIdsOfArticle = statement('topic.idsOfArticle', (q: StatementBuilder<{ articleId: number }>) =>
  q.db.selectFrom('article_topics').select('topic_id').where('article_id', '=', q.p.articleId),
);

export const topicIdsOfClaim = statement('topic.idsOfClaim', (q: StatementBuilder<{ claimId: number }>) =>
  q.db.selectFrom('claim_topics').select('topic_id').where('claim_id', '=', q.p.claimId),
);

/**
 * A merge: the merged claim's topics join the kept claim's (those it has already are kept
 * once), and leave the merged claim's row, which is now a place.
 */
export const unionClaimTopics = statement('topic.unionClaim', (q: StatementBuilder<{ fromId: number; toId: number }>) =>
  q.db
    .insertInto('claim_topics')
    .columns(['claim_id', 'topic_id'])
    .expression((eb) =>
      eb
        .selectFrom('claim_topics as f')
        .select([eb.val(q.p.toId).as('claim_id'), 'f.topic_id'])
        .where('f.claim_id', '=', q.p.fromId)
        .where((inner) =>
          inner.not(
            inner.exists(
              inner
                .selectFrom('claim_topics as o')
                .select('o.topic_id')
                .where('o.claim_id', '=', q.p.toId)
                .whereRef('o.topic_id', '=', 'f.topic_id'),
            ),
          ),
        ),
    ),
);

/** An article to file, with its status (reviewers file published ones only). */
export const articleToFile = statement('topic.articleToFile', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('articles as a').select(['a.id', 'a.status']).where('a.id', '=', q.p.id),
);

/** A claim to file, with its article's status and what it has become (a place, merged, deleted). */
export const claimToFile = statement('topic.claimToFile', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select([
      'c.id',
      'a.status',
      'c.appearance_of_id as appearanceOfId',
      'c.merged_at as mergedAt',
      'c.deleted_at as deletedAt',
    ])
    .where('c.id', '=', q.p.id),
);
