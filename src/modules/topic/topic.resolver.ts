import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { badUserInput } from '../../domain/errors';
import { type Connection, connectionType, PageArgs, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { ArticleConnection } from '../article/article.resolver';
import type { ArticleRow } from '../article/article.rows';
import { Article } from '../article/article.types';
import { ClaimConnection } from '../claim/claim.resolver';
import type { ClaimRow } from '../claim/claim.rows';
import { ClaimType } from '../claim/claim.types';
import { Role } from '../user/user.entity';
import {
  CreateTopicInput,
  DeleteTopicInput,
  SetArticleTopicsInput,
  SetClaimTopicsInput,
  UpdateTopicInput,
} from './topic.inputs';
import type { TopicLoaders, TopicPageKey } from './topic.loaders';
import type { TopicRow } from './topic.rows';
import { isTopicSlug, MAX_TOPIC_SLUG } from './topic-slug';
import { Topic } from './topic.types';

export const TopicConnection = connectionType('Topic', Topic);

const ARTICLES_SCOPE = 'topic-articles:id';
const CLAIMS_SCOPE = 'topic-claims:id';
/** Before every id: the first page of a newest-first list. */
const TOP = 2_147_483_647;

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, {
    nullable: true,
    description:
      'A topic by slug; null if there is none, or if readers cannot see it yet (nothing published carries it).',
  })
  topic(@Ctx() ctx: AppContext, @Arg('slug', () => String) slug: string): Promise<TopicRow | null> {
    if (slug.length > MAX_TOPIC_SLUG) throw badUserInput(`At most ${MAX_TOPIC_SLUG} characters.`, 'slug');
    if (!isTopicSlug(slug)) return Promise.resolve(null);
    return ctx.loaders.topicBySlug.load(slug);
  }

  @Query(() => TopicConnection, { description: 'The topics you may see, by name.' })
  topics(@Ctx() ctx: AppContext, @Args(() => PageArgs) { first, after }: PageArgs): Promise<Connection<TopicRow>> {
    return ctx.services.topics.list({ visibility: ctx.visibility, first, after });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, {
    description: 'Adds a topic (EDITOR+); a name another topic has (case- and space-insensitive) is a CONFLICT.',
  })
  async createTopic(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateTopicInput) input: CreateTopicInput,
  ): Promise<TopicRow> {
    return reloadTopic(ctx, await ctx.services.topics.create(ctx.viewer, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, {
    description:
      'Renames a topic or changes its description (EDITOR+). The slug stays. Topics are filing, not a statement of fact: no correction note.',
  })
  async updateTopic(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateTopicInput) { id, ...input }: UpdateTopicInput,
  ): Promise<TopicRow> {
    const topicId = fromGlobalIdOf('Topic', id, 'input.id');
    return reloadTopic(ctx, await ctx.services.topics.update(ctx.viewer, topicId, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, {
    description:
      'Deletes a topic that files nothing (EDITOR+); one still on an article or a live claim is a CONFLICT. Returns the topic as it was.',
  })
  deleteTopic(
    @Ctx() ctx: AppContext,
    @Arg('input', () => DeleteTopicInput) input: DeleteTopicInput,
  ): Promise<TopicRow> {
    return ctx.services.topics.delete(ctx.viewer, fromGlobalIdOf('Topic', input.id, 'input.id'));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Article, {
    description:
      'Files an article under exactly these topics (REVIEWER+; reviewers file published articles, editors any).',
  })
  async setArticleTopics(
    @Ctx() ctx: AppContext,
    @Arg('input', () => SetArticleTopicsInput) input: SetArticleTopicsInput,
  ): Promise<ArticleRow> {
    const articleId = fromGlobalIdOf('Article', input.articleId, 'input.articleId');
    const topicIds = input.topicIds.map((id, index) => fromGlobalIdOf('Topic', id, `input.topicIds.${index}`));
    await ctx.services.topics.setArticleTopics(ctx.viewer, articleId, topicIds);
    ctx.loaders.topicsOfArticle.clear(articleId);
    return (await ctx.loaders.articleById.clear(articleId).load(articleId)) as ArticleRow;
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimType, {
    description:
      'Files a claim under exactly these topics (REVIEWER+; reviewers file claims of published articles, editors any). A merged claim’s id is a CONFLICT.',
  })
  async setClaimTopics(
    @Ctx() ctx: AppContext,
    @Arg('input', () => SetClaimTopicsInput) input: SetClaimTopicsInput,
  ): Promise<ClaimRow> {
    const claimId = fromGlobalIdOf('Claim', input.claimId, 'input.claimId');
    const topicIds = input.topicIds.map((id, index) => fromGlobalIdOf('Topic', id, `input.topicIds.${index}`));
    await ctx.services.topics.setClaimTopics(ctx.viewer, claimId, topicIds);
    ctx.loaders.topicsOfClaim.clear(claimId);
    return (await ctx.loaders.claimById.clear(claimId).load(claimId)) as ClaimRow;
  }

  @FieldResolver(() => ID)
  id(@Root() topic: TopicRow): string {
    return toGlobalId('Topic', topic.id);
  }

  @FieldResolver(() => ArticleConnection, {
    description: 'The articles filed under it that you may see, newest first.',
  })
  articles(
    @Root() topic: TopicRow,
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Connection<ArticleRow>> {
    return topicPage(ctx, topic, ARTICLES_SCOPE, first, after, 'articlesOfTopic', 'articleCountOfTopic');
  }

  @FieldResolver(() => ClaimConnection, {
    description: 'The claims filed under it that you may see (live claims of articles you may see), newest first.',
  })
  claims(
    @Root() topic: TopicRow,
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Connection<ClaimRow>> {
    return topicPage(ctx, topic, CLAIMS_SCOPE, first, after, 'claimsOfTopic', 'claimCountOfTopic');
  }
}

/** Article.topics: the article's current filing, whatever moment the article is read at. */
@Resolver(() => Article)
export class ArticleTopicsResolver {
  @FieldResolver(() => [Topic], {
    description:
      'The topics it is filed under that you may see, by name. Filing is current: a point-in-time read (asOf) lists the topics as filed now.',
  })
  topics(@Root() article: ArticleRow, @Ctx() ctx: AppContext): Promise<TopicRow[]> {
    return ctx.loaders.topicsOfArticle.load(article.id);
  }
}

/** Claim.topics: the claim's own filing (read at any of its places, or at a past moment, the same). */
@Resolver(() => ClaimType)
export class ClaimTopicsResolver {
  @FieldResolver(() => [Topic], { description: 'The topics the claim is filed under that you may see, by name.' })
  topics(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<TopicRow[]> {
    return ctx.loaders.topicsOfClaim.load(claim.id);
  }
}

async function topicPage<Row extends { id: number }>(
  ctx: AppContext,
  topic: TopicRow,
  scope: string,
  first: number | null | undefined,
  after: string | null | undefined,
  pages: keyof Pick<TopicLoaders, 'articlesOfTopic' | 'claimsOfTopic'>,
  count: keyof Pick<TopicLoaders, 'articleCountOfTopic' | 'claimCountOfTopic'>,
): Promise<Connection<Row>> {
  const size = pageSize(first);
  const beforeId = after ? decodeCursor(scope, after).id : TOP;
  const key: TopicPageKey = { topicId: topic.id, beforeId, limit: size + 1 };
  const rows = (await ctx.loaders[pages].load(key)) as unknown as Row[];
  return toConnection(
    rows,
    size,
    scope,
    (row) => ({ value: null, id: row.id }),
    (row) => row,
    () => ctx.loaders[count].load(topic.id),
  );
}

/** A topic just written, read back as staff see it (a new topic files nothing, which readers' rule would hide). */
async function reloadTopic(ctx: AppContext, id: number): Promise<TopicRow> {
  return (await ctx.loaders.topicById.clear(id).load(id)) as TopicRow;
}
