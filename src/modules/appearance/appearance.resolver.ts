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
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../app/context';
import { badUserInput } from '../../domain/errors';
import { type Connection, PageArgs, pageSize } from '../../graphql/relay/connection';
import { decodeCursor, encodeCursor, type KeysetPosition } from '../../graphql/relay/cursor';
import { fromGlobalId, fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import type { TypedRow } from '../../graphql/relay/node.type';
import { Article } from '../article/article.types';
import type { ArticleRow } from '../article/article.rows';
import { isVerdictStale, selectorOf, TextSelector } from '../claim/claim.resolver';
import type { ClaimRow } from '../claim/claim.rows';
import { ClaimType } from '../claim/claim.types';
import { Role } from '../user/user.entity';
import { AddClaimAppearanceInput, RemoveClaimAppearanceInput } from './appearance.inputs';
import { claimOfArticleAppearance, liveAt, type OutsideAppearanceRow, toArticleAppearanceRow } from './appearance.rows';
import { ArticleAppearance, ClaimAppearance, ClaimAppearanceConnection, OutsideAppearance } from './appearance.types';

const SCOPE = 'claim-appearances';
/** Keyset order of a claim's appearances: its place in its article first, then the outside ones by id. */
const ARTICLE_FIRST = 0;
const OUTSIDE_NEXT = 1;
const AN_ARTICLE_APPEARANCE =
  "A claim's place in its article is the claim's own anchor: delete the claim (deleteClaim) or re-attach it (reattachClaim) instead.";

@ObjectType('RemoveClaimAppearancePayload', { simpleResolvers: true })
export class RemoveClaimAppearancePayload {
  @Field(() => ID)
  removedAppearanceId: string;

  @Field(() => ClaimType, { description: 'The claim, as it now is.' })
  claim: ClaimRow;
}

@Resolver(() => ArticleAppearance)
export class ArticleAppearanceResolver {
  @FieldResolver(() => ID)
  id(@Root() appearance: ClaimRow): string {
    return toGlobalId('ArticleAppearance', appearance.id);
  }

  @FieldResolver(() => ClaimType)
  claim(@Root() appearance: ClaimRow): ClaimRow {
    return claimOfArticleAppearance(appearance);
  }

  @FieldResolver(() => Article)
  async article(@Root() appearance: ClaimRow, @Ctx() ctx: AppContext): Promise<ArticleRow> {
    // An appearance is only ever served from a visible claim, so its article is there.
    return (await ctx.loaders.articleById.load(appearance.articleId)) as ArticleRow;
  }

  @FieldResolver(() => TextSelector, {
    nullable: true,
    description: 'Where the claim is in the current body; null when AMBIGUOUS or ORPHANED.',
  })
  selector(@Root() appearance: ClaimRow): TextSelector | null {
    return selectorOf(appearance);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when the text changed under the claim's published verdict (FUZZY, AMBIGUOUS, ORPHANED) and no reviewer has confirmed it since.",
  })
  verdictStale(@Root() appearance: ClaimRow): boolean {
    return isVerdictStale(appearance);
  }

  @FieldResolver(() => Int, {
    description: 'The article revision whose text the quote (and so the verdict) was last checked against.',
  })
  checkedRevision(@Root() appearance: ClaimRow): number {
    return appearance.checkedRevision;
  }
}

@Resolver(() => OutsideAppearance)
export class OutsideAppearanceResolver {
  @FieldResolver(() => ID)
  id(@Root() appearance: OutsideAppearanceRow): string {
    return toGlobalId('OutsideAppearance', appearance.id);
  }

  @FieldResolver(() => ClaimType)
  async claim(@Root() appearance: OutsideAppearanceRow, @Ctx() ctx: AppContext): Promise<ClaimRow> {
    // An appearance is only ever served from a visible claim, so the claim is there.
    return (await ctx.loaders.claimById.load(appearance.claimId)) as ClaimRow;
  }
}

/** Claim.appearances and the mutations that list and unlist a claim's places. */
@Resolver(() => ClaimType)
export class ClaimAppearancesResolver {
  @FieldResolver(() => ClaimAppearanceConnection, {
    description:
      'Where the claim was made: its place in its article first, then the places outside factline, oldest first. As of a past moment (article(asOf:)): those listed then.',
  })
  async appearances(
    @Root() claim: ClaimRow,
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Connection<TypedRow>> {
    const size = pageSize(first);
    const from = after ? decodeCursor(SCOPE, after) : null;
    const outside = liveAt(await ctx.loaders.outsideAppearancesOfClaim.load(claim.id), claim.asOf);
    const entries: { position: KeysetPosition; node: TypedRow }[] = [
      { position: { value: ARTICLE_FIRST, id: claim.id }, node: toArticleAppearanceRow(claim) },
      ...outside.map((row) => ({ position: { value: OUTSIDE_NEXT, id: row.id }, node: row })),
    ];
    const rest = from ? entries.filter(({ position }) => isAfter(position, from)) : entries;
    const page = rest.slice(0, size).map(({ position, node }) => ({ cursor: encodeCursor(SCOPE, position), node }));
    return {
      edges: page,
      pageInfo: {
        hasNextPage: rest.length > size,
        hasPreviousPage: false,
        startCursor: page[0]?.cursor ?? null,
        endCursor: page.at(-1)?.cursor ?? null,
      },
      totalCount: () => Promise.resolve(entries.length),
    };
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ClaimAppearance, {
    description:
      'Lists a place outside factline where the claim was made (REVIEWER+; EDITOR+ with a `note` once it carries a published fact-check: a public correction).',
  })
  async addClaimAppearance(
    @Ctx() ctx: AppContext,
    @Arg('input', () => AddClaimAppearanceInput) input: AddClaimAppearanceInput,
  ): Promise<OutsideAppearanceRow> {
    const claimId = fromGlobalIdOf('Claim', input.claimId, 'input.claimId');
    const id = await ctx.services.claims.addOutsideAppearance(ctx.viewer, claimId, input);
    ctx.loaders.outsideAppearancesOfClaim.clear(claimId);
    return (await ctx.loaders.outsideAppearanceById.clear(id).load(id)) as OutsideAppearanceRow;
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => RemoveClaimAppearancePayload, {
    description:
      "Takes a place outside factline off the claim's list (REVIEWER+; EDITOR+ with a `note` once it carries a published fact-check: a public correction).",
  })
  async removeClaimAppearance(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RemoveClaimAppearanceInput) input: RemoveClaimAppearanceInput,
  ): Promise<RemoveClaimAppearancePayload> {
    if (fromGlobalId(input.id, 'input.id').type === 'ArticleAppearance')
      throw badUserInput(AN_ARTICLE_APPEARANCE, 'input.id');
    const id = fromGlobalIdOf('OutsideAppearance', input.id, 'input.id');
    const { claimId } = await ctx.services.claims.removeOutsideAppearance(ctx.viewer, id, input.note);
    ctx.loaders.outsideAppearancesOfClaim.clear(claimId);
    return {
      removedAppearanceId: input.id,
      claim: (await ctx.loaders.claimById.clear(claimId).load(claimId)) as ClaimRow,
    };
  }
}

@Resolver(() => Article)
export class ArticleAppearancesResolver {
  @FieldResolver(() => [ArticleAppearance], {
    description: "The claims' places in this article, in text order, each with its claim.",
  })
  async appearances(@Root() article: Article, @Ctx() ctx: AppContext): Promise<ClaimRow[]> {
    const claims = article.asOf
      ? await ctx.at(article.asOf).claimsByArticle.load(article.id)
      : await ctx.loaders.claimsByArticle.load(article.id);
    return claims.map(toArticleAppearanceRow);
  }
}

function isAfter(position: KeysetPosition, from: KeysetPosition): boolean {
  const value = Number(position.value);
  const fromValue = Number(from.value);
  return value > fromValue || (value === fromValue && position.id > from.id);
}
