import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { ClaimEntity } from '../claim/claim.entity';
import type { ClaimRow } from '../claim/claim.rows';
import { AnnotationEntity } from './annotation.entity';
import { AnnotationRevisionEntity } from './annotation-revision.entity';
import type { AnnotationRow, CitationRow, RevisionRow } from './annotation.rows';
import { CitationEntity } from './citation.entity';
import { BEST_RATING, VERDICT_SCALE, WORST_RATING } from './verdict';

@ObjectType('Rating', { simpleResolvers: true, description: 'The verdict as a ClaimReview rating.' })
export class Rating {
  @Field(() => Int, { nullable: true, description: '1 (FALSE) to 5 (TRUE); null for verdicts off the scale.' })
  value: number | null;

  @Field(() => Int)
  best: number;

  @Field(() => Int)
  worst: number;

  @Field(() => String, { description: 'Human label, ClaimReview alternateName.' })
  label: string;
}

@Resolver(() => AnnotationEntity)
export class AnnotationResolver {
  @Query(() => AnnotationEntity, { nullable: true })
  annotation(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<AnnotationRow | null> {
    return ctx.loaders.annotationById.load(fromGlobalIdOf('Annotation', id, 'id'));
  }

  @FieldResolver(() => ID)
  id(@Root() annotation: AnnotationRow): string {
    return toGlobalId('Annotation', annotation.id);
  }

  @FieldResolver(() => Rating)
  rating(@Root() annotation: AnnotationRow): Rating {
    const { value, label } = VERDICT_SCALE[annotation.verdict];
    return { value, best: BEST_RATING, worst: WORST_RATING, label };
  }

  @FieldResolver(() => [CitationEntity])
  citations(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<CitationRow[]> {
    return ctx.loaders.citationsByAnnotation.load(annotation.id);
  }

  @FieldResolver(() => [AnnotationRevisionEntity], {
    description: 'Every change, oldest first. Readers see the changes made since publication; the author and editors see all.',
  })
  revisions(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<RevisionRow[]> {
    return ctx.loaders.revisionsByAnnotation.load(annotation.id);
  }

  @FieldResolver(() => ClaimEntity)
  async claim(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<ClaimRow> {
    return (await ctx.loaders.claimById.load(annotation.claimId)) as ClaimRow;
  }
}
