import { graphql } from '../gql';

/** How the editor reads: always from the service, since another person may have saved meanwhile. */
export const READ = { requestPolicy: 'network-only' } as const;

/** The fact-check editor's operations (prefix FactCheckEditor: codegen refuses duplicate names). */

export const FactCheckEditorFields = graphql(`
  fragment FactCheckEditorFields on Annotation {
    id
    status
    version
    summary
    body
    verdict
    updatedAt
    publishedAt
    retractedAt
    retractionReason
    reviewComment
    rating {
      label
      colour
      description
      imported
    }
    author {
      id
      name
    }
    claim {
      id
      text
      quote
      article {
        id
        headline
      }
    }
    citations {
      excerpt
      stance
      source {
        id
        url
        title
        kind
      }
    }
  }
`);

export const FactCheckEditorQuery = graphql(`
  query FactCheckEditor($id: ID!) {
    annotation(id: $id) {
      ...FactCheckEditorFields
    }
    ratingScale {
      id
      label
      description
      verdict
      colour
      position
    }
  }
`);

export const FactCheckEditorSave = graphql(`
  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {
    updateAnnotation(input: $input) {
      ...FactCheckEditorFields
    }
  }
`);

export const FactCheckEditorSubmit = graphql(`
  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {
    submitAnnotation(input: $input) {
      ...FactCheckEditorFields
    }
  }
`);

/** Sources a page at a time: the API has no lookup by url, so a pasted url is found among them. */
export const FactCheckEditorSources = graphql(`
  query FactCheckEditorSources($after: String) {
    sources(first: 100, after: $after) {
      edges {
        node {
          id
          url
          title
          kind
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
