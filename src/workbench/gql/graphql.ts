/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where else the claim was made: in another factline article (`articleId` and `quote`, as createClaim marks a claim), or outside factline (`url`, with title, publisher, date and times): an interview, a speech, a post, a story. Exactly one of `articleId` and `url`. */
export type AddClaimAppearanceInput = {
  /** When the claim was made there. */
  appearedAt?: string | null | undefined;
  /** A factline article the claim also appears in. */
  articleId?: string | number | null | undefined;
  claimId: string | number;
  /** Audio or video: where the claim ends, in seconds. */
  endSeconds?: number | null | undefined;
  /** Why, for readers: required once the claim carries a published fact-check (the change is then a public correction, an editor's act). */
  note?: string | null | undefined;
  /** With `articleId`: which occurrence of the quote (1-based), when it occurs more than once. */
  occurrence?: number | null | undefined;
  /** With `articleId`: text right before the quote. */
  prefix?: string | null | undefined;
  /** Who published it: an outlet, a broadcaster, a platform. */
  publisher?: string | null | undefined;
  /** With `articleId`: the claim's exact words in that article's body. */
  quote?: string | null | undefined;
  /** Audio or video: where the claim starts, in seconds. */
  startSeconds?: number | null | undefined;
  /** With `articleId`: text right after the quote. */
  suffix?: string | null | undefined;
  title?: string | null | undefined;
  /** Outside factline: where it can be read, heard or watched (http or https). */
  url?: string | null | undefined;
};

/** Where a claim stands after the article body last changed. */
export type AnchorStatus =
  | 'AMBIGUOUS'
  | 'ANCHORED'
  | 'FUZZY'
  | 'MOVED'
  | 'ORPHANED';

export type AnnotationChange =
  | 'CREATED'
  | 'PUBLISHED'
  | 'RETRACTED'
  | 'SUBMITTED'
  | 'UPDATED';

export type AnnotationStatus =
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PUBLISHED'
  | 'RETRACTED';

export type ArticleStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

/** Cite an existing source by `sourceId`, or a new one as `source` (exactly one). */
export type CitationInput = {
  /** The words of the source relied on. */
  excerpt: string;
  source?: CreateSourceInput | null | undefined;
  sourceId?: string | number | null | undefined;
  stance: Stance;
};

export type ConfirmClaimAnchorInput = {
  /** A Claim id (its place in its own article), or an ArticleAppearance id (one of its places in another article). */
  id: string | number;
  /** Why, for readers: required once the claim carries a published fact-check (the change is then a public correction, an editor's act). */
  note?: string | null | undefined;
};

export type CorrectionKind =
  | 'ARTICLE_UPDATED'
  | 'BODY_CORRECTED'
  | 'CHECK_UPDATED'
  | 'CLAIMANT_CHANGED'
  | 'CLAIM_MERGED'
  | 'PLACE_ADDED'
  | 'PLACE_REMOVED'
  | 'QUOTE_CHANGED'
  | 'RATING_CHANGED'
  | 'RETRACTED'
  | 'TEXT_CHANGED'
  | 'VERDICT_CHANGED';

export type CreateAnnotationInput = {
  body: string;
  citations?: Array<CitationInput>;
  claimId: string | number;
  /** The organisation's rating (ratingScale); the verdict follows from it. Give it or `verdict`. */
  ratingId?: string | number | null | undefined;
  summary: string;
  /** The normalised verdict alone: the fact-check takes the first rating of the scale that stands for it. */
  verdict?: Verdict | null | undefined;
};

export type CreateClaimInput = {
  articleId: string | number;
  /**
   * Who made the claim, by name: the claimant of that name, recorded first if there is none.
   * @deprecated Use claimantId
   */
  claimant?: string | null | undefined;
  /** Who made the claim. */
  claimantId?: string | number | null | undefined;
  /** The language the claim was made in (BCP 47); the article's when left out. */
  language?: string | null | undefined;
  /** Which occurrence of the quote (1-based), when it occurs more than once. */
  occurrence?: number | null | undefined;
  /** Text right before the quote, to pick one of several occurrences. */
  prefix?: string | null | undefined;
  /** The exact words of the claim; must occur in the article body. */
  quote: string;
  /** Text right after the quote, to pick one of several occurrences. */
  suffix?: string | null | undefined;
  /** What was claimed, in neutral words (the quote when left out). */
  text?: string | null | undefined;
};

export type CreateSourceInput = {
  kind: SourceKind;
  publishedAt?: string | null | undefined;
  publisher?: string | null | undefined;
  title: string;
  /** http(s) only; stored normalised (lower-case host, no fragment, no utm_* parameters). */
  url: string;
};

export type DismissClaimSuggestionInput = {
  articleId: string | number;
  /** The suggested claim. */
  claimId: string | number;
  /** The suggestion's sentence, as `sentence.text` gave it. */
  sentence: string;
};

/** Two claims that are the same: the merged one’s fact-checks and places move to the kept one, whose words and claimant stay; the merged id resolves to the kept claim. */
export type MergeClaimsInput = {
  keepId: string | number;
  mergeId: string | number;
  /** Why, for readers: required when either claim carries a published fact-check (a public correction). */
  note?: string | null | undefined;
};

/** Points a claim whose anchor is FUZZY, AMBIGUOUS or ORPHANED at the words it should now quote in the current body. */
export type ReattachClaimInput = {
  /** A Claim id (its place in its own article), or an ArticleAppearance id (one of its places in another article). */
  id: string | number;
  /** Why, for readers: required once the claim carries a published fact-check (the change is then a public correction, an editor's act). */
  note?: string | null | undefined;
  occurrence?: number | null | undefined;
  prefix?: string | null | undefined;
  quote: string;
  suffix?: string | null | undefined;
};

export type SourceKind =
  | 'DATASET'
  | 'EXPERT'
  | 'NEWS_REPORT'
  | 'OFFICIAL_RECORD'
  | 'OTHER'
  | 'STATEMENT';

/** How a cited source bears on the claim. */
export type Stance =
  | 'CONTEXT'
  | 'REFUTES'
  | 'SUPPORTS';

/** A fact-check verdict. TRUE..FALSE map to ratings 5..1; the others carry no number. */
export type Verdict =
  | 'FALSE'
  | 'MISLEADING'
  | 'MIXED'
  | 'MOSTLY_FALSE'
  | 'MOSTLY_TRUE'
  | 'NEEDS_CONTEXT'
  | 'TRUE'
  | 'UNVERIFIABLE';

export type ArticleAddAppearanceMutationVariables = Exact<{
  input: AddClaimAppearanceInput;
}>;


export type ArticleAddAppearanceMutation = { addClaimAppearance:
    | { id: string, claim: { id: string, text: string } }
    | { id: string }
   };

export type ArticleForWorkbenchQueryVariables = Exact<{
  id: string | number;
}>;


export type ArticleForWorkbenchQuery = { article: { id: string, headline: string, standfirst: string | null, slug: string, status: ArticleStatus, body: string, revision: number, appearances: Array<{ id: string, quote: string, anchorStatus: AnchorStatus, anchorScore: number | null, verdictStale: boolean, selector: { start: number, end: number } | null, claim: { id: string, text: string, verdict: Verdict | null, article: { id: string, headline: string }, claimant: { id: string, name: string } | null, annotations: Array<{ id: string, status: AnnotationStatus }> } }>, suggestedClaims: Array<{ score: number, sentence: { text: string, start: number, end: number }, claim: { id: string, text: string, verdict: Verdict | null, article: { id: string, headline: string }, annotations: Array<{ id: string, status: AnnotationStatus }> } }> } | null };

export type ArticleClaimMatchesQueryVariables = Exact<{
  text: string;
}>;


export type ArticleClaimMatchesQuery = { claimMatches: Array<{ score: number, claim: { id: string, text: string, verdict: Verdict | null, article: { id: string, headline: string }, annotations: Array<{ id: string, status: AnnotationStatus }> } }> };

export type ArticleClaimantsQueryVariables = Exact<{ [key: string]: never; }>;


export type ArticleClaimantsQuery = { claimants: { edges: Array<{ node: { id: string, name: string } }> } };

export type ArticleCreateClaimMutationVariables = Exact<{
  input: CreateClaimInput;
}>;


export type ArticleCreateClaimMutation = { createClaim: { id: string, text: string } };

export type ArticleDismissSuggestionMutationVariables = Exact<{
  input: DismissClaimSuggestionInput;
}>;


export type ArticleDismissSuggestionMutation = { dismissClaimSuggestion: { id: string } };

export type ArticlesForWorkbenchQueryVariables = Exact<{
  status?: ArticleStatus | null | undefined;
}>;


export type ArticlesForWorkbenchQuery = { articles: { totalCount: number, edges: Array<{ node: { id: string, headline: string, status: ArticleStatus, publishedAt: string | null, claimCount: number, section: string | null } }> } };

export type ClaimForWorkbenchQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimForWorkbenchQuery = { claim: { id: string, text: string, language: string, verdict: Verdict | null, verdictStale: boolean, claimant: { id: string, name: string } | null, article: { id: string, headline: string, status: ArticleStatus }, topics: Array<{ id: string, name: string }>, appearances: { totalCount: number, edges: Array<{ node:
          | { __typename: 'ArticleAppearance', quote: string, anchorStatus: AnchorStatus, anchorScore: number | null, verdictStale: boolean, checkedRevision: number, id: string, article: { id: string, headline: string, status: ArticleStatus } }
          | { __typename: 'OutsideAppearance', url: string, title: string | null, publisher: string | null, appearedAt: string | null, id: string }
         }> }, annotations: Array<{ id: string, status: AnnotationStatus, summary: string, verdict: Verdict, updatedAt: string, publishedAt: string | null, rating: { label: string }, author: { id: string, name: string }, revisions: Array<{ version: number, change: AnnotationChange, createdAt: string, note: string | null, actor: { name: string } | null }> }>, corrections: Array<{ kind: CorrectionKind, createdAt: string, note: string, previousText: string | null, newText: string | null, previousVerdict: Verdict | null, newVerdict: Verdict | null }> } | null, ratingScale: Array<{ id: string, label: string, verdict: Verdict }> };

export type ClaimMergeCandidatesQueryVariables = Exact<{
  text: string;
}>;


export type ClaimMergeCandidatesQuery = { claimMatches: Array<{ score: number, claim: { id: string, text: string, verdict: Verdict | null, article: { id: string, headline: string }, annotations: Array<{ id: string, status: AnnotationStatus }>, appearances: { totalCount: number, edges: Array<{ node:
            | { __typename: 'ArticleAppearance', id: string, article: { id: string, headline: string } }
            | { __typename: 'OutsideAppearance', id: string }
           }> } } }> };

export type ClaimMergeLookupQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimMergeLookupQuery = { claim: { id: string, text: string, verdict: Verdict | null, article: { id: string, headline: string }, annotations: Array<{ id: string, status: AnnotationStatus }>, appearances: { totalCount: number, edges: Array<{ node:
          | { __typename: 'ArticleAppearance', id: string, article: { id: string, headline: string } }
          | { __typename: 'OutsideAppearance', id: string }
         }> } } | null };

export type ClaimMergeSideFragment = { id: string, text: string, verdict: Verdict | null, article: { id: string, headline: string }, annotations: Array<{ id: string, status: AnnotationStatus }>, appearances: { totalCount: number, edges: Array<{ node:
        | { __typename: 'ArticleAppearance', id: string, article: { id: string, headline: string } }
        | { __typename: 'OutsideAppearance', id: string }
       }> } };

export type ClaimCreateFactCheckMutationVariables = Exact<{
  input: CreateAnnotationInput;
}>;


export type ClaimCreateFactCheckMutation = { createAnnotation: { id: string } };

export type ClaimMergeMutationVariables = Exact<{
  input: MergeClaimsInput;
}>;


export type ClaimMergeMutation = { mergeClaims: { id: string, text: string } };

export type ClaimConfirmAnchorMutationVariables = Exact<{
  input: ConfirmClaimAnchorInput;
}>;


export type ClaimConfirmAnchorMutation = { confirmClaimAnchor: { id: string } };

export type ClaimReattachMutationVariables = Exact<{
  input: ReattachClaimInput;
}>;


export type ClaimReattachMutation = { reattachClaim: { id: string } };

export type QueueViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type QueueViewerQuery = { viewer: { id: string, name: string } | null };

export const ClaimMergeSideFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClaimMergeSide"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Claim"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appearances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleAppearance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClaimMergeSideFragment, unknown>;
export const ArticleAddAppearanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArticleAddAppearance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddClaimAppearanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addClaimAppearance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleAppearance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticleAddAppearanceMutation, ArticleAddAppearanceMutationVariables>;
export const ArticleForWorkbenchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticleForWorkbench"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"standfirst"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"appearances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"anchorStatus"}},{"kind":"Field","name":{"kind":"Name","value":"anchorScore"}},{"kind":"Field","name":{"kind":"Name","value":"verdictStale"}},{"kind":"Field","name":{"kind":"Name","value":"selector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedClaims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticleForWorkbenchQuery, ArticleForWorkbenchQueryVariables>;
export const ArticleClaimMatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticleClaimMatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimMatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticleClaimMatchesQuery, ArticleClaimMatchesQueryVariables>;
export const ArticleClaimantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticleClaimants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticleClaimantsQuery, ArticleClaimantsQueryVariables>;
export const ArticleCreateClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArticleCreateClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClaimInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClaim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<ArticleCreateClaimMutation, ArticleCreateClaimMutationVariables>;
export const ArticleDismissSuggestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArticleDismissSuggestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DismissClaimSuggestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissClaimSuggestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ArticleDismissSuggestionMutation, ArticleDismissSuggestionMutationVariables>;
export const ArticlesForWorkbenchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticlesForWorkbench"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimCount"}},{"kind":"Field","name":{"kind":"Name","value":"section"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticlesForWorkbenchQuery, ArticlesForWorkbenchQueryVariables>;
export const ClaimForWorkbenchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClaimForWorkbench"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictStale"}},{"kind":"Field","name":{"kind":"Name","value":"claimant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appearances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleAppearance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"anchorStatus"}},{"kind":"Field","name":{"kind":"Name","value":"anchorScore"}},{"kind":"Field","name":{"kind":"Name","value":"verdictStale"}},{"kind":"Field","name":{"kind":"Name","value":"checkedRevision"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutsideAppearance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"appearedAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"previousText"}},{"kind":"Field","name":{"kind":"Name","value":"newText"}},{"kind":"Field","name":{"kind":"Name","value":"previousVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"newVerdict"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratingScale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}}]}}]} as unknown as DocumentNode<ClaimForWorkbenchQuery, ClaimForWorkbenchQueryVariables>;
export const ClaimMergeCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClaimMergeCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimMatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClaimMergeSide"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClaimMergeSide"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Claim"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appearances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleAppearance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClaimMergeCandidatesQuery, ClaimMergeCandidatesQueryVariables>;
export const ClaimMergeLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClaimMergeLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClaimMergeSide"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClaimMergeSide"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Claim"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appearances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleAppearance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClaimMergeLookupQuery, ClaimMergeLookupQueryVariables>;
export const ClaimCreateFactCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimCreateFactCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAnnotationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ClaimCreateFactCheckMutation, ClaimCreateFactCheckMutationVariables>;
export const ClaimMergeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimMerge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MergeClaimsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeClaims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<ClaimMergeMutation, ClaimMergeMutationVariables>;
export const ClaimConfirmAnchorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimConfirmAnchor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmClaimAnchorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmClaimAnchor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ClaimConfirmAnchorMutation, ClaimConfirmAnchorMutationVariables>;
export const ClaimReattachDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimReattach"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReattachClaimInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reattachClaim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ClaimReattachMutation, ClaimReattachMutationVariables>;
export const QueueViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QueueViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<QueueViewerQuery, QueueViewerQueryVariables>;