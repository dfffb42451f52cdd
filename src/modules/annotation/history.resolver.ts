import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Source } from '../source/source.types';
import type { AppContext } from '../../app/context';
import { ClaimType } from '../claim/claim.types';
import type { ClaimRow } from '../claim/claim.rows';
import type { SourceRow } from '../source/source.rows';
import { UserType } from '../user/user.types';
import type { UserRow } from '../user/user.loaders';
import type { CitationSnapshot } from './annotation-revision.entity';
import type { AnnotationRow, CorrectionRow, RevisionRow } from './annotation.rows';
import { Stance } from './citation.entity';
import { Rating } from '../rating/rating.types';
import { ratingOf, type RatingView } from '../rating/rating-view';
import { Annotation, AnnotationRevision, Correction } from './annotation.types';

@ObjectType('RevisionCitation', { simpleResolvers: true, description: 'A citation as it stood in a revision.' })
export class RevisionCitation {
  @Field(() => Source)
  source: SourceRow;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String)
  excerpt: string;
}

@Resolver(() => AnnotationRevision)
export class AnnotationRevisionResolver {
  @FieldResolver(() => [RevisionCitation])
  citations(@Root() revision: RevisionRow, @Ctx() ctx: AppContext): Promise<RevisionCitation[]> {
    return citationsOf(ctx, revision.citations);
  }

  @FieldResolver(() => Rating, {
    description: "The fact-check's rating in this version, under the rating's label of today.",
  })
  rating(@Root() revision: RevisionRow): RatingView {
    return ratingOf(revision);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'Who made the change (staff only: null for anonymous readers).',
  })
  actor(@Root() revision: RevisionRow, @Ctx() ctx: AppContext): UserRow | null {
    return ctx.visibility.staff ? revision.actor : null;
  }
}

/** A snapshot's citations with their sources, leaving out any source the viewer may not see. */
export async function citationsOf(ctx: AppContext, snapshot: CitationSnapshot[]): Promise<RevisionCitation[]> {
  const sources = await ctx.loaders.sourceById.loadMany(snapshot.map((citation) => citation.sourceId));
  return snapshot.flatMap((citation, index) => {
    const source = sources[index];
    return source && !(source instanceof Error) ? [{ stance: citation.stance, excerpt: citation.excerpt, source }] : [];
  });
}

@Resolver(() => Correction)
export class CorrectionResolver {
  @FieldResolver(() => ClaimType, { nullable: true, description: 'The claim whose verdict changed.' })
  async claim(@Root() correction: CorrectionRow, @Ctx() ctx: AppContext): Promise<ClaimRow | null> {
    return correction.claimId === null ? null : ctx.loaders.claimById.load(correction.claimId);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'The article revision a correction of the article made; null for the others.',
  })
  revision(@Root() correction: CorrectionRow): number | null {
    return correction.revision;
  }

  @FieldResolver(() => Annotation, {
    nullable: true,
    description:
      'The fact-check concerned (for a change to the claim, its newest public one); null for corrections of the article.',
  })
  annotation(@Root() correction: CorrectionRow, @Ctx() ctx: AppContext): Promise<AnnotationRow | null> | null {
    return correction.annotationId === null ? null : ctx.loaders.annotationById.load(correction.annotationId);
  }
}
