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
    "\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n": typeof types.QueueFactCheckFieldsFragmentDoc,
    "\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n": typeof types.QueueFactChecksDocument,
    "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n": typeof types.QueueClaimFieldsFragmentDoc,
    "\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n": typeof types.QueueStaleVerdictsDocument,
    "\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueueLostAnchorsDocument,
    "\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueueSuggestionsDocument,
    "\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n": typeof types.QueueEventsDocument,
    "\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReviewFactCheckDocument,
    "\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.ReviewPublishDocument,
    "\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n": typeof types.ReviewReturnDocument,
    "\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n": typeof types.ReviewRetractDocument,
};
const documents: Documents = {
    "\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n": types.QueueFactCheckFieldsFragmentDoc,
    "\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n": types.QueueFactChecksDocument,
    "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n": types.QueueClaimFieldsFragmentDoc,
    "\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n": types.QueueStaleVerdictsDocument,
    "\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueueLostAnchorsDocument,
    "\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueueSuggestionsDocument,
    "\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n": types.QueueEventsDocument,
    "\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n": types.ReviewFactCheckDocument,
    "\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.ReviewPublishDocument,
    "\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n": types.ReviewReturnDocument,
    "\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n": types.ReviewRetractDocument,
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
export function graphql(source: "\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n"): (typeof documents)["\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n"): (typeof documents)["\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;