import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../src/db/identifiers';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { connectLive, type LiveClient, liveSubscriptions } from '../helpers/live-client';
import { gql, killLeftoverServices, type ServiceProcess, startService } from '../helpers/service-process';
import { TEST_DATABASE_URL } from '../helpers/test-app';

const ON_PUBLISH = 'subscription($a: ID!) { annotationPublished(articleId: $a) { id verdict status } }';
const ON_VERDICT = 'subscription($a: ID!) { claimVerdictChanged(articleId: $a) { id verdict } }';

/**
 * Two service processes on different ports over one PostgreSQL schema, as replicas behind a
 * load balancer: what one commits, subscribers of the other hear (LISTEN/NOTIFY).
 */
describe.runIf(TEST_DATABASE_URL)('two replicas over one PostgreSQL database', () => {
  const url = TEST_DATABASE_URL!;
  const schema = `replicas_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let reviewer: string;
  let editor: string;
  let article: { id: string; claims: { id: string }[] };
  const clients: LiveClient[] = [];
  const live = (service: ServiceProcess) => {
    const client = connectLive({ graphqlUrl: `${service.url}/graphql`, metricsUrl: `${service.url}/metrics` });
    clients.push(client);
    return client;
  };

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  const env = (seed: boolean) => ({
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    SEED_DEMO: seed ? '1' : '0',
    NODE_ENV: 'test',
    RATE_LIMIT_MUTATIONS: '0',
  });

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
    // A migrates and seeds the demo data; B starts on the database as A left it.
    a = await startService(env(true));
    b = await startService(env(false));
    const token = async (role: string) => {
      for (let waited = 0; waited < 5_000; waited += 50) {
        const match = new RegExp(`\\(${role}\\):\\s+\\{"Authorization": "Bearer (fl_[\\w-]+)"\\}`).exec(a.output());
        if (match) return match[1];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no ${role} token in:\n${a.output()}`);
    };
    reviewer = await token('REVIEWER');
    editor = await token('EDITOR');
    article = (
      await gql<{ article: typeof article }>(b, `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id claims { id } } }`)
    ).data!.article;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    for (const service of [a, b]) if (service) await service.stop();
    await killLeftoverServices();
    await admin(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  });

  const ok = async <T>(
    service: ServiceProcess,
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> => {
    const result = await gql<T>(service, query, variables, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };

  const publishThrough = async (service: ServiceProcess, claimId: string): Promise<string> => {
    const { createAnnotation } = await ok<{ createAnnotation: { id: string } }>(
      service,
      'mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: FALSE, summary: "Across replicas.", body: "Published on one, heard on the other.", citations: [{ source: { url: "https://example.org/evidence", title: "Evidence", kind: OTHER }, stance: SUPPORTS, excerpt: "evidence" }] }) { id } }',
      { c: claimId },
      reviewer,
    );
    await ok(
      service,
      'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }',
      { id: createAnnotation.id },
      reviewer,
    );
    await ok(
      service,
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
      { id: createAnnotation.id },
      editor,
    );
    return createAnnotation.id;
  };

  it('a subscriber on replica B hears, within a second, a fact-check published through replica A', async () => {
    const onB = await live(b).subscribe<{ annotationPublished: { id: string; verdict: string; status: string } }>(
      ON_PUBLISH,
      { a: article.id },
    );
    const verdictsOnB = await live(b).subscribe<{ claimVerdictChanged: { id: string; verdict: string } }>(ON_VERDICT, {
      a: article.id,
    });
    const onA = await live(a).subscribe<{ annotationPublished: { id: string; verdict: string; status: string } }>(
      ON_PUBLISH,
      { a: article.id },
    );
    const id = await publishThrough(a, article.claims[3].id);
    const [heard] = await onB.waitFor(1, 1_000);
    expect(heard.data).toEqual({ annotationPublished: { id, verdict: 'FALSE', status: 'PUBLISHED' } });
    expect((await verdictsOnB.waitFor(1, 1_000))[0].data).toEqual({
      claimVerdictChanged: { id: article.claims[3].id, verdict: 'FALSE' },
    });
    // The replica that wrote hears it too, once.
    expect((await onA.waitFor(1, 1_000)).map((result) => result.data?.annotationPublished.id)).toEqual([id]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onB.results).toHaveLength(1);
    expect(onA.results).toHaveLength(1);
  });

  it('a subscriber that disconnects and reconnects crashes neither replica and hears what comes next', async () => {
    const first = live(b);
    await first.subscribe(ON_PUBLISH, { a: article.id });
    const before = await liveSubscriptions({ graphqlUrl: '', metricsUrl: `${b.url}/metrics` });
    // Gone without a goodbye, mid-subscription.
    first.client.terminate();
    for (
      let waited = 0;
      waited < 3_000 && (await liveSubscriptions({ graphqlUrl: '', metricsUrl: `${b.url}/metrics` })) >= before;
      waited += 20
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await live(b).subscribe<{ annotationPublished: { id: string; verdict: string; status: string } }>(
      ON_PUBLISH,
      { a: article.id },
    );
    const id = await publishThrough(a, article.claims[4].id);
    expect((await again.waitFor(1, 1_000))[0].data).toEqual({
      annotationPublished: { id, verdict: 'FALSE', status: 'PUBLISHED' },
    });
    for (const service of [a, b]) {
      expect(service.child.exitCode).toBeNull();
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    }
  });
});
