// Scenario `articleList`: the article list a front page or section page shows (20 articles with
// headline, claim count and verdict summary), read-only: both servers share one file. Half the
// requests ask for the first page, half for pages spread through the list, with `after`
// cursors the service itself hands out (check() walks the list to prove it).
import Database from 'better-sqlite3';
import { articleListCursor } from '../raw-server.mjs';
import { assertSameJson, postGraphql, short } from '../support.mjs';

const PAGE_SIZE = 20;
/** Deep pages in the load rotation, evenly spaced (fewer when the list is shorter). */
const DEEP_PAGES = 20;

const ARTICLE_LIST_QUERY = `query BenchArticleList($first: Int, $after: String) {
  articles(first: $first, after: $after) {
    edges { node { id slug headline publishedAt claimCount verdictSummary { verdict count } } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/**
 * The `after` cursor of every page past the first, in the service's order (newest first, id
 * as tie-breaker) over what anonymous readers see: published articles only.
 */
function readPages(file) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        "SELECT id, published_at FROM articles WHERE status = 'PUBLISHED' AND published_at IS NOT NULL ORDER BY published_at DESC, id DESC",
      )
      .all();
    const cursors = [];
    for (let end = PAGE_SIZE; end < rows.length; end += PAGE_SIZE)
      cursors.push(articleListCursor(rows[end - 1].published_at, rows[end - 1].id));
    if (!cursors.length) throw new Error(`articleList: ${rows.length} published articles make no second page`);
    const step = Math.max(1, cursors.length / DEEP_PAGES);
    const deep = Array.from({ length: Math.min(DEEP_PAGES, cursors.length) }, (_, i) => cursors[Math.floor(i * step)]);
    return { articles: rows.length, cursors, deep };
  } finally {
    db.close();
  }
}

async function bothAnswer(targets, variables) {
  const [raw, graphql] = await Promise.all([
    postGraphql(targets.raw.url, ARTICLE_LIST_QUERY, variables),
    postGraphql(targets.graphql.url, ARTICLE_LIST_QUERY, variables),
  ]);
  const label = `articleList ${short(variables, 80)}`;
  for (const [name, r] of [
    ['raw', raw],
    ['graphql', graphql],
  ]) {
    if (r.status !== 200) throw new Error(`${label}: ${name} answered HTTP ${r.status}: ${short(r.text, 500)}`);
  }
  const expected = JSON.parse(raw.text);
  const actual = JSON.parse(graphql.text);
  assertSameJson(label, expected, actual);
  // Deep-equal but serialised differently means the field order differs from the query's.
  if (JSON.stringify(expected) !== JSON.stringify(actual))
    console.warn(`warning: ${label}: same values, different field order`);
  if (!actual.data?.articles) throw new Error(`${label}: both servers answered ${short(actual, 200)}`);
  return actual.data.articles;
}

export const articleListScenario = {
  name: 'articleList',
  description: 'articles(first: 20, after): headline, claimCount, verdictSummary; first page and deep pages',
  prepare: (env) => readPages(env.work),
  bodies: (ctx) => {
    const first = JSON.stringify({ query: ARTICLE_LIST_QUERY, variables: { first: PAGE_SIZE } });
    return ctx.deep.flatMap((after) => [
      first,
      JSON.stringify({ query: ARTICLE_LIST_QUERY, variables: { first: PAGE_SIZE, after } }),
    ]);
  },

  /**
   * Walks the whole list by the service's endCursors, both targets answering every page with
   * the same JSON; the cursors the load sends must be the ones the service handed out. Then a
   * few other page sizes. Throws with a diff otherwise.
   */
  async check(ctx, targets) {
    let after = null;
    let pages = 0;
    let articles = 0;
    for (;;) {
      const variables = after === null ? { first: PAGE_SIZE } : { first: PAGE_SIZE, after };
      const { edges, pageInfo } = await bothAnswer(targets, variables);
      pages += 1;
      articles += edges.length;
      if (!pageInfo.hasNextPage) break;
      if (edges.length !== PAGE_SIZE)
        throw new Error(`articleList: page ${pages} has ${edges.length} articles and a next page`);
      if (pageInfo.endCursor !== ctx.cursors[pages - 1])
        throw new Error(
          `articleList: page ${pages} ends at cursor ${pageInfo.endCursor}, the load would send ${ctx.cursors[pages - 1]}`,
        );
      after = pageInfo.endCursor;
    }
    // Drafts hidden, nothing skipped or repeated: as many articles as readers may see.
    if (articles !== ctx.articles || pages !== ctx.cursors.length + 1) {
      throw new Error(
        `articleList: walked ${articles} articles on ${pages} pages, expected ${ctx.articles} on ${ctx.cursors.length + 1}`,
      );
    }
    // Page boundaries other than the load's, an empty page and the largest page allowed.
    const middle = ctx.cursors[Math.floor(ctx.cursors.length / 2)];
    const others = [{ first: 7, after: middle }, { first: 0 }, { first: 100, after: ctx.cursors[0] }];
    for (const variables of others) await bothAnswer(targets, variables);
    return `raw and graphql responses identical on all ${pages} pages of ${articles} articles and ${others.length} other page sizes`;
  },
};

/** Pages compared in the lighter check of the variants below: the first, the ones loaded, the last. */
async function checkPages(ctx, targets, cursors) {
  await bothAnswer(targets, { first: PAGE_SIZE });
  for (const after of [...cursors, ctx.cursors.at(-1)]) await bothAnswer(targets, { first: PAGE_SIZE, after });
  return `raw and graphql responses identical on ${cursors.length + 2} pages`;
}

/** Only the first page (the scale bench compares it across dataset sizes). */
export const articleListFirstScenario = {
  ...articleListScenario,
  name: 'articleListFirst',
  description: 'articles(first: 20): the first page',
  bodies: () => [JSON.stringify({ query: ARTICLE_LIST_QUERY, variables: { first: PAGE_SIZE } })],
  check: (ctx, targets) => checkPages(ctx, targets, []),
};

/** Only the last 20 pages: keyset pagination must make them cost what the first does. */
export const articleListDeepScenario = {
  ...articleListScenario,
  name: 'articleListDeep',
  description: 'articles(first: 20, after): the 20 deepest pages',
  bodies: (ctx) =>
    ctx.cursors
      .slice(-DEEP_PAGES)
      .map((after) => JSON.stringify({ query: ARTICLE_LIST_QUERY, variables: { first: PAGE_SIZE, after } })),
  check: (ctx, targets) => checkPages(ctx, targets, ctx.cursors.slice(-DEEP_PAGES)),
};
