import { Field, ID, InputType } from 'type-graphql';
import { Verdict } from '../annotation/verdict';

@InputType('ClaimFilter')
export class ClaimFilter {
  @Field(() => ID, { nullable: true, description: 'Claims of this article only.' })
  articleId?: string | null;

  @Field(() => Verdict, { nullable: true, description: 'Claims whose current verdict is this.' })
  verdict?: Verdict | null;

  @Field(() => String, { nullable: true, description: 'Claims made by this claimant (case-insensitive, exact).' })
  claimant?: string | null;
}
