import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { ClaimEntity } from '../claim/claim.entity';
import type { ClaimRow } from '../claim/claim.rows';
import { SourceEntity } from '../source/source.entity';
import type { SourceRow } from '../source/source.rows';
import { AnnotationRevisionEntity } from './annotation-revision.entity';
import type { CorrectionRow, RevisionRow } from './annotation.rows';
import { Stance } from './citation.entity';
import { CorrectionEntity } from './correction.entity';

@ObjectType('RevisionCitation', { simpleResolvers: true, description: 'A citation as it stood in a revision.' })
export class RevisionCitation {
  @Field(() => SourceEntity)
  source: SourceRow;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String)
  excerpt: string;
}

@Resolver(() => AnnotationRevisionEntity)
export class AnnotationRevisionResolver {
  @FieldResolver(() => [RevisionCitation])
  async citations(@Root() revision: RevisionRow, @Ctx() ctx: AppContext): Promise<RevisionCitation[]> {
    const sources = await ctx.loaders.sourceById.loadMany(revision.citations.map((citation) => citation.sourceId));
    return revision.citations.map((citation, index) => ({ ...citation, source: sources[index] as SourceRow }));
  }
}

@Resolver(() => CorrectionEntity)
export class CorrectionResolver {
  @FieldResolver(() => ClaimEntity, { nullable: true, description: 'The claim whose verdict changed.' })
  async claim(@Root() correction: CorrectionRow, @Ctx() ctx: AppContext): Promise<ClaimRow | null> {
    return correction.claimId === null ? null : ctx.loaders.claimById.load(correction.claimId);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The article revision a body correction made; null for verdict corrections.' })
  revision(@Root() correction: CorrectionRow): number | null {
    return correction.revision;
  }
}
