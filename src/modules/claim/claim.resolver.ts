import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { AnnotationEntity } from '../annotation/annotation.entity';
import type { AnnotationRow } from '../annotation/annotation.rows';
import { ArticleEntity } from '../article/article.entity';
import type { ArticleRow } from '../article/article.rows';
import { ClaimEntity } from './claim.entity';
import { ClaimFilter } from './claim.inputs';
import type { ClaimRow } from './claim.rows';

@ObjectType('TextSelector', {
  simpleResolvers: true,
  description: 'W3C Web Annotation TextQuoteSelector plus TextPositionSelector; offsets in UTF-16 code units of the body.',
})
export class TextSelector {
  @Field(() => String)
  exact: string;

  @Field(() => String, { description: 'Text just before the quote.' })
  prefix: string;

  @Field(() => String, { description: 'Text just after the quote.' })
  suffix: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

export const ClaimConnection = connectionType('Claim', ClaimEntity);

@Resolver(() => ClaimEntity)
export class ClaimResolver {
  @Query(() => ClaimEntity, { nullable: true })
  claim(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<ClaimRow | null> {
    return ctx.loaders.claimById.load(fromGlobalIdOf('Claim', id, 'id'));
  }

  @Query(() => ClaimConnection)
  claims(
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter?: ClaimFilter | null,
  ): Promise<Connection<ClaimRow>> {
    return ctx.services.claims.list({ first, after, filter });
  }

  @FieldResolver(() => ID)
  id(@Root() claim: ClaimRow): string {
    return toGlobalId('Claim', claim.id);
  }

  @FieldResolver(() => TextSelector)
  selector(@Root() claim: ClaimRow): TextSelector {
    return { exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix, start: claim.startOffset, end: claim.endOffset };
  }

  @FieldResolver(() => [AnnotationEntity], { description: 'Published fact-checks, newest first.' })
  annotations(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<AnnotationRow[]> {
    return ctx.loaders.annotationsByClaim.load(claim.id);
  }

  @FieldResolver(() => ArticleEntity)
  async article(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<ArticleRow> {
    // A claim is only ever served from a visible article, so the article is there.
    return (await ctx.loaders.articleById.load(claim.articleId)) as ArticleRow;
  }
}
