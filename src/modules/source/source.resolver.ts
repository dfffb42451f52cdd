import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Source } from './source.types';
import { Role } from '../user/user.entity';
import { CreateSourceInput } from './source.inputs';
import type { AppContext } from '../../app/context';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import type { SourceRow } from './source.rows';

export const SourceConnection = connectionType('Source', Source);

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true })
  source(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<SourceRow | null> {
    return ctx.loaders.sourceById.load(fromGlobalIdOf('Source', id, 'id'));
  }

  @Query(() => SourceConnection, {
    description: 'Sources, oldest first; readers see those a fact-check they can see has cited.',
  })
  sources(@Ctx() ctx: AppContext, @Args(() => PageArgs) { first, after }: PageArgs): Promise<Connection<SourceRow>> {
    return ctx.services.sources.list({ visibility: ctx.visibility, first, after });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Source, {
    description: 'Stores a source (REVIEWER+); the same normalised url returns the one already stored.',
  })
  async createSource(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateSourceInput) input: CreateSourceInput,
  ): Promise<SourceRow> {
    const id = await ctx.services.sources.create(ctx.viewer, input);
    return (await ctx.loaders.sourceById.clear(id).load(id)) as SourceRow;
  }

  @FieldResolver(() => ID)
  id(@Root() source: SourceRow): string {
    return toGlobalId('Source', source.id);
  }
}
