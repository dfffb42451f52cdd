import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import type { CorrectionRow } from '../annotation/annotation.rows';
import { CorrectionEntity } from '../annotation/correction.entity';
import { Verdict } from '../annotation/verdict';
import { Role } from '../user/user.entity';
import { ClaimEntity } from '../claim/claim.entity';
import type { ClaimRow } from '../claim/claim.rows';
import { ArticleEntity } from './article.entity';
import { ArticleFilter, ArticleOrder, ArticleTransitionInput, CreateArticleInput, UpdateArticleInput } from './article.inputs';
import type { ArticleRow } from './article.rows';
import { ArticleService } from './article.service';

const ONE_OF_ID_OR_SLUG = 'Pass exactly one of `id` and `slug`.';

@ObjectType('VerdictCount', { simpleResolvers: true, description: 'How many claims carry a verdict.' })
export class VerdictCount {
  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => Int)
  count: number;
}

export const ArticleConnection = connectionType('Article', ArticleEntity);

@Resolver(() => ArticleEntity)
export class ArticleResolver {
  @Query(() => ArticleEntity, { nullable: true, description: 'One article by id or slug; null if there is none.' })
  async article(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<ArticleRow | null> {
    if ((id == null) === (slug == null)) throw badUserInput(ONE_OF_ID_OR_SLUG, id == null ? 'id' : 'slug');
    if (id != null) return ctx.loaders.articleById.load(fromGlobalIdOf('Article', id, 'id'));
    return ctx.loaders.articleBySlug.load(ArticleService.checkSlug(slug as string));
  }

  @Query(() => ArticleConnection, { description: 'Published articles, newest first by default.' })
  articles(
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter?: ArticleFilter | null,
    @Arg('orderBy', () => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.PUBLISHED_AT_DESC }) orderBy?: ArticleOrder,
  ): Promise<Connection<ArticleRow>> {
    return ctx.services.articles.list({ visibility: ctx.visibility, first, after, filter, orderBy });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ArticleEntity, { description: 'Creates a DRAFT article (EDITOR+).' })
  async createArticle(@Ctx() ctx: AppContext, @Arg('input', () => CreateArticleInput) input: CreateArticleInput): Promise<ArticleRow> {
    return reloadArticle(ctx, await ctx.services.articles.create(ctx.viewer, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ArticleEntity, { description: "Changes an article's metadata (EDITOR+); fails CONFLICT if expectedVersion is stale." })
  async updateArticle(@Ctx() ctx: AppContext, @Arg('input', () => UpdateArticleInput) input: UpdateArticleInput): Promise<ArticleRow> {
    return reloadArticle(ctx, await ctx.services.articles.update(ctx.viewer, fromGlobalIdOf('Article', input.id, 'input.id'), input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ArticleEntity, { description: 'Publishes an article (EDITOR+); sets publishedAt to now if it has none.' })
  async publishArticle(@Ctx() ctx: AppContext, @Arg('input', () => ArticleTransitionInput) input: ArticleTransitionInput): Promise<ArticleRow> {
    return reloadArticle(ctx, await ctx.services.articles.publish(ctx.viewer, fromGlobalIdOf('Article', input.id, 'input.id'), input.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ArticleEntity, { description: 'Archives an article (EDITOR+): readers no longer see it.' })
  async archiveArticle(@Ctx() ctx: AppContext, @Arg('input', () => ArticleTransitionInput) input: ArticleTransitionInput): Promise<ArticleRow> {
    return reloadArticle(ctx, await ctx.services.articles.archive(ctx.viewer, fromGlobalIdOf('Article', input.id, 'input.id'), input.expectedVersion));
  }

  @FieldResolver(() => ID)
  id(@Root() article: ArticleRow): string {
    return toGlobalId('Article', article.id);
  }

  @FieldResolver(() => [ClaimEntity], { description: 'Claims in text order.' })
  claims(@Root() article: ArticleRow, @Ctx() ctx: AppContext): Promise<ClaimRow[]> {
    return ctx.loaders.claimsByArticle.load(article.id);
  }

  @FieldResolver(() => [CorrectionEntity], { description: "Public record of changes to this article's published verdicts, oldest first." })
  corrections(@Root() article: ArticleRow, @Ctx() ctx: AppContext): Promise<CorrectionRow[]> {
    return ctx.loaders.correctionsByArticle.load(article.id);
  }

  @FieldResolver(() => Int)
  async claimCount(@Root() article: ArticleRow, @Ctx() ctx: AppContext): Promise<number> {
    return (await ctx.loaders.claimStatsByArticle.load(article.id)).claimCount;
  }

  @FieldResolver(() => [VerdictCount], { description: 'Claims per current verdict, in scale order; verdicts with no claim are left out.' })
  async verdictSummary(@Root() article: ArticleRow, @Ctx() ctx: AppContext): Promise<VerdictCount[]> {
    return (await ctx.loaders.claimStatsByArticle.load(article.id)).verdictSummary;
  }
}

/** An article just written, read back fresh from the read connection. */
async function reloadArticle(ctx: AppContext, id: number): Promise<ArticleRow> {
  return (await ctx.loaders.articleById.clear(id).load(id)) as ArticleRow;
}
