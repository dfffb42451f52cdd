import { toGlobalId } from '../../graphql/relay/global-id';
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
      claimant { name slug }
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

export const EXAMPLE_REVIEW_MUTATIONS = `# Reviewers write fact-checks; editors publish them. Sign in with an API token:
# open the Headers tab below and paste  {"Authorization": "Bearer fl_..."}
# The first \`npm start\` printed tokens for a demo reviewer and a demo editor;
# \`npm run token -- create --name "Ana" --role reviewer\` makes more.
#
# 1. As the reviewer, run WriteFactCheck: a DRAFT. 2. Run Submit with its id and version.
# 3. With the editor's token, run Publish. Retract and updateAnnotation work the same way.

mutation WriteFactCheck($claimId: ID!) {
  createAnnotation(input: {
    claimId: $claimId
    verdict: FALSE
    summary: "The call was on Tuesday 13 April 2021, not 14 April."
    body: "The White House and the Kremlin both dated the call to 13 April 2021, a Tuesday."
    citations: [{
      source: { url: "https://tass.com/world/1277567", title: "Readout of the Biden-Putin call", publisher: "TASS", kind: NEWS_REPORT }
      stance: REFUTES
      excerpt: "The call took place on 13 April 2021."
    }]
  }) { id status version claim { quote } }
}

mutation Submit($id: ID!, $version: Int) {
  submitAnnotation(input: { id: $id, expectedVersion: $version }) { id status version }
}

mutation Publish($id: ID!, $version: Int!) {
  publishAnnotation(input: { id: $id, expectedVersion: $version }) { id status publishedAt claim { verdict } }
}
`;

export const EXAMPLE_REVIEW_VARIABLES = JSON.stringify(
  { claimId: toGlobalId('Claim', 1), id: 'paste the id returned by WriteFactCheck', version: 1 },
  null,
  2,
);

export const EXAMPLE_REVIEW_HEADERS = JSON.stringify({ Authorization: 'Bearer paste-a-token-here' }, null, 2);

export const EXAMPLE_LIVE_SUBSCRIPTION = `# Live updates, over WebSocket. Run this, then publish a
# fact-check on the demo article (the WriteFactCheck tab).
# Each one shows up here as an editor publishes it.
# claimVerdictChanged(articleId) follows verdicts alike.
# Anonymous: published articles only; a token in the
# Headers tab shows what its account may see.
subscription LiveFactChecks($articleId: ID!) {
  annotationPublished(articleId: $articleId) {
    id
    verdict
    summary
    author { name }
    claim { quote verdict }
  }
}
`;

/** The demo article is the first one a fresh database holds. */
export const EXAMPLE_LIVE_VARIABLES = JSON.stringify({ articleId: toGlobalId('Article', 1) }, null, 2);
