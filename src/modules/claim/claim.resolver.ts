import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../app/context';
import { until } from '../../graphql/point-in-time';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import { fromGlobalId, fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import type { AnnotationRow, CorrectionRow } from '../annotation/annotation.rows';
import { Annotation, Correction } from '../annotation/annotation.types';
import { Article } from '../article/article.types';
import type { ArticleRow } from '../article/article.rows';
import { Role } from '../user/user.entity';
import { ClaimType } from './claim.types';
import {
  ClaimFilter,
  ConfirmClaimAnchorInput,
  CreateClaimInput,
  DeleteClaimInput,
  MergeClaimsInput,
  ReattachClaimInput,
  UpdateClaimInput,
} from './claim.inputs';
import { ClaimAnchorStatus, STALE_ANCHOR_STATUSES } from './anchor-status';
import { type ClaimRow, readInArticleId } from './claim.rows';
import type { ClaimantChoice } from './claim.service';
import { Claimant } from '../claimant/claimant.types';
import type { ClaimantRow } from '../claimant/claimant.rows';

@ObjectType('TextSelector', {
  simpleResolvers: true,
  description:
    'W3C Web Annotation TextQuoteSelector plus TextPositionSelector; offsets in UTF-16 code units of the body.',
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

@ObjectType('DeleteClaimPayload', { simpleResolvers: true })
export class DeleteClaimPayload {
  @Field(() => ID)
  deletedClaimId: string;

  @Field(() => Article, { description: 'The article the claim was in, as it is now.' })
  article: ArticleRow;
}

export const ClaimConnection = connectionType('Claim', ClaimType);

@Resolver(() => ClaimType)
export class ClaimResolver {
  @Query(() => ClaimType, { nullable: true })
  claim(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<ClaimRow | null> {
    return ctx.loaders.claimById.load(fromGlobalIdOf('Claim', id, 'id'));
  }

  @Query(() => ClaimConnection)
  claims(
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter?: ClaimFilter | null,
  ): Promise<Connection<ClaimRow>> {
    const articleId =
      filter?.articleId != null ? fromGlobalIdOf('Article', filter.articleId, 'filter.articleId') : null;
    const claimantId =
      filter?.claimantId != null ? fromGlobalIdOf('Claimant', filter.claimantId, 'filter.claimantId') : null;
    return ctx.services.claims.list({
      visibility: ctx.visibility,
      first,
      after,
      filter: filter ? { ...filter, articleId, claimantId } : null,
    });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimType, {
    description: "Marks a claim in an article's body (REVIEWER+). The selector is computed by the server.",
  })
  async createClaim(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateClaimInput) input: CreateClaimInput,
  ): Promise<ClaimRow> {
    const id = await ctx.services.claims.create(
      ctx.viewer,
      fromGlobalIdOf('Article', input.articleId, 'input.articleId'),
      input,
      claimantChoice(input),
    );
    return reloadClaim(ctx, id);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimType, {
    description:
      'Changes who made the claim (REVIEWER+; EDITOR+ with a `note` once it carries a published fact-check: a public correction).',
  })
  async updateClaim(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateClaimInput) input: UpdateClaimInput,
  ): Promise<ClaimRow> {
    const id = await ctx.services.claims.update(
      ctx.viewer,
      fromGlobalIdOf('Claim', input.id, 'input.id'),
      input,
      claimantChoice(input),
    );
    return reloadClaim(ctx, id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteClaimPayload, { description: 'Deletes a claim that has no published fact-check (EDITOR+).' })
  async deleteClaim(
    @Ctx() ctx: AppContext,
    @Arg('input', () => DeleteClaimInput) input: DeleteClaimInput,
  ): Promise<DeleteClaimPayload> {
    const { articleId } = await ctx.services.claims.delete(ctx.viewer, fromGlobalIdOf('Claim', input.id, 'input.id'));
    ctx.loaders.claimsByArticle.clear(articleId);
    ctx.loaders.claimStatsByArticle.clear(articleId);
    return {
      deletedClaimId: input.id,
      article: (await ctx.loaders.articleById.clear(articleId).load(articleId)) as ArticleRow,
    };
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ClaimType, {
    description:
      'Merges two claims that are the same into the kept one (EDITOR+; with a `note` when either carries a published fact-check: a public correction). Its fact-checks, places in articles and outside, and history move to the kept claim; the merged id resolves to it from then on.',
  })
  async mergeClaims(
    @Ctx() ctx: AppContext,
    @Arg('input', () => MergeClaimsInput) input: MergeClaimsInput,
  ): Promise<ClaimRow> {
    const keepId = fromGlobalIdOf('Claim', input.keepId, 'input.keepId');
    const mergeId = fromGlobalIdOf('Claim', input.mergeId, 'input.mergeId');
    ctx.loaders.claimById.clear(mergeId);
    return reloadClaim(ctx, await ctx.services.claims.merge(ctx.viewer, keepId, mergeId, input.note));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimType, {
    description:
      'Points a FUZZY, AMBIGUOUS or ORPHANED claim at new words in the current body (REVIEWER+; EDITOR+ with a `note` once it carries a published fact-check: a public correction); its verdict is no longer stale.',
  })
  async reattachClaim(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ReattachClaimInput) input: ReattachClaimInput,
  ): Promise<ClaimRow> {
    return reloadClaim(ctx, await ctx.services.claims.reattach(ctx.viewer, anchorKeyOf(input.id), input));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimType, {
    description:
      "Accepts a FUZZY claim's new words as its quote (REVIEWER+; EDITOR+ with a `note` once it carries a published fact-check: a public correction); its verdict is no longer stale.",
  })
  async confirmClaimAnchor(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ConfirmClaimAnchorInput) input: ConfirmClaimAnchorInput,
  ): Promise<ClaimRow> {
    return reloadClaim(ctx, await ctx.services.claims.confirmAnchor(ctx.viewer, anchorKeyOf(input.id), input.note));
  }

  @FieldResolver(() => ID)
  id(@Root() claim: ClaimRow): string {
    return toGlobalId('Claim', claim.id);
  }

  @FieldResolver(() => String, {
    description:
      'What was claimed, in neutral words; the quote until a reviewer writes them. As of a past moment: as readers read it then.',
  })
  text(@Root() claim: ClaimRow): string {
    return claim.text ?? claim.quote;
  }

  @FieldResolver(() => String, {
    description: "The language the claim was made in (BCP 47); its article's unless given.",
  })
  async language(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<string> {
    if (claim.language !== null) return claim.language;
    return (await visibleArticleOf(claim, ctx)).language;
  }

  @FieldResolver(() => Claimant, {
    nullable: true,
    description:
      'Who made the claim. As of a past moment (article(asOf:)): the claimant named then, under the name readers read then.',
  })
  claimant(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): ClaimantRow | null | Promise<ClaimantRow | null> {
    if (claim.claimantId === null) return null;
    if (!claim.asOf) {
      // Read with the claim (an article's claims: visible wherever the claim is), or looked up.
      if (claim.readClaimant !== undefined) return claim.readClaimant;
      return ctx.loaders.claimantById.load(claim.claimantId);
    }
    return this.claimantAsOf(claim, ctx);
  }

  private async claimantAsOf(claim: ClaimRow, ctx: AppContext): Promise<ClaimantRow | null> {
    if (claim.claimantAsOf == null || claim.claimantId === null) return null;
    const record = await ctx.loaders.claimantOnRecordById.load(claim.claimantId);
    return record && { ...record, name: claim.claimantAsOf };
  }

  @FieldResolver(() => TextSelector, {
    nullable: true,
    description: 'Where the claim is in the current body; null when AMBIGUOUS or ORPHANED.',
    deprecationReason: 'Use appearances (ArticleAppearance.selector) or Article.appearances',
  })
  selector(@Root() claim: ClaimRow): TextSelector | null {
    return selectorOf(claim);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the text changed under a published verdict (FUZZY, AMBIGUOUS, ORPHANED) and no reviewer has confirmed it since.',
  })
  verdictStale(@Root() claim: ClaimRow): boolean {
    return isVerdictStale(claim);
  }

  @FieldResolver(() => Int, {
    description: 'The article revision whose text the quote (and so its verdict) was last checked against.',
    deprecationReason: 'Use appearances (ArticleAppearance.checkedRevision) or Article.appearances',
  })
  checkedRevision(@Root() claim: ClaimRow): number {
    return claim.checkedRevision;
  }

  @FieldResolver(() => [Annotation], {
    description:
      'Fact-checks you may see: published and retracted ones (newest first), your drafts, or all for editors.',
  })
  async annotations(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<AnnotationRow[]> {
    if (!claim.asOf) return ctx.loaders.annotationsByClaim.load(claim.id);
    // Each names the claim it was on then: a merge may have moved it to one readers cannot see now.
    const rows = await ctx.at(claim.asOf).annotationsByClaim.load(claim.id);
    return rows.map((row) => ({ ...row, claimAsOf: claim }));
  }

  @FieldResolver(() => [Correction], { description: 'Public record of changes to published verdicts, oldest first.' })
  async corrections(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<CorrectionRow[]> {
    return until(claim.asOf, await ctx.loaders.correctionsByClaim.load(claim.id));
  }

  @FieldResolver(() => Article, {
    description:
      'The article the claim was marked in. Read at a place of it as of a past moment, when that article is no longer one you may see: the article it was read in.',
  })
  article(@Root() claim: ClaimRow, @Ctx() ctx: AppContext): Promise<ArticleRow> {
    return visibleArticleOf(claim, ctx);
  }
}

/**
 * The claim's own article, or the article of the place it was read at. A claim is served from a
 * visible article: its own, or, read at a place of it as of a past moment, that place's article,
 * when its own is one the viewer may no longer see (a withdrawn article is shown neither now
 * nor as of then).
 */
async function visibleArticleOf(claim: ClaimRow, ctx: AppContext): Promise<ArticleRow> {
  const own = await ctx.loaders.articleById.load(claim.articleId);
  return own ?? ((await ctx.loaders.articleById.load(readInArticleId(claim))) as ArticleRow);
}

/** Where a claim is in the current body; null when its anchor is AMBIGUOUS or ORPHANED. */
export function selectorOf(claim: ClaimRow): TextSelector | null {
  if (claim.anchorStatus === ClaimAnchorStatus.AMBIGUOUS || claim.anchorStatus === ClaimAnchorStatus.ORPHANED)
    return null;
  return {
    exact: claim.anchorExact ?? claim.quote,
    prefix: claim.prefix,
    suffix: claim.suffix,
    start: claim.startOffset,
    end: claim.endOffset,
  };
}

/** The text changed under a published verdict and nobody has confirmed it since. */
export function isVerdictStale(claim: ClaimRow): boolean {
  return claim.verdict !== null && STALE_ANCHOR_STATUSES.has(claim.anchorStatus);
}

/** The claimant an input names, ids decoded; a field left out is left out. */
function claimantChoice(input: { claimantId?: string | null; claimant?: string | null }): ClaimantChoice {
  const choice: ClaimantChoice = {};
  if (input.claimantId !== undefined)
    choice.claimantId =
      input.claimantId === null ? null : fromGlobalIdOf('Claimant', input.claimantId, 'input.claimantId');
  if (input.claimant !== undefined) choice.claimant = input.claimant;
  return choice;
}

/** A claim just written, read back fresh (the write is committed, so the read connection has it). */
/** The row whose anchor a mutation fixes: a claim's (its own place) or one of its further places'. */
function anchorKeyOf(id: string): number {
  const decoded = fromGlobalId(id, 'input.id');
  return decoded.type === 'ArticleAppearance' ? decoded.key : fromGlobalIdOf('Claim', id, 'input.id');
}

async function reloadClaim(ctx: AppContext, id: number): Promise<ClaimRow> {
  return (await ctx.loaders.claimById.clear(id).load(id)) as ClaimRow;
}
