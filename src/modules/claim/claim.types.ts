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
  description: 'A check-worthy statement inside an article body.',
})
export class ClaimType implements ClaimRow {
  __typename: string;

  id: number;

  articleId: number;

  @Field(() => String, { description: 'The exact words of the claim in the body.' })
  quote: string;

  prefix: string;

  suffix: string;

  startOffset: number;

  endOffset: number;

  claimantId: number | null;

  @Field(() => Verdict, { nullable: true, description: 'Verdict of the newest published fact-check; null if none.' })
  verdict: Verdict | null;

  @Field(() => ClaimAnchorStatus)
  anchorStatus: ClaimAnchorStatus;

  @Field(() => Float, { nullable: true, description: 'Match score (0-1) of a FUZZY or AMBIGUOUS anchor.' })
  anchorScore: number | null;

  anchorExact: string | null;

  checkedRevision: number;

  asOf?: Date;

  claimantAsOf?: string | null;
}
