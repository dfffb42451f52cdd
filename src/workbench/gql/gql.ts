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
    "\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n": typeof types.FactCheckEditorFieldsFragmentDoc,
    "\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n": typeof types.FactCheckEditorDocument,
    "\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": typeof types.FactCheckEditorSaveDocument,
    "\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": typeof types.FactCheckEditorSubmitDocument,
    "\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FactCheckEditorSourcesDocument,
    "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": typeof types.QueueViewerDocument,
};
const documents: Documents = {
    "\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n": types.FactCheckEditorFieldsFragmentDoc,
    "\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n": types.FactCheckEditorDocument,
    "\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": types.FactCheckEditorSaveDocument,
    "\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": types.FactCheckEditorSubmitDocument,
    "\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FactCheckEditorSourcesDocument,
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
export function graphql(source: "\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n"): (typeof documents)["\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"): (typeof documents)["\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"): (typeof documents)["\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;