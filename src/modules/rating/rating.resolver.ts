import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { Role } from '../user/user.entity';
import {
  CreateRatingInput,
  DeleteRatingInput,
  ReorderRatingsInput,
  SetImportedRatingMappingInput,
  UpdateRatingInput,
} from './rating.inputs';
import {
  DeleteRatingPayload,
  ImportedRatingMapping,
  ScaleRating,
  type ScaleRatingRow,
  UnmappedImportedRating,
} from './rating.types';

/** The organisation's rating scale: public to read, ADMIN to change. Rules live in RatingService. */
@Resolver(() => ScaleRating)
export class RatingResolver {
  @Query(() => [ScaleRating], {
    description: "The organisation's rating scale, in its order. Public: the scale is published information.",
  })
  ratingScale(@Ctx() ctx: AppContext): Promise<ScaleRatingRow[]> {
    return ctx.services.ratings.scale();
  }

  @Authorized(Role.ADMIN)
  @Query(() => [UnmappedImportedRating], {
    description:
      'Rating texts met in ClaimReview imports that no verdict is mapped to yet (ADMIN), first met first; map them with setImportedRatingMapping.',
  })
  unmappedImportedRatings(@Ctx() ctx: AppContext): Promise<UnmappedImportedRating[]> {
    return ctx.services.ratings.unmappedImported(ctx.viewer);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ScaleRating, {
    description:
      'Adds a rating at the end of the scale (ADMIN); a label the scale has already (case- and space-insensitively) is a CONFLICT.',
  })
  async createRating(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateRatingInput) input: CreateRatingInput,
  ): Promise<ScaleRatingRow> {
    return reload(ctx, await ctx.services.ratings.create(ctx.viewer, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ScaleRating, {
    description:
      'Changes a rating (ADMIN). Changing the label, numbers or verdict of one a published fact-check carries takes a `note` and records a public correction on each such fact-check.',
  })
  async updateRating(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateRatingInput) { id, ...input }: UpdateRatingInput,
  ): Promise<ScaleRatingRow> {
    return reload(
      ctx,
      await ctx.services.ratings.update(ctx.viewer, fromGlobalIdOf('ScaleRating', id, 'input.id'), input),
    );
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeleteRatingPayload, {
    description: 'Takes a rating off the scale (ADMIN); one any fact-check carries or carried is a CONFLICT.',
  })
  async deleteRating(
    @Ctx() ctx: AppContext,
    @Arg('input', () => DeleteRatingInput) input: DeleteRatingInput,
  ): Promise<DeleteRatingPayload> {
    await ctx.services.ratings.delete(ctx.viewer, fromGlobalIdOf('ScaleRating', input.id, 'input.id'));
    return { deletedRatingId: input.id, ratingScale: await ctx.services.ratings.scale() };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [ScaleRating], { description: 'Puts the scale in a new order (ADMIN): every rating, once each.' })
  async reorderRatings(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ReorderRatingsInput) input: ReorderRatingsInput,
  ): Promise<ScaleRatingRow[]> {
    const ids = input.ids.map((id, index) => fromGlobalIdOf('ScaleRating', id, `input.ids.${index}`));
    await ctx.services.ratings.reorder(ctx.viewer, ids);
    return ctx.services.ratings.scale();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ImportedRatingMapping, {
    description:
      "Maps a publisher's rating text to a verdict (ADMIN): ClaimReview imports from then on, and every fact-check imported with that text, take it; their claims' verdicts follow. A published one that changes verdict takes a `note` and records a public correction.",
  })
  setImportedRatingMapping(
    @Ctx() ctx: AppContext,
    @Arg('input', () => SetImportedRatingMappingInput) input: SetImportedRatingMappingInput,
  ): Promise<ImportedRatingMapping> {
    return ctx.services.ratings.setImportedMapping(ctx.viewer, input);
  }

  @FieldResolver(() => ID)
  id(@Root() rating: ScaleRatingRow): string {
    return toGlobalId('ScaleRating', rating.id);
  }
}

async function reload(ctx: AppContext, id: number): Promise<ScaleRatingRow> {
  return (await ctx.loaders.scaleRatingById.clear(id).load(id)) as ScaleRatingRow;
}
