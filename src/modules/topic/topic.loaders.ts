import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql-reader';
import { type ArticleRow, toArticleRow } from '../article/article.rows';
import type { Visibility } from '../auth/visibility';
import { type ClaimRow, toClaimRow } from '../claim/claim.rows';
import {
  articleCountsOfTopics,
  articlesOfTopics,
  claimCountsOfTopics,
  claimsOfTopics,
  topicsByIds,
  topicsBySlugs,
  topicsOfArticles,
  topicsOfClaims,
} from './topic.queries';
import { type TopicRow, toTopicRow } from './topic.rows';

/** One page of a topic's articles or claims: newest first, those before `beforeId`, at most `limit`. */
export interface TopicPageKey {
  topicId: number;
  beforeId: number;
  limit: number;
}

export interface TopicLoaders {
  topicById: DataLoader<number, TopicRow | null>;
  topicBySlug: DataLoader<string, TopicRow | null>;
  /** The topics the viewer may see of an article, by name (current filing, whatever moment the article is read at). */
  topicsOfArticle: DataLoader<number, TopicRow[]>;
  /** The topics the viewer may see of a claim (the claim itself, by its id), by name. */
  topicsOfClaim: DataLoader<number, TopicRow[]>;
  articlesOfTopic: DataLoader<TopicPageKey, ArticleRow[], string>;
  claimsOfTopic: DataLoader<TopicPageKey, ClaimRow[], string>;
  articleCountOfTopic: DataLoader<number, number>;
  claimCountOfTopic: DataLoader<number, number>;
}

const pageKey = (key: TopicPageKey) => `${key.topicId}:${key.beforeId}:${key.limit}`;

export function createTopicLoaders(reader: SqlReader, visibility: Visibility): TopicLoaders {
  const level = visibility.level;
  const topicById = new DataLoader<number, TopicRow | null>(async (ids) => {
    const byId = new Map((await reader.rows(topicsByIds[level], { ids })).map((row) => [row.id, toTopicRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const topicBySlug = new DataLoader<string, TopicRow | null>(async (slugs) => {
    const rows = await reader.rows(topicsBySlugs[level], { slugs });
    const bySlug = new Map(rows.map((row) => [row.slug, toTopicRow(row)]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
  const topicsOf = (statement: (typeof topicsOfArticles)[typeof level]) =>
    new DataLoader<number, TopicRow[]>(async (ids) => {
      const lists = new Map<number, TopicRow[]>(ids.map((id) => [id, []]));
      for (const { ownerId, ...row } of await reader.rows(statement, { ids }))
        lists.get(ownerId)?.push(toTopicRow(row));
      return ids.map((id) => lists.get(id)!);
    });

  // Pages asked with the same cursor and size share one statement.
  function pages<Row, Node>(
    statement: (typeof articlesOfTopics)[typeof level] | (typeof claimsOfTopics)[typeof level],
    toNode: (row: Row) => Node,
  ) {
    return new DataLoader<TopicPageKey, Node[], string>(
      async (keys) => {
        const groups = new Map<string, TopicPageKey[]>();
        for (const key of keys) {
          const shape = `${key.beforeId}:${key.limit}`;
          groups.set(shape, [...(groups.get(shape) ?? []), key]);
        }
        const found = new Map<string, Node[]>();
        for (const group of groups.values()) {
          const { beforeId, limit } = group[0];
          for (const key of group) found.set(pageKey(key), []);
          const rows = (await reader.rows(statement as never, {
            ids: group.map((key) => key.topicId),
            beforeId,
            limit,
          })) as Array<Row & { ofTopic: number; position: number }>;
          for (const { ofTopic, position: _position, ...row } of rows)
            found.get(pageKey({ topicId: ofTopic, beforeId, limit }))!.push(toNode(row as unknown as Row));
        }
        return keys.map((key) => found.get(pageKey(key)) ?? []);
      },
      { cacheKeyFn: pageKey },
    );
  }
  const counts = (statement: (typeof articleCountsOfTopics)[typeof level]) =>
    new DataLoader<number, number>(async (ids) => {
      const byId = new Map((await reader.rows(statement, { ids })).map((row) => [row.topicId, row.n]));
      return ids.map((id) => Number(byId.get(id) ?? 0));
    });

  return {
    topicById,
    topicBySlug,
    topicsOfArticle: topicsOf(topicsOfArticles[level]),
    topicsOfClaim: topicsOf(topicsOfClaims[level]),
    articlesOfTopic: pages(articlesOfTopics[level], toArticleRow),
    claimsOfTopic: pages(claimsOfTopics[level], toClaimRow),
    articleCountOfTopic: counts(articleCountsOfTopics[level]),
    claimCountOfTopic: counts(claimCountsOfTopics[level]),
  };
}
