import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from './context';
import { badUserInput } from '../domain/errors';
import { MAX_PAGE_SIZE } from '../graphql/relay/connection';
import { fromGlobalId } from '../graphql/relay/global-id';
import { Node, type TypedRow } from '../graphql/relay/node.type';
import { claimAtPlace, toArticleAppearanceRow } from '../modules/appearance/appearance.rows';
import { hasRole } from '../modules/auth/viewer';
import { Role } from '../modules/user/user.entity';
import { toEndpoint } from '../modules/webhook/webhook.resolver';
import { toSessionNode } from '../modules/auth/session.types';

/** Relay's refetch entry points: any object of any module by its global id. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null if there is none.' })
  node(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<TypedRow | null> {
    return loadNode(ctx, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Up to ${MAX_PAGE_SIZE} objects by global id, in order; null where there is none.`,
  })
  nodes(@Ctx() ctx: AppContext, @Arg('ids', () => [ID]) ids: string[]): Promise<(TypedRow | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`At most ${MAX_PAGE_SIZE} ids.`, 'ids', { max: MAX_PAGE_SIZE });
    return Promise.all(ids.map((id, index) => loadNode(ctx, id, `ids.${index}`)));
  }
}

function loadNode(ctx: AppContext, id: string, field: string): Promise<TypedRow | null> {
  const { type, key } = fromGlobalId(id, field);
  switch (type) {
    case 'Article':
      return ctx.loaders.articleById.load(key);
    case 'Claim':
      return ctx.loaders.claimById.load(key);
    case 'ArticleAppearance':
      return loadArticleAppearance(ctx, key);
    case 'OutsideAppearance':
      return ctx.loaders.outsideAppearanceById.load(key);
    case 'Annotation':
      return ctx.loaders.annotationById.load(key);
    case 'Source':
      return ctx.loaders.sourceById.load(key);
    case 'User':
      return ctx.loaders.userById.load(key);
    case 'Claimant':
      return ctx.loaders.claimantById.load(key);
    case 'ScaleRating':
      return ctx.loaders.scaleRatingById.load(key);
    case 'Topic':
      return ctx.loaders.topicById.load(key);
    case 'WebhookEndpoint':
      // An ADMIN's settings: null to everyone else, as for any id they may not see.
      if (!hasRole(ctx.viewer, Role.ADMIN)) return Promise.resolve(null);
      return ctx.services.webhooks.get(ctx.viewer, key).then((row) => (row ? toEndpoint(row) : null));
    case 'ApiToken':
      // Tokens are managed, not browsed.
      return Promise.resolve(null);
    case 'Session':
      // Its user's and ADMINs': null to everyone else, as for any id they may not see.
      return loadSession(ctx, key);
  }
}

async function loadSession(ctx: AppContext, key: number): Promise<TypedRow | null> {
  if (!ctx.viewer.user) return null;
  const session = await ctx.services.auth.session(key);
  if (!session || (session.userId !== ctx.viewer.user.id && !hasRole(ctx.viewer, Role.ADMIN))) return null;
  return toSessionNode(session);
}

/**
 * A claim's place in its own article shares the claim's key (it is the claim's anchor); a
 * further place in another article has its own, and is served only when its claim is visible.
 */
async function loadArticleAppearance(ctx: AppContext, key: number): Promise<TypedRow | null> {
  const own = await ctx.loaders.claimById.load(key);
  if (own) return toArticleAppearanceRow(own);
  const place = await ctx.loaders.furtherPlaceById.load(key);
  const claim = place && (await ctx.loaders.claimById.load(place.claimId!));
  return claim ? toArticleAppearanceRow(claimAtPlace(claim, place!)) : null;
}
