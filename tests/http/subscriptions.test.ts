import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../../src/http/websocket';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { buildDataset } from '../helpers/factories';
import { connectLive, type LiveClient } from '../helpers/live-client';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const ON_PUBLISH =
  'subscription($a: ID!) { annotationPublished(articleId: $a) { id verdict summary status author { name } citations { source { url } } } }';
const ON_VERDICT =
  'subscription($a: ID!) { claimVerdictChanged(articleId: $a) { id verdict annotations { id status } } }';
const DRAFT_SLUG = 'draft-story';

interface Published {
  annotationPublished: {
    id: string;
    verdict: string;
    summary: string;
    status: string;
    author: { name: string };
    citations: { source: { url: string } }[];
  };
}
interface VerdictChanged {
  claimVerdictChanged: { id: string; verdict: string | null; annotations: { id: string; status: string }[] };
}

describe('live updates over WebSocket (graphql-ws)', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let article: { id: string; claims: { id: string; verdict: string | null }[] };
  let draft: { id: string; claims: { id: string }[] };
  const clients: LiveClient[] = [];
  const live = (token?: string) => {
    const client = connectLive(server, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ dataset: buildDataset([{ slug: DRAFT_SLUG, status: 'DRAFT', claims: 2 }]) });
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    otherEditor = await server.signIn(Role.EDITOR);
    article = (
      await server.gql<{ article: typeof article }>(
        `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id claims { id verdict } } }`,
      )
    ).data!.article;
    draft = (
      await server.gql<{ article: typeof draft }>(
        `{ article(slug: "${DRAFT_SLUG}") { id claims { id } } }`,
        {},
        editor.token,
      )
    ).data!.article;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server.close();
  });

  const ok = async <T>(query: string, variables: Record<string, unknown>, who: SignedIn): Promise<T> => {
    const result = await server.gql<T>(query, variables, who.token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  /** A fact-check written by `author`, submitted, and published by `publisher`: its id. */
  const publishNew = async (
    claimId: string,
    verdict: string,
    author: SignedIn,
    publisher: SignedIn,
  ): Promise<string> => {
    const { createAnnotation } = await ok<{ createAnnotation: { id: string } }>(
      `mutation($c: ID!, $v: Verdict!) { createAnnotation(input: { claimId: $c, verdict: $v, summary: "Live check.", body: "Checked live.", citations: [{ source: { url: "https://example.org/live", title: "Live source", kind: OTHER }, stance: SUPPORTS, excerpt: "live" }] }) { id } }`,
      { c: claimId, v: verdict },
      author,
    );
    await ok('mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }', { id: createAnnotation.id }, author);
    await ok(
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
      { id: createAnnotation.id },
      publisher,
    );
    return createAnnotation.id;
  };

  it('delivers a published fact-check, read as the subscriber sees it, to anonymous and signed-in subscribers', async () => {
    const anonymous = await live().subscribe<Published>(ON_PUBLISH, { a: article.id });
    const signedIn = await live(reviewer.token).subscribe<Published>(ON_PUBLISH, { a: article.id });
    expect(server.db.events.subscriberCount).toBe(2);

    const id = await publishNew(article.claims[0].id, 'MIXED', reviewer, editor);
    for (const stream of [anonymous, signedIn]) {
      const [result] = await stream.waitFor(1);
      expect(result.errors).toBeUndefined();
      expect(result.data!.annotationPublished).toEqual({
        id,
        verdict: 'MIXED',
        summary: 'Live check.',
        status: 'PUBLISHED',
        author: { name: reviewer.viewer.user!.name },
        citations: [{ source: { url: 'https://example.org/live' } }],
      });
    }
    anonymous.dispose();
    signedIn.dispose();
  });

  it('announces a claim whose verdict changes: on publication, on a correction, and on retraction with its fallen-back verdict', async () => {
    const stream = await live().subscribe<VerdictChanged>(ON_VERDICT, { a: article.id });
    const claim = article.claims[1];
    const verdict = claim.verdict === 'FALSE' ? 'TRUE' : 'FALSE';
    const id = await publishNew(claim.id, verdict, reviewer, editor);
    const [published] = await stream.waitFor(1);
    expect(published.data!.claimVerdictChanged.id).toBe(claim.id);
    expect(published.data!.claimVerdictChanged.verdict).toBe(verdict);
    expect(published.data!.claimVerdictChanged.annotations[0]).toEqual({ id, status: 'PUBLISHED' });

    // A correction of the published verdict (version 3 after publication), to one neither
    // it nor the claim had, so that the retraction below changes the claim's verdict again.
    const correction = ['MIXED', 'NEEDS_CONTEXT'].find((v) => v !== claim.verdict)!;
    await ok(
      'mutation($id: ID!, $v: Verdict!) { updateAnnotation(input: { id: $id, expectedVersion: 3, verdict: $v, note: "Read the full speech." }) { id } }',
      { id, v: correction },
      editor,
    );
    const [, corrected] = await stream.waitFor(2);
    expect(corrected.data!.claimVerdictChanged).toMatchObject({ id: claim.id, verdict: correction });

    await ok(
      'mutation($id: ID!) { retractAnnotation(input: { id: $id, reason: "Wrong source." }) { id } }',
      { id },
      editor,
    );
    const [, , retracted] = await stream.waitFor(3);
    expect(retracted.data!.claimVerdictChanged).toMatchObject({ id: claim.id, verdict: claim.verdict });
    stream.dispose();
  });

  it('announces nothing for a write that failed, and nothing for another article', async () => {
    const stream = await live().subscribe<Published>(ON_PUBLISH, { a: article.id });
    const { createAnnotation } = await ok<{ createAnnotation: { id: string } }>(
      `mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: TRUE, summary: "Stale.", body: "Stale.", citations: [{ source: { url: "https://example.org/stale", title: "Stale source", kind: OTHER }, stance: SUPPORTS, excerpt: "stale" }] }) { id } }`,
      { c: article.claims[2].id },
      reviewer,
    );
    await ok(
      'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }',
      { id: createAnnotation.id },
      reviewer,
    );
    // A stale version: refused, rolled back, so never announced.
    const stale = await server.gql(
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 1 }) { id } }',
      { id: createAnnotation.id },
      editor.token,
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Published on the draft article: a subscriber of the demo article hears nothing of it.
    await publishNew(draft.claims[0].id, 'TRUE', editor, otherEditor);
    // Then the real one: the first and only event is this publication.
    await ok(
      'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
      { id: createAnnotation.id },
      editor,
    );
    const results = await stream.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(results.map((r) => r.data!.annotationPublished.id)).toEqual([createAnnotation.id]);
    stream.dispose();
  });

  it('delivers every acknowledged publication exactly once to each subscriber, under concurrent writes', async () => {
    const watchers = [
      await live().subscribe<Published>(ON_PUBLISH, { a: article.id }),
      await live(reviewer.token).subscribe<Published>(ON_PUBLISH, { a: article.id }),
    ];
    const verdicts = await live(editor.token).subscribe<VerdictChanged>(ON_VERDICT, { a: article.id });
    const claims = (
      await server.gql<{ article: typeof article }>(
        `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id claims { id verdict } } }`,
      )
    ).data!.article.claims.slice(0, 10);
    const drafts = await Promise.all(
      claims.map(async (claim) => {
        const { createAnnotation } = await ok<{ createAnnotation: { id: string } }>(
          `mutation($c: ID!) { createAnnotation(input: { claimId: $c, verdict: NEEDS_CONTEXT, summary: "Concurrent.", body: "Concurrent.", citations: [{ source: { url: "https://example.org/evidence", title: "Evidence", kind: OTHER }, stance: SUPPORTS, excerpt: "evidence" }] }) { id } }`,
          { c: claim.id },
          reviewer,
        );
        await ok(
          'mutation($id: ID!) { submitAnnotation(input: { id: $id }) { id } }',
          { id: createAnnotation.id },
          reviewer,
        );
        return createAnnotation.id;
      }),
    );
    // Ten editors' publications at once, each acknowledged before it counts.
    const acknowledged = await Promise.all(
      drafts.map(
        async (id) =>
          (
            await ok<{ publishAnnotation: { id: string } }>(
              'mutation($id: ID!) { publishAnnotation(input: { id: $id, expectedVersion: 2 }) { id } }',
              { id },
              editor,
            )
          ).publishAnnotation.id,
      ),
    );
    for (const stream of watchers) {
      await stream.waitFor(acknowledged.length);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stream.results.map((r) => r.data!.annotationPublished.id).sort()).toEqual([...acknowledged].sort());
    }
    // Every claim moved to NEEDS_CONTEXT unless it was there already: one event per change.
    const changed = claims.filter((claim) => claim.verdict !== 'NEEDS_CONTEXT').map((claim) => claim.id);
    await verdicts.waitFor(changed.length);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(verdicts.results.map((r) => r.data!.claimVerdictChanged.id).sort()).toEqual(changed.sort());
    expect(verdicts.results.every((r) => r.data!.claimVerdictChanged.verdict === 'NEEDS_CONTEXT')).toBe(true);
    for (const stream of [...watchers, verdicts]) stream.dispose();
  });

  it('hides unpublished articles from anonymous subscribers; editors follow them', async () => {
    const refused = await live().subscribe(ON_PUBLISH, { a: draft.id });
    expect(await refused.ended()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'articleId' }) }),
    ]);

    const stream = await live(otherEditor.token).subscribe<Published>(ON_PUBLISH, { a: draft.id });
    const id = await publishNew(draft.claims[1].id, 'MISLEADING', editor, otherEditor);
    const [result] = await stream.waitFor(1);
    expect(result.data!.annotationPublished).toMatchObject({ id, verdict: 'MISLEADING' });
    stream.dispose();
  });

  it('ends the subscriptions of a token revoked while they run, with UNAUTHENTICATED and nothing more', async () => {
    const admin = await server.signIn(Role.ADMIN);
    const { createToken } = await ok<{ createToken: { secret: string; token: { id: string } } }>(
      'mutation($u: ID!) { createToken(input: { userId: $u, label: "newsroom wall" }) { secret token { id } } }',
      { u: toGlobalId('User', otherEditor.userId) },
      admin,
    );
    const stream = await live(createToken.secret).subscribe<Published>(ON_PUBLISH, { a: draft.id });
    const first = await publishNew(draft.claims[0].id, 'MIXED', editor, otherEditor);
    expect((await stream.waitFor(1))[0].data!.annotationPublished.id).toBe(first);

    await ok(
      'mutation($id: ID!) { revokeToken(input: { id: $id }) { revokedAt } }',
      { id: createToken.token.id },
      admin,
    );
    await publishNew(draft.claims[1].id, 'FALSE', editor, otherEditor);
    const errors = await stream.ended();
    expect(stream.results).toHaveLength(2);
    expect(stream.results[1].data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await waitUntil(() => server.db.events.subscriberCount === 0);
  });

  it('refuses a bad token at connection time with 4403, before any operation', async () => {
    await waitUntil(() => server.db.events.subscriberCount === 0);
    for (const token of ['not-a-token', 'fl_0000000000000000000000000000000000000000000']) {
      const client = live(token);
      const stream = await client.subscribe(ON_PUBLISH, { a: article.id });
      expect((await client.closed).code).toBe(4403);
      expect(stream.completed).toBe(true);
    }
    expect(server.db.events.subscriberCount).toBe(0);
  });

  it('answers bad operations with codes, as over HTTP, and keeps the connection', async () => {
    const client = live();
    const cases: [string, Record<string, unknown>, string, string?][] = [
      [ON_PUBLISH, { a: 'not an id' }, 'BAD_USER_INPUT', 'articleId'],
      [ON_PUBLISH, { a: 42 }, 'BAD_USER_INPUT'],
      [ON_PUBLISH, {}, 'BAD_USER_INPUT'],
      ['subscription { annotationPublished(articleId: "x") { nope } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
      ['subscription { annotationPublished(', {}, 'GRAPHQL_PARSE_FAILED'],
      [`{ article(slug: "${DEMO_ARTICLE_SLUG}") { id } }`, {}, 'BAD_REQUEST'],
      ['mutation { revokeToken(input: { id: "x" }) { id } }', {}, 'BAD_REQUEST'],
      [
        `subscription($a: ID!) { annotationPublished(articleId: $a) { ${'claim { article { claims { annotations { '.repeat(4)} id ${'} } } }'.repeat(4)} } }`,
        { a: article.id },
        'QUERY_TOO_DEEP',
      ],
    ];
    for (const [query, variables, code, field] of cases) {
      const stream = await client.subscribe(query, variables);
      const errors = await stream.ended();
      expect(errors?.[0].extensions?.code, `${query} ${JSON.stringify(errors)}`).toBe(code);
      if (field) expect(errors?.[0].extensions?.field).toBe(field);
    }
    // Still connected and serving.
    const stream = await client.subscribe<Published>(ON_PUBLISH, { a: article.id });
    const id = await publishNew(article.claims[3].id, 'TRUE', reviewer, editor);
    expect((await stream.waitFor(1))[0].data!.annotationPublished.id).toBe(id);
    stream.dispose();
  });

  it(`holds at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`, async () => {
    const client = live();
    const streams = [];
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CONNECTION; i += 1)
      streams.push(await client.subscribe(ON_PUBLISH, { a: article.id }));
    expect(streams.every((s) => !s.completed)).toBe(true);
    const refused = await client.subscribe(ON_PUBLISH, { a: article.id });
    expect((await refused.ended())?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      max: MAX_SUBSCRIPTIONS_PER_CONNECTION,
    });
    for (const stream of streams) stream.dispose();
  });

  it('lets go of a subscriber that unsubscribes or vanishes, and keeps serving', async () => {
    await waitUntil(() => server.db.events.subscriberCount === 0);
    const polite = await live().subscribe(ON_PUBLISH, { a: article.id });
    polite.dispose();
    await waitUntil(() => server.db.events.subscriberCount === 0);

    // A client that drops its socket without a word, mid-subscription.
    const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ON_PUBLISH, variables: { a: article.id } } }),
    );
    await waitUntil(() => server.db.events.subscriberCount === 1);
    socket.terminate();
    await waitUntil(() => server.db.events.subscriberCount === 0);

    // A reconnecting subscriber gets the next event.
    const again = await live().subscribe<Published>(ON_PUBLISH, { a: article.id });
    const id = await publishNew(article.claims[4].id, 'TRUE', reviewer, editor);
    expect((await again.waitFor(1))[0].data!.annotationPublished.id).toBe(id);
    again.dispose();
  });

  it('refuses a subscription sent over HTTP with a clear error', async () => {
    const result = await server.gql(ON_PUBLISH, { a: article.id });
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('WebSocket'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('refuses more open connections from one address than LIVE_CONNECTIONS_PER_ADDRESS, with 429 before the handshake', async () => {
    const limited = await startTestServer({ demo: false, config: { liveConnectionsPerAddress: 3 } });
    const url = limited.graphqlUrl.replace(/^http/, 'ws');
    const connect = () =>
      new Promise<WebSocket | number>((resolve, reject) => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('error', reject);
      });
    const admitted = [await connect(), await connect(), await connect()];
    expect(admitted.every((socket) => socket instanceof WebSocket)).toBe(true);
    expect(await connect()).toBe(429);
    // A socket that closes makes room again.
    const first = admitted[0] as WebSocket;
    await new Promise((resolve) => {
      first.once('close', resolve);
      first.close();
    });
    await waitUntil(() => limited.app.live.connections === 2);
    const again = await connect();
    expect(again).toBeInstanceOf(WebSocket);
    for (const socket of [...admitted.slice(1), again]) (socket as WebSocket).terminate();
    await limited.close();
  });

  it('counts connections by the address TRUST_PROXY names, as the rate limits do', async () => {
    const proxied = await startTestServer({ demo: false, config: { liveConnectionsPerAddress: 1, trustProxy: 1 } });
    const connect = (forwardedFor: string) =>
      new Promise<WebSocket | number>((resolve, reject) => {
        const socket = new WebSocket(proxied.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
          headers: { 'x-forwarded-for': forwardedFor },
        });
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('error', reject);
      });
    const first = await connect('203.0.113.7');
    expect(first).toBeInstanceOf(WebSocket);
    expect(await connect('203.0.113.7')).toBe(429);
    const other = await connect('198.51.100.4');
    expect(other).toBeInstanceOf(WebSocket);
    for (const socket of [first, other]) (socket as WebSocket).terminate();
    await proxied.close();
  });

  it('closes a socket that sends a message over the size limit (1009), logging no fault', async () => {
    const socket = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('x'.repeat(1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    expect(server.logger.entries).toEqual([]);
  });

  it('gives no schema hints in production mode', async () => {
    const production = await startTestServer({ production: true, demo: false });
    const client = connectLive(production);
    const stream = await client.subscribe('subscription { annotationPublishd(articleId: "x") { id } }');
    const errors = await stream.ended();
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toBe('Cannot query field "annotationPublishd" on type "Subscription".');
    await client.close();
    await production.close();
  });

  it('tells subscribers the server is going away when it shuts down, rather than holding the shutdown', async () => {
    const other = await startTestServer();
    const { id } = (await other.gql<{ article: { id: string } }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { id } }`))
      .data!.article;
    const client = connectLive(other);
    const stream = await client.subscribe(ON_PUBLISH, { a: id });
    expect(other.db.events.subscriberCount).toBe(1);
    await other.close();
    expect((await client.closed).code).toBe(1001);
    await stream.ended();
    expect(other.db.events.subscriberCount).toBe(0);
    await client.close();
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
