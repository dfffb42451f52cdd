import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pruneEventLog } from '../../src/events/retention';
import { Role } from '../../src/modules/user/user.entity';
import { isForbiddenAddress, postWebhook } from '../../src/webhooks/deliver';
import { type DispatcherOptions, WebhookDispatcher } from '../../src/webhooks/dispatcher';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { eventually, Receiver } from './receiver';

/**
 * Webhooks over real HTTP: a receiver on this machine, the service's dispatcher delivering the
 * event log to it as Standard Webhooks, checked with the `standardwebhooks` verifier.
 */
const ENDPOINT_FIELDS = 'id url status eventTypes deliveredThroughEventId failedAttempts failingSince nextAttemptAt';
const FAST: Partial<DispatcherOptions> = {
  allowPrivate: true,
  pollMs: 50,
  timeoutMs: 500,
  leaseMs: 5_000,
  retry: { firstMs: 20, maxMs: 100, giveUpAfterMs: 60_000 },
};

interface Endpoint {
  id: string;
  url: string;
  status: string;
  eventTypes: string[];
  deliveredThroughEventId: string;
  failedAttempts: number;
}

describe('webhooks', () => {
  let server: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let room: Newsroom;
  let story: string;
  const dispatchers: WebhookDispatcher[] = [];
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    server = await startTestServer({ config: { allowHttpWebhooks: true } });
    admin = await server.signIn(Role.ADMIN);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
    room = new Newsroom(server);
    const article = await room.createArticle(editor, {
      slug: 'webhook-story',
      headline: 'Webhook story',
      body: Array.from({ length: 40 }, (_, i) => `Sentence number ${i} of the story.`).join(' '),
    });
    await room.publishArticle(editor, article.id);
    story = article.id;
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(async () => {
    await server.close();
  });

  let sentence = 0;
  /** A new claim of the story with a fact-check published on it: three events, two of them public changes of verdict. */
  const publishCheck = async (verdict = 'FALSE'): Promise<{ claimId: string; checkId: string }> => {
    const claim = await room.createClaim(reviewer, {
      articleId: story,
      quote: `Sentence number ${sentence++} of the story`,
    });
    const check = await room.publishedCheck(reviewer, editor, {
      claimId: claim.id,
      verdict,
      summary: 'Hooked.',
      body: 'Delivered.',
    });
    return { claimId: claim.id, checkId: check.id };
  };
  const receiver = async () => {
    const made = await new Receiver().open();
    receivers.push(made);
    return made;
  };
  const dispatcher = (options: Partial<DispatcherOptions> = {}) => {
    const made = new WebhookDispatcher(server.db, {
      publicUrl: 'http://factline.test',
      ...FAST,
      ...options,
    } as DispatcherOptions);
    dispatchers.push(made.start());
    return made;
  };
  const createEndpoint = async (url: string, eventTypes = ['FACT_CHECK_PUBLISHED', 'CLAIM_VERDICT_CHANGED']) => {
    const result = await server.gql<{ createWebhookEndpoint: { endpoint: Endpoint; secret: string } }>(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`,
      { input: { url, eventTypes } },
      admin.token,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.createWebhookEndpoint;
  };
  const endpointNow = async (id: string) => {
    const result = await server.gql<{ webhookEndpoints: (Endpoint & { deliveries: Record<string, unknown>[] })[] }>(
      `{ webhookEndpoints { ${ENDPOINT_FIELDS} deliveries(first: 50) { id eventId attempt redelivery statusCode latencyMs responseExcerpt error succeeded } } }`,
      {},
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.webhookEndpoints.find((endpoint) => endpoint.id === id)!;
  };

  it('delivers each public event of the types asked for, signed as Standard Webhooks, in event order', async () => {
    const hooks = await receiver();
    const { endpoint, secret } = await createEndpoint(hooks.url);
    expect(secret).toMatch(/^whsec_/);
    dispatcher();
    const first = await publishCheck('FALSE');
    const second = await publishCheck('MIXED');
    // A draft article's fact-check: readers never saw it, so no webhook tells of it.
    const draft = await room.createArticle(editor, {
      slug: 'webhook-draft',
      headline: 'Draft',
      body: 'Drafted claim here.',
    });
    const draftClaim = await room.createClaim(editor, { articleId: draft.id, quote: 'Drafted claim' });
    const otherEditor = await server.signIn(Role.EDITOR);
    await room.publishedCheck(otherEditor, editor, {
      claimId: draftClaim.id,
      verdict: 'TRUE',
      summary: 's',
      body: 'b',
    });

    await eventually(
      () => hooks.received.length >= 4,
      () => JSON.stringify(hooks.events()),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const verifier = new Webhook(secret);
    for (const request of hooks.received) {
      expect(verifier.verify(request.body, request.headers as Record<string, string>)).toEqual(
        JSON.parse(request.body),
      );
      expect(request.headers['webhook-id']).toBe(`evt_${JSON.parse(request.body).data.eventId}`);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const events = hooks.events();
    expect(events.map((event) => [event.type, (event.data.claim as { id: string }).id, event.data.verdict])).toEqual([
      ['fact_check.published', first.claimId, 'FALSE'],
      ['claim.verdict_changed', first.claimId, 'FALSE'],
      ['fact_check.published', second.claimId, 'MIXED'],
      ['claim.verdict_changed', second.claimId, 'MIXED'],
    ]);
    expect(events[0].data).toMatchObject({
      factCheck: { id: first.checkId },
      article: { id: story },
      claim: { url: `http://factline.test/claims/${first.claimId}` },
    });
    const ids = events.map((event) => Number(event.data.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // A tampered body fails verification.
    expect(() =>
      verifier.verify(
        hooks.received[0].body.replace('FALSE', 'TRUE'),
        hooks.received[0].headers as Record<string, string>,
      ),
    ).toThrow();
    const logged = await endpointNow(endpoint.id);
    expect(logged.deliveries).toHaveLength(4);
    expect(logged.deliveries.every((delivery) => delivery.succeeded && delivery.statusCode === 200)).toBe(true);
    expect(Number(logged.deliveredThroughEventId)).toBeGreaterThanOrEqual(ids.at(-1)!);
  });

  it('retries after 500s and timeouts with the same webhook-id, holding later events back until the earlier one is delivered', async () => {
    const hooks = await receiver();
    hooks.answer = (_request, index) =>
      index === 0 ? { status: 500, body: 'try later' } : index === 1 ? 'hang' : { status: 204 };
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    dispatcher();
    const first = await publishCheck();
    const second = await publishCheck();
    await eventually(
      () => hooks.received.length >= 4,
      () => `${hooks.received.length} received`,
    );
    const events = hooks.events();
    expect(events.map((event) => (event.data.factCheck as { id: string }).id)).toEqual([
      first.checkId,
      first.checkId,
      first.checkId,
      second.checkId,
    ]);
    expect(new Set(hooks.received.slice(0, 3).map((request) => request.headers['webhook-id'])).size).toBe(1);
    await eventually(
      async () => (await endpointNow(endpoint.id)).deliveries.length >= 4,
      () => 'delivery log',
    );
    const log = (await endpointNow(endpoint.id)).deliveries.reverse();
    expect(log.map((delivery) => [delivery.attempt, delivery.statusCode, delivery.succeeded])).toEqual([
      [1, 500, false],
      [2, null, false],
      [3, 204, true],
      [1, 204, true],
    ]);
    expect(log[0].responseExcerpt).toBe('try later');
    expect(log[1].error).toMatch(/No answer within/);
  });

  it('a receiver down for a while, then back on its port, gets everything it missed, in order', async () => {
    const hooks = await receiver();
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    await hooks.close();
    dispatcher();
    const checks = [await publishCheck(), await publishCheck(), await publishCheck()];
    await eventually(
      async () => (await endpointNow(endpoint.id)).failedAttempts >= 2,
      () => 'failures',
    );
    await hooks.open();
    receivers.push(hooks);
    await eventually(
      () => hooks.received.length >= 3,
      () => `${hooks.received.length} received`,
    );
    expect(hooks.events().map((event) => (event.data.factCheck as { id: string }).id)).toEqual(
      checks.map((c) => c.checkId),
    );
    expect((await endpointNow(endpoint.id)).failedAttempts).toBe(0);
  });

  it('marks an endpoint FAILING once it has failed too long, and an ADMIN re-enables it: delivery resumes where it stopped', async () => {
    const hooks = await receiver();
    hooks.answer = () => ({ status: 503 });
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    dispatcher({ retry: { firstMs: 20, maxMs: 50, giveUpAfterMs: 300 } });
    const check = await publishCheck();
    await eventually(
      async () => (await endpointNow(endpoint.id)).status === 'FAILING',
      () => 'FAILING',
    );
    const attempts = hooks.received.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hooks.received.length).toBe(attempts);
    hooks.answer = () => ({ status: 200 });
    const enabled = await server.gql(
      'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { status failedAttempts } secret } }',
      { input: { id: endpoint.id, enabled: true } },
      admin.token,
    );
    expect(enabled.data).toEqual({
      updateWebhookEndpoint: { endpoint: { status: 'ACTIVE', failedAttempts: 0 }, secret: null },
    });
    await eventually(
      () => hooks.received.length > attempts && hooks.received.at(-1) !== undefined,
      () => 'resumed',
    );
    await eventually(
      async () => (await endpointNow(endpoint.id)).failedAttempts === 0,
      () => 'delivered',
    );
    expect((hooks.events().at(-1)!.data.factCheck as { id: string }).id).toBe(check.checkId);
  });

  it('redelivers one event on request, and replays from an event on', async () => {
    const hooks = await receiver();
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    dispatcher();
    await publishCheck();
    await publishCheck();
    await eventually(
      () => hooks.received.length >= 2,
      () => 'first deliveries',
    );
    const [firstId, secondId] = hooks.events().map((event) => event.data.eventId);
    const redelivered = await server.gql(
      'mutation($input: RedeliverWebhookEventInput!) { redeliverWebhookEvent(input: $input) { id } }',
      { input: { endpointId: endpoint.id, eventId: firstId } },
      admin.token,
    );
    expect(redelivered.errors).toBeUndefined();
    await eventually(
      () => hooks.received.length >= 3,
      () => 'redelivery',
    );
    expect(hooks.received[2].headers['webhook-id']).toBe(`evt_${firstId}`);
    const replayed = await server.gql(
      'mutation($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { deliveredThroughEventId } }',
      { input: { endpointId: endpoint.id, fromEventId: firstId } },
      admin.token,
    );
    expect(replayed.errors).toBeUndefined();
    await eventually(
      () => hooks.received.length >= 5,
      () => 'replay',
    );
    expect(
      hooks
        .events()
        .slice(3)
        .map((event) => event.data.eventId),
    ).toEqual([firstId, secondId]);
    const log = (await endpointNow(endpoint.id)).deliveries;
    expect(log.filter((delivery) => delivery.redelivery)).toHaveLength(1);

    const unknown = await server.gql(
      'mutation($input: RedeliverWebhookEventInput!) { redeliverWebhookEvent(input: $input) { id } }',
      { input: { endpointId: endpoint.id, eventId: '999999' } },
      admin.token,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.eventId' });
    const future = await server.gql(
      'mutation($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { id } }',
      { input: { endpointId: endpoint.id, fromEventId: '999999' } },
      admin.token,
    );
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fromEventId' });
  });

  it('refuses to deliver to private, loopback and metadata addresses unless allowed', async () => {
    const hooks = await receiver();
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    dispatcher({ allowPrivate: false });
    await publishCheck();
    await eventually(
      async () => (await endpointNow(endpoint.id)).deliveries.length >= 1,
      () => 'an attempt',
    );
    const [attempt] = (await endpointNow(endpoint.id)).deliveries;
    expect(attempt).toMatchObject({ succeeded: false, statusCode: null });
    expect(attempt.error).toMatch(/private or internal address/);
    expect(hooks.received).toHaveLength(0);
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:9/',
      'http://10.1.2.3/',
      'http://localhost:9/',
    ]) {
      const result = await postWebhook(url, '{}', {}, { allowPrivate: false, timeoutMs: 2_000 });
      expect(result, url).toMatchObject({ ok: false, statusCode: null });
      expect(result.error, url).toMatch(/private or internal address/);
    }
  });

  it('knows which addresses are internal', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '224.0.0.1',
    ])
      expect(isForbiddenAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])
      expect(isForbiddenAddress(address), address).toBe(false);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (b, c, d) => {
          expect(isForbiddenAddress(`10.${b}.${c}.${d}`)).toBe(true);
          expect(isForbiddenAddress(`127.${b}.${c}.${d}`)).toBe(true);
          expect(isForbiddenAddress(`192.168.${c}.${d}`)).toBe(true);
          expect(isForbiddenAddress(`::ffff:169.254.${c}.${d}`)).toBe(true);
        },
      ),
    );
  });

  it('is for ADMINs only; urls must be https (unless allowed), without credentials; bad input changes nothing', async () => {
    for (const who of [undefined, reviewer.token, editor.token]) {
      const listed = await server.gql('{ webhookEndpoints { id } }', {}, who);
      expect(listed.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
      const created = await server.gql(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
        { input: { url: 'https://example.org/hooks', eventTypes: ['FACT_CHECK_PUBLISHED'] } },
        who,
      );
      expect(created.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    }
    const before = await server.gql<{ webhookEndpoints: unknown[] }>('{ webhookEndpoints { id } }', {}, admin.token);
    const strict = await startTestServer({ demo: false });
    try {
      const strictAdmin = await strict.signIn(Role.ADMIN);
      const http = await strict.gql(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
        { input: { url: 'http://example.org/hooks', eventTypes: ['FACT_CHECK_PUBLISHED'] } },
        strictAdmin.token,
      );
      expect(http.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    } finally {
      await strict.close();
    }
    for (const [input, field] of [
      [{ url: 'https://user:pw@example.org/hooks', eventTypes: ['FACT_CHECK_PUBLISHED'] }, 'input.url'],
      [{ url: 'ftp://example.org/hooks', eventTypes: ['FACT_CHECK_PUBLISHED'] }, 'input.url'],
      [{ url: 'not a url', eventTypes: ['FACT_CHECK_PUBLISHED'] }, 'input.url'],
      [{ url: 'https://example.org/hooks', eventTypes: [] }, 'input.eventTypes'],
    ] as const) {
      const refused = await server.gql(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
        { input },
        admin.token,
      );
      expect(refused.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const after = await server.gql<{ webhookEndpoints: unknown[] }>('{ webhookEndpoints { id } }', {}, admin.token);
    expect(after.data!.webhookEndpoints).toHaveLength(before.data!.webhookEndpoints.length);
    // node(id) answers an endpoint to ADMINs only.
    const { endpoint } = await createEndpoint('https://example.org/hooks');
    const asAdmin = await server.gql<{ node: { url: string } | null }>(
      'query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { url } } }',
      { id: endpoint.id },
      admin.token,
    );
    expect(asAdmin.data!.node).toEqual({ url: 'https://example.org/hooks' });
    const asEditor = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: endpoint.id }, editor.token);
    expect(asEditor.data).toEqual({ node: null });
    const deleted = await server.gql(
      'mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId } }',
      { input: { id: endpoint.id } },
      admin.token,
    );
    expect(deleted.data).toEqual({ deleteWebhookEndpoint: { deletedEndpointId: endpoint.id } });
  });

  it('an ADMIN who disables an endpoint mid-delivery stops it: the run under way does not undo the change', async () => {
    const hooks = await receiver();
    hooks.answer = () => 'hang';
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    dispatcher({ timeoutMs: 400 });
    await publishCheck();
    await eventually(
      () => hooks.received.length === 1,
      () => 'a delivery in flight',
    );
    const disabled = await server.gql(
      'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { status } } }',
      { input: { id: endpoint.id, enabled: false } },
      admin.token,
    );
    expect(disabled.data).toEqual({ updateWebhookEndpoint: { endpoint: { status: 'DISABLED' } } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    await publishCheck();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await endpointNow(endpoint.id)).status).toBe('DISABLED');
    expect(hooks.received).toHaveLength(1);
  });

  it('an endpoint down longer than the log keeps events says so in its delivery log, then goes on', async () => {
    const hooks = await receiver();
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED']);
    await hooks.close();
    await publishCheck();
    // Every event so far pruned, as if the endpoint had been down for the retention period.
    await pruneEventLog(server.db, 1, new Date(Date.now() + 3 * 86_400_000));
    await hooks.open();
    receivers.push(hooks);
    dispatcher();
    const later = await publishCheck();
    await eventually(
      () => hooks.received.length >= 1,
      () => 'the later event',
    );
    expect(hooks.events().map((event) => (event.data.factCheck as { id: string }).id)).toEqual([later.checkId]);
    const log = (await endpointNow(endpoint.id)).deliveries;
    expect(log.some((delivery) => /were pruned/.test(String(delivery.error)))).toBe(true);
  });

  it('never delivers an event about what readers can no longer see: a story withdrawn before the delivery', async () => {
    const hooks = await receiver();
    const { endpoint } = await createEndpoint(hooks.url, ['FACT_CHECK_PUBLISHED', 'ARTICLE_WITHDRAWN']);
    await hooks.close();
    const other = await room.createArticle(editor, {
      slug: 'webhook-withdrawn',
      headline: 'Soon gone',
      body: 'A claim made here.',
    });
    await room.publishArticle(editor, other.id);
    const claim = await room.createClaim(reviewer, { articleId: other.id, quote: 'A claim made here' });
    await room.publishedCheck(reviewer, editor, { claimId: claim.id, verdict: 'FALSE', summary: 's', body: 'b' });
    await room.archiveArticle(editor, other.id, 'Withdrawn: sourcing under review.');
    await hooks.open();
    receivers.push(hooks);
    dispatcher();
    await eventually(
      async () =>
        Number((await endpointNow(endpoint.id)).deliveredThroughEventId) >= (await server.db.eventLog.bounds()).newest,
      () => 'caught up',
    );
    expect(hooks.events().map((event) => [event.type, event.data.note ?? null])).toEqual([
      ['article.withdrawn', 'Withdrawn: sourcing under review.'],
    ]);
  });

  it("never delivers the review workflow's staff events, and refuses them as an endpoint's types", async () => {
    for (const eventTypes of [['FACT_CHECK_SUBMITTED'], ['FACT_CHECK_PUBLISHED', 'FACT_CHECK_RETURNED']]) {
      const refused = await server.gql(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
        { input: { url: 'https://example.org/staff', eventTypes } },
        admin.token,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eventTypes' });
    }
    const hooks = await receiver();
    // Every type an endpoint may take.
    const { endpoint } = await createEndpoint(hooks.url, [
      'FACT_CHECK_PUBLISHED',
      'FACT_CHECK_CORRECTED',
      'FACT_CHECK_RETRACTED',
      'CLAIM_VERDICT_CHANGED',
      'ARTICLE_PUBLISHED',
      'ARTICLE_CORRECTED',
      'ARTICLE_WITHDRAWN',
      'APPEARANCE_ADDED',
    ]);
    const updated = await server.gql(
      'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { __typename } }',
      { input: { id: endpoint.id, eventTypes: ['FACT_CHECK_SUBMITTED'] } },
      admin.token,
    );
    expect(updated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eventTypes' });
    const from = (await server.db.eventLog.bounds()).newest;
    dispatcher();
    const claim = await room.createClaim(reviewer, {
      articleId: story,
      quote: `Sentence number ${sentence++} of the story`,
    });
    const draft = await room.createAnnotation(reviewer, {
      claimId: claim.id,
      verdict: 'TRUE',
      summary: 's',
      body: 'b',
    });
    await room.submit(reviewer, draft.id);
    const returned = await server.gql(
      'mutation($input: ReturnAnnotationInput!) { returnAnnotation(input: $input) { id } }',
      { input: { id: draft.id, comment: 'Not yet.' } },
      editor.token,
    );
    expect(returned.errors).toBeUndefined();
    const again = await room.submit(reviewer, draft.id);
    await room.publish(editor, draft.id, again.version);
    await eventually(
      async () =>
        Number((await endpointNow(endpoint.id)).deliveredThroughEventId) >= (await server.db.eventLog.bounds()).newest,
      () => 'caught up',
    );
    const logged = await server.db.eventLog.after(from, 1_000);
    expect(logged.filter((event) => !event.isPublic).map((event) => event.type)).toEqual([
      'annotationSubmitted',
      'annotationReturned',
      'annotationSubmitted',
    ]);
    expect(hooks.events().map((event) => event.type)).toEqual(['fact_check.published', 'claim.verdict_changed']);
    expect(JSON.stringify(hooks.received)).not.toContain('Not yet.');
  });

  it('a slow endpoint delays neither mutations nor another endpoint', async () => {
    const slow = await receiver();
    slow.answer = () => 'hang';
    const fast = await receiver();
    await createEndpoint(slow.url, ['FACT_CHECK_PUBLISHED']);
    await createEndpoint(fast.url, ['FACT_CHECK_PUBLISHED']);
    dispatcher({ timeoutMs: 60_000 });
    await publishCheck();
    await eventually(
      () => slow.received.length >= 1 && fast.received.length >= 1,
      () => 'both tried',
    );
    // The slow one still holds its first delivery; mutations and the fast endpoint go on.
    await publishCheck();
    await publishCheck();
    await eventually(
      () => fast.received.length >= 3,
      () => `${fast.received.length} fast deliveries`,
    );
    expect(slow.received).toHaveLength(1);
  });
});
