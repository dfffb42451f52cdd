import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import { Article } from '../article/article.types';
import { Role } from '../user/user.entity';
import type { ClaimMatch, ClaimSuggestion } from './matching.service';
import { ClaimMatchType, ClaimSuggestionType, DismissClaimSuggestionInput } from './matching.types';

@Resolver()
export class MatchingResolver {
  @Query(() => [ClaimMatchType], {
    description:
      'Existing claims that restate the text (in other words, another order, numbers written out...), best first, above a score threshold. `language` limits them to articles in that language.',
  })
  claimMatches(
    @Ctx() ctx: AppContext,
    @Arg('text', () => String) text: string,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
  ): Promise<ClaimMatch[]> {
    return ctx.services.matching.matches({ text, language, first, visibility: ctx.visibility, loaders: ctx.loaders });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Article, {
    description:
      'Dismisses a suggested claim for a sentence of the article (REVIEWER+): that claim is not suggested for that sentence again, wherever it moves in the body. Staff-only; readers see nothing of it.',
  })
  async dismissClaimSuggestion(
    @Ctx() ctx: AppContext,
    @Arg('input', () => DismissClaimSuggestionInput) input: DismissClaimSuggestionInput,
  ): Promise<Article> {
    const articleId = await ctx.services.matching.dismiss(
      ctx.viewer,
      {
        articleId: fromGlobalIdOf('Article', input.articleId, 'input.articleId'),
        claimId: fromGlobalIdOf('Claim', input.claimId, 'input.claimId'),
        sentence: input.sentence,
      },
      ctx.loaders,
    );
    return (await ctx.loaders.articleById.load(articleId)) as Article;
  }
}

@Resolver(() => Article)
export class ArticleSuggestionsResolver {
  @Authorized(Role.REVIEWER)
  @FieldResolver(() => [ClaimSuggestionType], {
    description:
      'Staff only (REVIEWER+): sentences of the current body that no claim of this article covers and that likely restate claims of other articles, in text order, best first within a sentence; dismissed ones are left out.',
  })
  async suggestedClaims(@Root() article: Article, @Ctx() ctx: AppContext): Promise<ClaimSuggestion[]> {
    const body = await ctx.loaders.articleBodyById.load(article.id);
    return ctx.services.matching.suggestions({ id: article.id, body }, ctx.visibility, ctx.loaders);
  }
}
