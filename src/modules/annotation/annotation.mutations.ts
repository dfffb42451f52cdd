import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import { Role } from '../user/user.entity';
import { Annotation } from './annotation.types';
import type { CitationToWrite } from './annotation-writes';
import {
  AnnotationTransitionInput,
  type CitationInput,
  CreateAnnotationInput,
  PublishAnnotationInput,
  RetractAnnotationInput,
  ReturnAnnotationInput,
  UpdateAnnotationInput,
} from './annotation.inputs';
import type { AnnotationRow } from './annotation.rows';

/** The review workflow's mutations; rules live in AnnotationService. */
@Resolver(() => Annotation)
export class AnnotationMutations {
  @Authorized(Role.REVIEWER)
  @Mutation(() => Annotation, { description: 'Writes a fact-check on a claim as a DRAFT by you (REVIEWER+).' })
  async createAnnotation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateAnnotationInput) input: CreateAnnotationInput,
  ): Promise<AnnotationRow> {
    const claimId = fromGlobalIdOf('Claim', input.claimId, 'input.claimId');
    return reload(
      ctx,
      await ctx.services.annotations.create(ctx.viewer, claimId, {
        ...input,
        ratingId: input.ratingId == null ? null : fromGlobalIdOf('ScaleRating', input.ratingId, 'input.ratingId'),
        citations: citationsToWrite(input.citations, 'input.citations'),
      }),
    );
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Annotation, {
    description:
      'Edits a fact-check: its author while DRAFT or IN_REVIEW, an editor any time. Editing a published verdict records a correction.',
  })
  async updateAnnotation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateAnnotationInput) input: UpdateAnnotationInput,
  ): Promise<AnnotationRow> {
    const id = fromGlobalIdOf('Annotation', input.id, 'input.id');
    return reload(
      ctx,
      await ctx.services.annotations.update(ctx.viewer, id, {
        ...input,
        ratingId: input.ratingId == null ? null : fromGlobalIdOf('ScaleRating', input.ratingId, 'input.ratingId'),
        citations: input.citations && citationsToWrite(input.citations, 'input.citations'),
      }),
    );
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Annotation, { description: 'Sends your DRAFT for review (DRAFT -> IN_REVIEW).' })
  async submitAnnotation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => AnnotationTransitionInput) input: AnnotationTransitionInput,
  ): Promise<AnnotationRow> {
    return reload(
      ctx,
      await ctx.services.annotations.submit(
        ctx.viewer,
        fromGlobalIdOf('Annotation', input.id, 'input.id'),
        input.expectedVersion,
      ),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Annotation, {
    description: "Publishes a fact-check IN_REVIEW that cites at least one source (EDITOR+, never one's own).",
  })
  async publishAnnotation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => PublishAnnotationInput) input: PublishAnnotationInput,
  ): Promise<AnnotationRow> {
    return reload(
      ctx,
      await ctx.services.annotations.publish(
        ctx.viewer,
        fromGlobalIdOf('Annotation', input.id, 'input.id'),
        input.expectedVersion,
      ),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Annotation, {
    description:
      'Sends a fact-check IN_REVIEW back to its author as a DRAFT with a comment (EDITOR+; IN_REVIEW -> DRAFT). Not a change of its content: four eyes stands as it was.',
  })
  async returnAnnotation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ReturnAnnotationInput) input: ReturnAnnotationInput,
  ): Promise<AnnotationRow> {
    return reload(
      ctx,
      await ctx.services.annotations.returnToDraft(
        ctx.viewer,
        fromGlobalIdOf('Annotation', input.id, 'input.id'),
        input.comment,
        input.expectedVersion,
      ),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Annotation, {
    description: "Retracts a published fact-check with a reason (EDITOR+); the claim's verdict falls back.",
  })
  async retractAnnotation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RetractAnnotationInput) input: RetractAnnotationInput,
  ): Promise<AnnotationRow> {
    return reload(
      ctx,
      await ctx.services.annotations.retract(
        ctx.viewer,
        fromGlobalIdOf('Annotation', input.id, 'input.id'),
        input.reason,
        input.expectedVersion,
      ),
    );
  }
}

async function reload(ctx: AppContext, id: number): Promise<AnnotationRow> {
  return (await ctx.loaders.annotationById.clear(id).load(id)) as AnnotationRow;
}

/** Citations with their sources' global ids decoded, for the service. */
function citationsToWrite(citations: CitationInput[], field: string): CitationToWrite[] {
  return citations.map((citation, index) => ({
    ...citation,
    sourceId:
      citation.sourceId == null ? null : fromGlobalIdOf('Source', citation.sourceId, `${field}.${index}.sourceId`),
  }));
}
