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
import { type ClaimRow, placeArticleId } from '../claim/claim.rows';
import { ClaimType } from '../claim/claim.types';
import { Role } from '../user/user.entity';
import { AddClaimAppearanceInput, RemoveClaimAppearanceInput } from './appearance.inputs';
import { claimAtPlace, liveAt, type OutsideAppearanceRow, toArticleAppearanceRow } from './appearance.rows';
import { ArticleAppearance, ClaimAppearance, ClaimAppearanceConnection, OutsideAppearance } from './appearance.types';

const SCOPE = 'claim-appearances';
/** Keyset order of a claim's appearances: its place in its article first, then the outside ones by id. */
const ARTICLE_FIRST = 0;
const OUTSIDE_NEXT = 1;
const AN_ARTICLE_APPEARANCE =
  "A claim's place in its own article is the claim's anchor: delete the claim (deleteClaim) or re-attach it (reattachClaim) instead.";
const ONE_PLACE = 'Give exactly one of `articleId` (a factline article) and `url` (a place outside factline).';
const QUOTE_NEEDED = "A place in a factline article needs the claim's words there: `quote`.";
const OUTSIDE_ONLY = 'Only a place outside factline (`url`) takes this field.';
const ARTICLE_ONLY = 'Only a place in a factline article (`articleId`) takes this field.';
const OUTSIDE_FIELDS = ['title', 'publisher', 'appearedAt', 'startSeconds', 'endSeconds'] as const;
const ARTICLE_FIELDS = ['quote', 'prefix', 'suffix', 'occurrence'] as const;

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
    return toGlobalId('ArticleAppearance', appearance.place?.id ?? appearance.id);
  }

  @FieldResolver(() => ClaimType)
  async claim(@Root() appearance: ClaimRow, @Ctx() ctx: AppContext): Promise<ClaimRow> {
    const { place: _place, ...claim } = appearance;
    // At a further place, the claim as its own place has it (a past moment's row carries the
    // claim's words then).
    if (appearance.place && !appearance.asOf) return (await ctx.loaders.claimById.load(appearance.id)) as ClaimRow;
    // Its own article may be one readers no longer see: the claim answers from this one then.
    return { ...claim, __typename: 'Claim', readAtArticleId: placeArticleId(appearance) };
  }

  @FieldResolver(() => Article)
  async article(@Root() appearance: ClaimRow, @Ctx() ctx: AppContext): Promise<ArticleRow> {
    // An appearance is only ever served in a visible article.
    return (await ctx.loaders.articleById.load(placeArticleId(appearance))) as ArticleRow;
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
      'Where the claim was made: its place in its own article first, then its places in other factline articles (those the viewer may see), then the places outside factline, each oldest first. As of a past moment (article(asOf:)): those listed then.',
  })
  async appearances(
    @Root() claim: ClaimRow,
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Connection<TypedRow>> {
    const size = pageSize(first);
    const from = after ? decodeCursor(SCOPE, after) : null;
    const [own, further, outside] = await Promise.all([
      claim.place ? ctx.loaders.claimById.load(claim.id) : claim,
      // As of a moment: whose place each row was then (a merged claim's were its own).
      claim.asOf
        ? ctx.at(claim.asOf).furtherPlacesOfClaim.load(claim.id)
        : ctx.loaders.furtherPlacesOfClaim.load(claim.id),
      ctx.loaders.outsideAppearancesOfClaim.load(claim.id),
    ]);
    // The claim's own place as it stands; a claim merged since resolves to another, whose is not.
    const ownPlace = own && own.id === claim.id ? own : null;
    const claimAt = ownPlace ?? claim;
    const articlePlaces = [
      ...(ownPlace ? [toArticleAppearanceRow(ownPlace)] : []),
      ...liveAt(further, claim.asOf).map((place) =>
        // A row read at one of these places (a past moment's) has its anchor then.
        toArticleAppearanceRow(place.id === claim.place?.id ? claim : claimAtPlace(claimAt, place)),
      ),
    ];
    const entries: { position: KeysetPosition; node: TypedRow }[] = [
      ...articlePlaces.map((node) => ({ position: { value: ARTICLE_FIRST, id: node.place?.id ?? node.id }, node })),
      ...liveAt(outside, claim.asOf).map((row) => ({ position: { value: OUTSIDE_NEXT, id: row.id }, node: row })),
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
      'Lists where else the claim was made: in another factline article (by its words there), or outside factline (REVIEWER+; EDITOR+ with a `note` once it carries a published fact-check: a public correction).',
  })
  async addClaimAppearance(
    @Ctx() ctx: AppContext,
    @Arg('input', () => AddClaimAppearanceInput) input: AddClaimAppearanceInput,
  ): Promise<TypedRow> {
    const claimId = fromGlobalIdOf('Claim', input.claimId, 'input.claimId');
    if ((input.articleId == null) === (input.url == null))
      throw badUserInput(ONE_PLACE, input.url == null ? 'input.url' : 'input.articleId');
    if (input.articleId != null) {
      const articleId = fromGlobalIdOf('Article', input.articleId, 'input.articleId');
      const outsideOnly = OUTSIDE_FIELDS.find((field) => input[field] != null);
      if (outsideOnly) throw badUserInput(OUTSIDE_ONLY, `input.${outsideOnly}`);
      if (!input.quote) throw badUserInput(QUOTE_NEEDED, 'input.quote');
      const id = await ctx.services.claims.addArticlePlace(ctx.viewer, claimId, articleId, {
        ...input,
        quote: input.quote,
      });
      ctx.loaders.furtherPlacesOfClaim.clear(claimId);
      ctx.loaders.claimsByArticle.clear(articleId);
      const [claim, place] = await Promise.all([
        ctx.loaders.claimById.clear(claimId).load(claimId),
        ctx.loaders.furtherPlaceById.clear(id).load(id),
      ]);
      return toArticleAppearanceRow(claimAtPlace(claim!, place!));
    }
    const inArticleOnly = ARTICLE_FIELDS.find((field) => input[field] != null);
    if (inArticleOnly) throw badUserInput(ARTICLE_ONLY, `input.${inArticleOnly}`);
    const id = await ctx.services.claims.addOutsideAppearance(ctx.viewer, claimId, { ...input, url: input.url! });
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
    const { type, key } = fromGlobalId(input.id, 'input.id');
    let claimId: number;
    if (type === 'ArticleAppearance') {
      // A claim's own place goes only with the claim; a merged claim's id names another claim,
      // and its row is a place of that one like any other.
      const own = await ctx.loaders.claimById.load(key);
      if (own?.id === key) throw badUserInput(AN_ARTICLE_APPEARANCE, 'input.id');
      ({ claimId } = await ctx.services.claims.removeArticlePlace(ctx.viewer, key, input.note));
      ctx.loaders.furtherPlacesOfClaim.clear(claimId);
    } else {
      const id = fromGlobalIdOf('OutsideAppearance', input.id, 'input.id');
      ({ claimId } = await ctx.services.claims.removeOutsideAppearance(ctx.viewer, id, input.note));
    }
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
