import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { fromSqlDate } from '../../db/sql-dates';
import type { AppContext } from '../../app/context';
import { until } from '../../graphql/point-in-time';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import type { DomainError } from '../../domain/errors';
import { GraphQLJSONObject } from 'graphql-scalars';
import { toWebAnnotation } from '../../exports/web-annotation';
import type { ArticleRow } from '../article/article.rows';
import { ClaimAnchorStatus } from '../claim/anchor-status';
import { ClaimType } from '../claim/claim.types';
import { type ClaimRow, readInArticleId } from '../claim/claim.rows';
import type { AnnotationRow, CitationRow, RevisionRow } from './annotation.rows';
import { Annotation, AnnotationRevision, Citation } from './annotation.types';
import { citationsOf } from './history.resolver';
import { UserType } from '../user/user.types';
import type { UserRow } from '../user/user.loaders';
import { Rating } from '../rating/rating.types';
import { ratingOf, type RatingView } from '../rating/rating-view';
import { AnnotationChange } from './annotation-revision.entity';
import { AnnotationStatus } from './annotation.entity';
import { AnnotationFilter } from './annotation.inputs';
import { NOBODY } from './annotation.service';
import { publishRefusal } from './publish-rule';

export const AnnotationConnection = connectionType('Annotation', Annotation);

@Resolver(() => Annotation)
export class AnnotationResolver {
  @Query(() => Annotation, { nullable: true })
  annotation(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<AnnotationRow | null> {
    return ctx.loaders.annotationById.load(fromGlobalIdOf('Annotation', id, 'id'));
  }

  @Query(() => AnnotationConnection, {
    description:
      'Fact-checks you may see, newest change first: readers the published and retracted ones of published stories; reviewers those and their own in any state; editors all. The review queue: `filter: { awaitingMyReview: true }`.',
  })
  async annotations(
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => AnnotationFilter, { nullable: true }) filter?: AnnotationFilter | null,
  ): Promise<Connection<AnnotationRow>> {
    const authorId = filter?.authorId != null ? fromGlobalIdOf('User', filter.authorId, 'filter.authorId') : null;
    const articleId =
      filter?.articleId != null ? fromGlobalIdOf('Article', filter.articleId, 'filter.articleId') : null;
    // A claim as every read names it: a merged one's id names the claim it was merged into.
    const claimId =
      filter?.claimId != null
        ? ((await ctx.loaders.claimById.load(fromGlobalIdOf('Claim', filter.claimId, 'filter.claimId')))?.id ?? NOBODY)
        : null;
    return ctx.services.annotations.list({
      visibility: ctx.visibility,
      first,
      after,
      filter: filter ? { ...filter, authorId, articleId, claimId } : null,
    });
  }

  @FieldResolver(() => ID)
  id(@Root() annotation: AnnotationRow): string {
    return toGlobalId('Annotation', annotation.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether you may publish it now: you are an editor, it is IN_REVIEW, it cites a source, and none of its content is yours (four eyes). The rule publishAnnotation applies.',
  })
  async viewerCanPublish(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<boolean> {
    return (await publishRefusalOf(annotation, ctx)) === null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why you may not publish it now, in words (what publishAnnotation would answer); null when you may.',
  })
  async publishBlockedReason(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<string | null> {
    return (await publishRefusalOf(annotation, ctx))?.message ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "While it is a DRAFT sent back by an editor (returnAnnotation): the editor's comment. Staff only (its author and editors): null for readers.",
  })
  async reviewComment(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<string | null> {
    if (!ctx.visibility.staff || annotation.status !== AnnotationStatus.DRAFT || annotation.asOf) return null;
    // The viewer's revisions of it: a draft's history, which only its author and editors read.
    const revisions = await ctx.loaders.revisionsByAnnotation.load(annotation.id);
    return revisions.findLast((revision) => revision.change === AnnotationChange.RETURNED)?.note ?? null;
  }

  @FieldResolver(() => Rating, {
    description:
      "The organisation's rating (for an imported fact-check, its publisher's own); `verdict` is its normalised value. As of a past moment: the rating of the version then, under the rating's label of today (a rename is on the public record as a correction).",
  })
  rating(@Root() annotation: AnnotationRow): RatingView {
    return ratingOf(annotation);
  }

  @FieldResolver(() => [Citation])
  async citations(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<CitationRow[]> {
    if (!annotation.citationsAsOf) return ctx.loaders.citationsByAnnotation.load(annotation.id);
    // As of a moment: the citations of the revision current then.
    return (await citationsOf(ctx, annotation.citationsAsOf)).map((citation) => ({
      annotationId: annotation.id,
      ...citation,
    }));
  }

  @FieldResolver(() => [UserType], {
    description:
      'Everyone who wrote or changed its content (verdict, summary, explanation, citations), in the order they first did; the author first.',
  })
  async contributors(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<UserRow[]> {
    return until(annotation.asOf, await ctx.loaders.contributorsByAnnotation.load(annotation.id)).map(
      (contribution) => contribution.user,
    );
  }

  @FieldResolver(() => [AnnotationRevision], {
    description:
      'Every change, oldest first. Readers see the changes made since publication; the author and editors see all.',
  })
  async revisions(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<RevisionRow[]> {
    return until(annotation.asOf, await ctx.loaders.revisionsByAnnotation.load(annotation.id));
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The fact-check as a W3C Web Annotation (JSON-LD).' })
  async webAnnotation(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<Record<string, unknown>> {
    const claim = annotation.claimAsOf ?? ((await ctx.loaders.claimById.load(annotation.claimId)) as ClaimRow);
    // The article the claim was read in: its selector is a place in that article's text.
    const article = (await ctx.loaders.articleById.load(readInArticleId(claim))) as ArticleRow;
    const contributors = until(annotation.asOf, await ctx.loaders.contributorsByAnnotation.load(annotation.id));
    const { label, value, best, worst } = ratingOf(annotation);
    const anchored =
      claim.anchorStatus !== ClaimAnchorStatus.AMBIGUOUS && claim.anchorStatus !== ClaimAnchorStatus.ORPHANED;
    return toWebAnnotation({
      id: `urn:factline:annotation:${toGlobalId('Annotation', annotation.id)}`,
      articleIri: article.url ?? `urn:factline:article:${article.slug}`,
      selector: anchored
        ? {
            exact: claim.anchorExact ?? claim.quote,
            prefix: claim.prefix,
            suffix: claim.suffix,
            start: claim.startOffset,
            end: claim.endOffset,
          }
        : null,
      rating: { label, value, best, worst },
      summary: annotation.summary,
      body: annotation.body,
      creatorNames:
        contributors.length > 0 ? contributors.map((contribution) => contribution.user.name) : [annotation.author.name],
      created: fromSqlDate(annotation.createdAt) as Date,
      modified: fromSqlDate(annotation.updatedAt) as Date,
      language: article.language,
    });
  }

  @FieldResolver(() => ClaimType)
  async claim(@Root() annotation: AnnotationRow, @Ctx() ctx: AppContext): Promise<ClaimRow> {
    return annotation.claimAsOf ?? ((await ctx.loaders.claimById.load(annotation.claimId)) as ClaimRow);
  }
}

/** Why the viewer may not publish the fact-check now (publish-rule.ts), from this request's loaders. */
function publishRefusalOf(annotation: AnnotationRow, ctx: AppContext): Promise<DomainError | null> {
  return publishRefusal(ctx.viewer, {
    // A point-in-time read shows a past version: nothing to publish there.
    status: annotation.asOf ? AnnotationStatus.PUBLISHED : annotation.status,
    contributorIds: async () =>
      (await ctx.loaders.contributorsByAnnotation.load(annotation.id)).map((contribution) => contribution.user.id),
    citationCount: async () => (await ctx.loaders.citationsByAnnotation.load(annotation.id)).length,
  });
}
