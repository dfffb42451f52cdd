import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { badUserInput } from '../../domain/errors';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import type { CorrectionRow } from '../annotation/annotation.rows';
import { Correction } from '../annotation/annotation.types';
import { until } from '../../graphql/point-in-time';
import { DateTime } from '../../graphql/date-time';
import { type ClaimStats, claimStatsOf } from './article.loaders';
import { Role } from '../user/user.entity';
import { ClaimType } from '../claim/claim.types';
import type { ClaimRow } from '../claim/claim.rows';
import {
  ArticleFilter,
  ArticleOrder,
  ArticleTransitionInput,
  CreateArticleInput,
  UpdateArticleInput,
} from './article.inputs';
import { ArticleService } from './article.service';
import { Article, ArticleRevision, VerdictCount } from './article.types';

const ONE_OF_ID_OR_SLUG = 'Pass exactly one of `id` and `slug`.';

export const ArticleConnection = connectionType('Article', Article);

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'One article by id or slug; null if there is none.' })
  async article(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
    @Arg('asOf', () => DateTime, {
      nullable: true,
      description: 'The article exactly as readers saw it at this moment.',
    })
    asOf?: Date | null,
  ): Promise<Article | null> {
    if ((id == null) === (slug == null)) throw badUserInput(ONE_OF_ID_OR_SLUG, id == null ? 'id' : 'slug');
    const current =
      id != null
        ? await ctx.loaders.articleById.load(fromGlobalIdOf('Article', id, 'id'))
        : await ctx.loaders.articleBySlug.load(ArticleService.checkSlug(slug as string));
    if (!current || !asOf) return current;
    return ctx.services.articles.asOf(current, asOf);
  }

  @Query(() => ArticleConnection, { description: 'Published articles, newest first by default.' })
  articles(
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter?: ArticleFilter | null,
    @Arg('orderBy', () => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.PUBLISHED_AT_DESC })
    orderBy?: ArticleOrder,
  ): Promise<Connection<Article>> {
    return ctx.services.articles.list({ visibility: ctx.visibility, first, after, filter, orderBy });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Article, { description: 'Creates a DRAFT article (EDITOR+).' })
  async createArticle(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateArticleInput) input: CreateArticleInput,
  ): Promise<Article> {
    return reloadArticle(ctx, await ctx.services.articleEdits.create(ctx.viewer, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Article, {
    description:
      'Changes or corrects an article (EDITOR+): a new body makes a revision and re-anchors its claims; fails CONFLICT if expectedVersion is stale.',
  })
  async updateArticle(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateArticleInput) input: UpdateArticleInput,
  ): Promise<Article> {
    return reloadArticle(
      ctx,
      await ctx.services.articleEdits.update(ctx.viewer, fromGlobalIdOf('Article', input.id, 'input.id'), input),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Article, { description: 'Publishes an article (EDITOR+); sets publishedAt to now if it has none.' })
  async publishArticle(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ArticleTransitionInput) input: ArticleTransitionInput,
  ): Promise<Article> {
    return reloadArticle(
      ctx,
      await ctx.services.articleEdits.publish(
        ctx.viewer,
        fromGlobalIdOf('Article', input.id, 'input.id'),
        input.expectedVersion,
      ),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Article, {
    description:
      'Archives an article (EDITOR+): readers no longer see it; a published one needs a `note`, shown at its address as a withdrawal notice.',
  })
  async archiveArticle(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ArticleTransitionInput) input: ArticleTransitionInput,
  ): Promise<Article> {
    return reloadArticle(
      ctx,
      await ctx.services.articleEdits.archive(
        ctx.viewer,
        fromGlobalIdOf('Article', input.id, 'input.id'),
        input.expectedVersion,
        input.note,
      ),
    );
  }

  @FieldResolver(() => ID)
  id(@Root() article: Article): string {
    return toGlobalId('Article', article.id);
  }

  @FieldResolver(() => [ClaimType], { description: 'Claims in text order.' })
  claims(@Root() article: Article, @Ctx() ctx: AppContext): Promise<ClaimRow[]> {
    return article.asOf
      ? ctx.at(article.asOf).claimsByArticle.load(article.id)
      : ctx.loaders.claimsByArticle.load(article.id);
  }

  @FieldResolver(() => [ArticleRevision], {
    description: 'Every revision, oldest first; readers see the notes, signed-in users the text and editor too.',
  })
  async revisions(@Root() article: Article, @Ctx() ctx: AppContext): Promise<ArticleRevision[]> {
    return until(article.asOf, await ctx.loaders.revisionsByArticle.load(article.id));
  }

  @FieldResolver(() => [Correction], {
    description: 'Body corrections (with their notes) and verdict corrections of its claims, oldest first.',
  })
  async corrections(@Root() article: Article, @Ctx() ctx: AppContext): Promise<CorrectionRow[]> {
    return until(article.asOf, await ctx.loaders.correctionsByArticle.load(article.id));
  }

  @FieldResolver(() => String)
  body(@Root() article: Article, @Ctx() ctx: AppContext): string | Promise<string> {
    return article.body ?? ctx.loaders.articleBodyById.load(article.id);
  }

  @FieldResolver(() => Int)
  async claimCount(@Root() article: Article, @Ctx() ctx: AppContext): Promise<number> {
    return (await claimStats(article, ctx)).claimCount;
  }

  @FieldResolver(() => [VerdictCount], {
    description: 'Claims per current verdict, in scale order; verdicts with no claim are left out.',
  })
  async verdictSummary(@Root() article: Article, @Ctx() ctx: AppContext): Promise<VerdictCount[]> {
    return (await claimStats(article, ctx)).verdictSummary;
  }
}

/** An article just written, read back fresh from the read connection. */
async function reloadArticle(ctx: AppContext, id: number): Promise<Article> {
  return (await ctx.loaders.articleById.clear(id).load(id)) as Article;
}

async function claimStats(article: Article, ctx: AppContext): Promise<ClaimStats> {
  if (!article.asOf) return ctx.loaders.claimStatsByArticle.load(article.id);
  return claimStatsOf((await ctx.at(article.asOf).claimsByArticle.load(article.id)).map((claim) => claim.verdict));
}
