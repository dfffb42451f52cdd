import { type ClassType, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { connectionType } from '../../graphql/relay/connection';
import { Node, typeNameOf } from '../../graphql/relay/node.type';
import { ClaimAnchorStatus } from '../claim/anchor-status';
import type { OutsideAppearanceRow } from './appearance.rows';

/** Its type is resolved from `__typename` (ArticleAppearance or OutsideAppearance). */
@InterfaceType('ClaimAppearance', {
  implements: Node,
  resolveType: typeNameOf,
  description: 'Where a claim was made: a span of a factline article, or a place outside it.',
})
export abstract class ClaimAppearance extends Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  declare id: string;
}

@ObjectType('ArticleAppearance', {
  implements: [Node, ClaimAppearance],
  description:
    "A claim's place in a factline article's body: its W3C selectors, anchor state and the revision it was checked against.",
})
export class ArticleAppearance {
  @Field(() => String, { description: 'The exact words of the claim in the body, as reviewed.' })
  quote: string;

  @Field(() => ClaimAnchorStatus)
  anchorStatus: ClaimAnchorStatus;

  @Field(() => Float, { nullable: true, description: 'Match score (0-1) of a FUZZY or AMBIGUOUS anchor.' })
  anchorScore: number | null;
}

@ObjectType('OutsideAppearance', {
  implements: [Node, ClaimAppearance],
  simpleResolvers: true,
  description: 'A place outside factline where the claim was made: an interview, a speech, a post, a story.',
})
export class OutsideAppearance implements Omit<OutsideAppearanceRow, 'id'> {
  __typename: string;

  declare id: string;

  claimId: number;

  @Field(() => String, { description: 'Where it can be read, heard or watched (http or https).' })
  url: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it: an outlet, a broadcaster, a platform.' })
  publisher: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the claim was made there, if known.' })
  appearedAt: SqlTimestamp | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Audio or video: where in the recording the claim starts, in seconds.',
  })
  startSeconds: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Audio or video: where in the recording the claim ends, in seconds.',
  })
  endSeconds: number | null;

  @Field(() => DateTime, { description: 'When it was listed.' })
  createdAt: SqlTimestamp;

  deletedAt: SqlTimestamp | null;
}

export const ClaimAppearanceConnection = connectionType(
  'ClaimAppearance',
  ClaimAppearance as unknown as ClassType<ClaimAppearance>,
);
