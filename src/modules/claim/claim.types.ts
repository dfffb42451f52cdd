import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.type';
import { Verdict } from '../annotation/verdict';
import { ClaimAnchorStatus } from './anchor-status';
import type { ClaimRow } from './claim.rows';

/**
 * A claim as GraphQL serves it: what the resolvers return (ClaimRow). The fields without a
 * decorator are served through ClaimResolver (the global id, the selector, the article).
 */
@ObjectType('Claim', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A statement someone made, checked once: its words, claimant, fact-checks and verdict, and where it appears (its place in an article body, places outside).',
})
export class ClaimType implements ClaimRow {
  __typename: string;

  id: number;

  articleId: number;

  @Field(() => String, {
    description: 'The exact words of the claim in the body.',
    deprecationReason: 'Use text (what was claimed) or appearances (ArticleAppearance.quote)',
  })
  quote: string;

  prefix: string;

  suffix: string;

  startOffset: number;

  endOffset: number;

  text: string | null;

  language: string | null;

  claimantId: number | null;

  @Field(() => Verdict, { nullable: true, description: 'Verdict of the newest published fact-check; null if none.' })
  verdict: Verdict | null;

  @Field(() => ClaimAnchorStatus, {
    deprecationReason: 'Use appearances (ArticleAppearance.anchorStatus) or Article.appearances',
  })
  anchorStatus: ClaimAnchorStatus;

  @Field(() => Float, {
    nullable: true,
    description: 'Match score (0-1) of a FUZZY or AMBIGUOUS anchor.',
    deprecationReason: 'Use appearances (ArticleAppearance.anchorScore) or Article.appearances',
  })
  anchorScore: number | null;

  anchorExact: string | null;

  checkedRevision: number;

  asOf?: Date;

  claimantAsOf?: string | null;
}
