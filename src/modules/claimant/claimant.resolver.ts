import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../app/context';
import { badUserInput } from '../../domain/errors';
import { type Connection, connectionType, PageArgs, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { Verdict } from '../annotation/verdict';
import { VerdictCount } from '../article/article.types';
import { ClaimConnection } from '../claim/claim.resolver';
import type { ClaimRow } from '../claim/claim.rows';
import { wikidataUrl } from './claimant-name';
import { Role } from '../user/user.entity';
import { CreateClaimantInput, MergeClaimantsInput, UpdateClaimantInput } from './claimant.inputs';
import { Claimant } from './claimant.types';
import type { ClaimantRow } from './claimant.rows';

export const ClaimantConnection = connectionType('Claimant', Claimant);

@ArgsType()
class ClaimantClaimsArgs extends PageArgs {
  @Field(() => Verdict, { nullable: true, description: 'Only claims whose current verdict is this.' })
  verdict?: Verdict | null;
}

const CLAIMS_SCOPE = 'claimant-claims:id';

@Resolver(() => Claimant)
export class ClaimantResolver {
  @Query(() => Claimant, {
    nullable: true,
    description:
      'A claimant by id or slug (one of them); a merged claimant gives the one it was merged into. Readers see a claimant once a claim they can see names it.',
  })
  claimant(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<ClaimantRow | null> {
    if ((id == null) === (slug == null)) throw badUserInput('Give either `id` or `slug`.', id == null ? 'id' : 'slug');
    if (id != null) return ctx.loaders.claimantById.load(fromGlobalIdOf('Claimant', id, 'id'));
    if (slug!.length > 200) throw badUserInput('At most 200 characters.', 'slug');
    return ctx.loaders.claimantBySlug.load(slug!);
  }

  @Query(() => ClaimantConnection, {
    description:
      'Claimants, oldest first; `query` keeps those whose name or an alias contains it (case- and space-insensitive).',
  })
  claimants(
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('query', () => String, { nullable: true }) query?: string | null,
  ): Promise<Connection<ClaimantRow>> {
    return ctx.services.claimants.list({ visibility: ctx.visibility, first, after, query });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Claimant, {
    description:
      'Records a claimant (REVIEWER+); a name another claimant has (case- and space-insensitive) is a CONFLICT naming it.',
  })
  async createClaimant(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateClaimantInput) input: CreateClaimantInput,
  ): Promise<ClaimantRow> {
    return reloadClaimant(ctx, await ctx.services.claimants.create(ctx.viewer, input));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Claimant, {
    description:
      "Changes a claimant's record (REVIEWER+; renaming one whose claims carry a published fact-check is an editor's act with a `note`, recorded as a correction of each such claim).",
  })
  async updateClaimant(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateClaimantInput) { id, ...input }: UpdateClaimantInput,
  ): Promise<ClaimantRow> {
    const claimantId = fromGlobalIdOf('Claimant', id, 'input.id');
    return reloadClaimant(ctx, await ctx.services.claimants.update(ctx.viewer, claimantId, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claimant, {
    description:
      'Merges two records of one claimant into the kept one (EDITOR+); the merged id resolves to it from then on.',
  })
  async mergeClaimants(
    @Ctx() ctx: AppContext,
    @Arg('input', () => MergeClaimantsInput) input: MergeClaimantsInput,
  ): Promise<ClaimantRow> {
    const keepId = fromGlobalIdOf('Claimant', input.keepId, 'input.keepId');
    const mergeId = fromGlobalIdOf('Claimant', input.mergeId, 'input.mergeId');
    ctx.loaders.claimantById.clear(mergeId);
    return reloadClaimant(ctx, await ctx.services.claimants.merge(ctx.viewer, keepId, mergeId, input.note));
  }

  @FieldResolver(() => ID)
  id(@Root() claimant: ClaimantRow): string {
    return toGlobalId('Claimant', claimant.id);
  }

  @FieldResolver(() => [String], { description: 'Other names they go by, a merged claimant’s name among them.' })
  aliases(@Root() claimant: ClaimantRow): string[] {
    return JSON.parse(claimant.aliases) as string[];
  }

  @FieldResolver(() => String, { nullable: true })
  wikidataUrl(@Root() claimant: ClaimantRow): string | null {
    return claimant.wikidataId ? wikidataUrl(claimant.wikidataId) : null;
  }

  @FieldResolver(() => ClaimConnection, { description: 'Their claims you may see, oldest first.' })
  async claims(
    @Root() claimant: ClaimantRow,
    @Ctx() ctx: AppContext,
    @Args(() => ClaimantClaimsArgs) { first, after, verdict }: ClaimantClaimsArgs,
  ): Promise<Connection<ClaimRow>> {
    const size = pageSize(first);
    const afterId = after ? decodeCursor(CLAIMS_SCOPE, after).id : 0;
    const rows = await ctx.loaders.claimsOfClaimant.load({
      claimantId: claimant.id,
      verdict: verdict ?? null,
      afterId,
      limit: size + 1,
    });
    return toConnection(
      rows,
      size,
      CLAIMS_SCOPE,
      (row) => ({ value: null, id: row.id }),
      (row) => row,
      async () => {
        const { counts } = await ctx.loaders.claimStatsOfClaimant.load(claimant.id);
        if (verdict) return counts.get(verdict) ?? 0;
        return [...counts.values()].reduce((sum, n) => sum + n, 0);
      },
    );
  }

  @FieldResolver(() => [VerdictCount], {
    description: 'How many of their claims you may see carry each verdict, in the order of the scale.',
  })
  async verdictSummary(@Root() claimant: ClaimantRow, @Ctx() ctx: AppContext): Promise<VerdictCount[]> {
    return (await ctx.loaders.claimStatsOfClaimant.load(claimant.id)).verdictSummary;
  }
}

/**
 * A claimant just written, read back fresh as stored: the write checked that the viewer may act
 * on it (a reviewer's new claimant names no claim yet, which readers' rule would hide).
 */
async function reloadClaimant(ctx: AppContext, id: number): Promise<ClaimantRow> {
  ctx.loaders.claimantById.clear(id);
  return (await ctx.loaders.claimantOnRecordById.clear(id).load(id)) as ClaimantRow;
}
