import { DEMO_ARTICLE_SLUG } from '../../modules/dataset/demo-dataset';

/** The query the playground opens with: the demo article, its claims, fact-checks and sources. */
export const EXAMPLE_ARTICLE_QUERY = `# factline: articles with claim-level fact-checks.
# Press the run button (or Ctrl-Enter). Open "Docs" for the whole schema.
query DemoArticle($slug: String!) {
  article(slug: $slug) {
    headline
    authors
    publishedAt
    claimCount
    verdictSummary { verdict count }
    claims {
      quote
      claimant
      verdict
      selector { start end }
      annotations {
        verdict
        rating { value best worst label }
        summary
        body
        author { name }
        publishedAt
        citations {
          stance
          excerpt
          source { title publisher url publishedAt kind }
        }
      }
    }
  }
}
`;

export const EXAMPLE_ARTICLE_VARIABLES = JSON.stringify({ slug: DEMO_ARTICLE_SLUG }, null, 2);

export const EXAMPLE_LIST_QUERY = `# Articles, newest first, paged with cursors.
query Articles($after: String) {
  articles(first: 10, after: $after) {
    totalCount
    edges {
      cursor
      node { id slug headline publishedAt claimCount verdictSummary { verdict count } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
