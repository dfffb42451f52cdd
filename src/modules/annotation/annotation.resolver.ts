import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { fromSqlDate } from '../../db/sql-dates';
import type { AppContext } from '../../app/context';
import { until } from '../../graphql/point-in-time';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
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

@Resolver(() => Annotation)
export class AnnotationResolver {
  @Query(() => Annotation, { nullable: true })
  annotation(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<AnnotationRow | null> {
    return ctx.loaders.annotationById.load(fromGlobalIdOf('Annotation', id, 'id'));
  }

  @FieldResolver(() => ID)
  id(@Root() annotation: AnnotationRow): string {
    return toGlobalId('Annotation', annotation.id);
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
