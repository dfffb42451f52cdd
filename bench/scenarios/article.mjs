// Scenario `article`: the article page query (claims, fact-checks, ratings, authors, citations,
// sources) on 200 articles spread over the dataset, read-only: both servers share one file.
import Database from 'better-sqlite3';
import { assertSameJson, postGraphql, short } from '../support.mjs';

const ARTICLE_QUERY = `query BenchArticle($slug: String!) {
  article(slug: $slug) {
    id slug headline standfirst authors section language publishedAt
    claims {
      id quote claimant { name } verdict
      selector { exact prefix suffix start end }
      annotations {
        id verdict summary body version publishedAt
        rating { value best worst label }
        author { name }
        citations { stance excerpt source { id url title publisher kind publishedAt } }
      }
    }
  }
}`;

/** Every published slug in id order, 200 of them evenly spaced for the load rotation, and the unpublished ones. */
function readSlugs(file) {
  const db = new Database(file, { readonly: true });
  try {
    const allSlugs = db.prepare("SELECT slug FROM articles WHERE status = 'PUBLISHED' ORDER BY id").pluck().all();
    const step = Math.max(1, Math.floor(allSlugs.length / 200));
    const hiddenSlugs = db.prepare("SELECT slug FROM articles WHERE status <> 'PUBLISHED' ORDER BY id").pluck().all();
    // Published articles with a retracted fact-check (shown, newest first) and a draft (hidden).
    const withUnpublishedAnnotations = db
      .prepare(
        "SELECT DISTINCT a.slug FROM articles a JOIN claims c ON c.article_id = a.id JOIN annotations n ON n.claim_id = c.id WHERE a.status = 'PUBLISHED' AND n.status <> 'PUBLISHED' ORDER BY a.id LIMIT 2",
      )
      .pluck()
      .all();
    return {
      allSlugs,
      hiddenSlugs,
      withUnpublishedAnnotations,
      slugs: allSlugs.filter((_, i) => i % step === 0).slice(0, 200),
    };
  } finally {
    db.close();
  }
}

function samples(ctx) {
  return [
    ...ctx.slugs.filter((_, i) => i % Math.ceil(ctx.slugs.length / 8) === 0).map((slug) => ({ variables: { slug } })),
    { variables: { slug: ctx.allSlugs.at(-1) } },
    ...ctx.withUnpublishedAnnotations.map((slug) => ({ variables: { slug } })),
    ...[ctx.hiddenSlugs[0], 'bench-no-such-article']
      .filter(Boolean)
      .map((slug) => ({ variables: { slug }, absent: true })),
  ];
}

export const articleScenario = {
  name: 'article',
  description: 'article(slug): claims, fact-checks, ratings, authors, citations, sources',
  prepare: (env) => readSlugs(env.work),
  // 200 different articles spread over the dataset, so no single row stays hot.
  bodies: (ctx) => ctx.slugs.map((slug) => JSON.stringify({ query: ARTICLE_QUERY, variables: { slug } })),

  /** Both targets must return the same JSON (after parsing) for every sample; throws with a diff otherwise. */
  async check(ctx, targets) {
    const list = samples(ctx);
    for (const sample of list) {
      const [raw, graphql] = await Promise.all([
        postGraphql(targets.raw.url, ARTICLE_QUERY, sample.variables),
        postGraphql(targets.graphql.url, ARTICLE_QUERY, sample.variables),
      ]);
      const label = `article ${JSON.stringify(sample.variables)}`;
      for (const [name, r] of [
        ['raw', raw],
        ['graphql', graphql],
      ]) {
        if (r.status !== 200) throw new Error(`${label}: ${name} answered HTTP ${r.status}: ${short(r.text, 500)}`);
      }
      const expected = JSON.parse(raw.text);
      const actual = JSON.parse(graphql.text);
      assertSameJson(label, expected, actual);
      // Both servers answering null would prove nothing: published articles must be found, and
      // drafts and unknown slugs must not.
      const found = sample.absent
        ? actual.data?.article === null
        : actual.data?.article?.slug === sample.variables.slug;
      if (!found)
        throw new Error(
          `${label}: both servers answered ${short(actual, 200)}: expected ${sample.absent ? 'null' : 'the article'}`,
        );
      // Deep-equal but serialised differently means the field order differs from the query's.
      if (JSON.stringify(expected) !== JSON.stringify(actual))
        console.warn(`warning: ${label}: same values, different field order`);
    }
    return `raw and graphql responses identical on ${list.length} samples`;
  },
};

/**
 * The same anonymous article reads with the service's response cache on (src/http/response-cache.ts),
 * against the same uncached raw baseline: what readers' apps get for published content.
 */
export const articleCachedScenario = {
  ...articleScenario,
  name: 'articleCached',
  description: 'article(slug), anonymous, from the response cache (raw baseline uncached)',
  serviceEnv: { RESPONSE_CACHE_MB: '64' },
};
