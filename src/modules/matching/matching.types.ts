import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ClaimType } from '../claim/claim.types';
import type { ClaimRow } from '../claim/claim.rows';

@ObjectType('ClaimMatch', { simpleResolvers: true, description: 'An existing claim that restates a text.' })
export class ClaimMatchType {
  @Field(() => ClaimType)
  claim: ClaimRow;

  @Field(() => Float, { description: 'How closely the claim restates the text, 0-1 (1: the same words).' })
  score: number;
}

@ObjectType('SuggestionSentence', {
  simpleResolvers: true,
  description: "A sentence of an article's current body; offsets in UTF-16 code units, as selectors.",
})
export class SuggestionSentenceType {
  @Field(() => String)
  text: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('ClaimSuggestion', {
  simpleResolvers: true,
  description:
    'A sentence of the article that no claim of its own covers and that likely restates an existing claim of another article: confirm it by marking the claim, or dismissClaimSuggestion.',
})
export class ClaimSuggestionType {
  @Field(() => SuggestionSentenceType)
  sentence: SuggestionSentenceType;

  @Field(() => ClaimType)
  claim: ClaimRow;

  @Field(() => Float, { description: 'How closely the claim restates the sentence, 0-1.' })
  score: number;
}

@InputType()
export class DismissClaimSuggestionInput {
  @Field(() => ID)
  articleId: string;

  @Field(() => ID, { description: 'The suggested claim.' })
  claimId: string;

  @Field(() => String, { description: "The suggestion's sentence, as `sentence.text` gave it." })
  sentence: string;
}
