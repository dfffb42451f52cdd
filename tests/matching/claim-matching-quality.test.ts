import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG, readDemoDataset } from '../../src/modules/dataset/demo-dataset';
import { startTestServer, type TestServer } from '../helpers/test-app';

/**
 * The quality of claimMatches, measured on the labelled set tests/fixtures/claim-matching.json
 * through the real GraphQL API on the demo data: each case's text either restates one of the
 * demo article's claims (it must be the best match, above the threshold) or none of them
 * (nothing above the threshold). The floors are the figures the README reports ("Claim
 * matching"); a change that lowers any of them fails here.
 */
const FLOORS = { precision: 1, recall: 0.975, top1: 0.985 };

interface Case {
  text: string;
  claim: number | null;
  kind: string;
}

const CASES = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'claim-matching.json'), 'utf8')) as {
    cases: Case[];
  }
).cases;

describe('claim matching quality', () => {
  let server: TestServer;
  let claimIds: string[];

  beforeAll(async () => {
    server = await startTestServer();
    const article = await server.gql<{ article: { claims: { id: string; quote: string }[] } }>(
      'query($slug: String!) { article(slug: $slug) { claims { id quote } } }',
      { slug: DEMO_ARTICLE_SLUG },
    );
    // The cases number the claims as the demo dataset lists them (the API gives them in text order).
    const byQuote = new Map(article.data!.article.claims.map((claim) => [claim.quote, claim.id]));
    const demo = readDemoDataset().articles.find((a) => a.slug === DEMO_ARTICLE_SLUG)!;
    claimIds = demo.claims.map((claim) => byQuote.get(claim.quote)!);
  });
  afterAll(() => server.close());

  it('has at least 60 labelled cases, both kinds, over all 12 claims', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.filter((c) => c.claim !== null).map((c) => c.claim)).size).toBe(12);
    expect(CASES.filter((c) => c.claim === null).length).toBeGreaterThanOrEqual(20);
    expect(claimIds).toHaveLength(12);
  });

  it('meets its precision, recall and top-1 floors', async () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let top1 = 0;
    const misses: string[] = [];
    for (const c of CASES) {
      const result = await server.gql<{ claimMatches: { score: number; claim: { id: string } }[] }>(
        'query($text: String!) { claimMatches(text: $text, first: 3) { score claim { id } } }',
        { text: c.text },
      );
      expect(result.errors).toBeUndefined();
      const matches = result.data!.claimMatches;
      for (const match of matches) expect(match.score).toBeGreaterThan(0);
      const expected = c.claim === null ? null : claimIds[c.claim - 1];
      const best = matches[0]?.claim.id ?? null;
      // At the threshold: every answer is a claimed match; it is right when it is the labelled claim.
      for (const match of matches) {
        if (match.claim.id === expected) truePositives += 1;
        else falsePositives += 1;
      }
      if (expected !== null && !matches.some((match) => match.claim.id === expected)) falseNegatives += 1;
      if (best === expected) top1 += 1;
      else misses.push(`${c.claim ?? '-'} (${c.kind}): ${c.text} -> ${JSON.stringify(matches)}`);
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives);
    const accuracy = top1 / CASES.length;
    console.log(
      `claim matching: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, top-1 ${accuracy.toFixed(3)} over ${CASES.length} cases\n${misses.join('\n')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(accuracy).toBeGreaterThanOrEqual(FLOORS.top1);
  });
});
