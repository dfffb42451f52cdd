import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { Verdict } from '../annotation/verdict';
import { ClaimEntity } from '../claim/claim.entity';
import type { ClaimRow } from '../claim/claim.rows';
import { ArticleEntity } from './article.entity';
import { ArticleFilter, ArticleOrder } from './article.inputs';
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
    return ctx.services.articles.list({ first, after, filter, orderBy });
  }

  @FieldResolver(() => ID)
  id(@Root() article: ArticleRow): string {
    return toGlobalId('Article', article.id);
  }

  @FieldResolver(() => [ClaimEntity], { description: 'Claims in text order.' })
  claims(@Root() article: ArticleRow, @Ctx() ctx: AppContext): Promise<ClaimRow[]> {
    return ctx.loaders.claimsByArticle.load(article.id);
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
