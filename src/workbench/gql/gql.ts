/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.ArticleAddAppearanceDocument,
    "\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArticleForWorkbenchDocument,
    "\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        id\n        text\n        verdict\n        article {\n          id\n          headline\n        }\n        annotations {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.ArticleClaimMatchesDocument,
    "\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ArticleClaimantsDocument,
    "\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n": typeof types.ArticleCreateClaimDocument,
    "\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n": typeof types.ArticleDismissSuggestionDocument,
    "\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n": typeof types.ArticlesForWorkbenchDocument,
    "\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n": typeof types.ClaimForWorkbenchDocument,
    "\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n": typeof types.ClaimMergeCandidatesDocument,
    "\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n": typeof types.ClaimMergeLookupDocument,
    "\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClaimMergeSideFragmentDoc,
    "\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n": typeof types.ClaimCreateFactCheckDocument,
    "\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n": typeof types.ClaimMergeDocument,
    "\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n": typeof types.ClaimConfirmAnchorDocument,
    "\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n": typeof types.ClaimReattachDocument,
    "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": typeof types.QueueViewerDocument,
};
const documents: Documents = {
    "\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.ArticleAddAppearanceDocument,
    "\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": types.ArticleForWorkbenchDocument,
    "\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        id\n        text\n        verdict\n        article {\n          id\n          headline\n        }\n        annotations {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.ArticleClaimMatchesDocument,
    "\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ArticleClaimantsDocument,
    "\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n": types.ArticleCreateClaimDocument,
    "\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n": types.ArticleDismissSuggestionDocument,
    "\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n": types.ArticlesForWorkbenchDocument,
    "\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n": types.ClaimForWorkbenchDocument,
    "\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n": types.ClaimMergeCandidatesDocument,
    "\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n": types.ClaimMergeLookupDocument,
    "\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ClaimMergeSideFragmentDoc,
    "\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n": types.ClaimCreateFactCheckDocument,
    "\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n": types.ClaimMergeDocument,
    "\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n": types.ClaimConfirmAnchorDocument,
    "\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n": types.ClaimReattachDocument,
    "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": types.QueueViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        id\n        text\n        verdict\n        article {\n          id\n          headline\n        }\n        annotations {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        id\n        text\n        verdict\n        article {\n          id\n          headline\n        }\n        annotations {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n"): (typeof documents)["\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n"): (typeof documents)["\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n"): (typeof documents)["\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;