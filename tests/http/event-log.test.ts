import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { pruneEventLog } from '../../src/events/retention';
import { Role } from '../../src/modules/user/user.entity';
import { buildDataset } from '../helpers/factories';
import { connectLive, type LiveClient } from '../helpers/live-client';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

/**
 * The durable event log through the API: every change others may want to hear of is a row
 * written by its own transaction, and a subscriber that reconnects with the last `eventId` it
 * received gets everything since, then live events, seeing only what its viewer may.
 */
const EVENTS = `subscription($a: ID, $after: String, $types: [NewsroomEventType!]) {
  events(articleId: $a, after: $after, types: $types) {
    eventId type occurredAt verdict previousVerdict note
    article { id } claim { id } annotation { id status } appearance { id __typename }
  }
}`;
const DRAFT_SLUG = 'event-log-draft';
const STORY_SLUG = 'event-log-story';

interface EventResult {
  events: {
    eventId: string;
    type: string;
    verdict: string | null;
    previousVerdict: string | null;
    note: string | null;
    article: { id: string } | null;
    claim: { id: string } | null;
    annotation: { id: string; status: string } | null;
    appearance: { id: string; __typename: string } | null;
  };
}

describe('the durable event log', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let article: { id: string; claims: { id: string; verdict: string | null }[] };
  /** Claims of the story no fact-check has checked yet, one per test that publishes. */
  let unchecked: string[];
  let draft: { id: string; claims: { id: string }[] };
  const clients: LiveClient[] = [];
  const live = (token?: string) => {
    const client = connectLive(server, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({
      dataset: buildDataset([
        { slug: DRAFT_SLUG, status: 'DRAFT', claims: 1 },
        { slug: STORY_SLUG, status: 'PUBLISHED', claims: 5, annotationsPerClaim: 0 },
      ]),
    });
    reviewer = await server.signIn(Role.REVIEWER);
    editor = await server.signIn(Role.EDITOR);
    otherEditor = await server.signIn(Role.EDITOR);
    article = (
      await server.gql<{ article: typeof article }>(`{ article(slug: "${STORY_SLUG}") { id claims { id verdict } } }`)
    ).data!.article;
    unchecked = article.claims.filter((claim) => claim.verdict === null).map((claim) => claim.id);
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
  /** A fact-check by `author` on the claim, submitted, and published by the editor: its id. */
  const publishNew = async (claimId: string, verdict: string, author = reviewer): Promise<string> =>
    (
      await new Newsroom(server).publishedCheck(author, editor, {
        claimId,
        verdict,
        summary: 'Logged check.',
        body: 'Checked.',
      })
    ).id;
  const eventRows = async () => (await server.db.eventLog.after(0, 10_000)).length;

  it('a reconnecting subscriber passes the last eventId it received and misses nothing, in order, then hears live events', async () => {
    const first = live();
    const stream = await first.subscribe<EventResult>(EVENTS, { a: article.id });
    const claimId = unchecked[0];
    const factCheck = await publishNew(claimId, 'FALSE');
    const [published, verdictChanged] = (await stream.waitFor(2)).map((result) => result.data!.events);
    expect(published).toMatchObject({ type: 'FACT_CHECK_PUBLISHED', verdict: 'FALSE', annotation: { id: factCheck } });
    expect(verdictChanged).toMatchObject({ type: 'CLAIM_VERDICT_CHANGED', verdict: 'FALSE', claim: { id: claimId } });
    expect(Number(verdictChanged.eventId)).toBeGreaterThan(Number(published.eventId));
    await first.close();

    // While nobody listens: a correction, then a retraction.
    await ok(
      'mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 3, verdict: MISLEADING, note: "A closer reading." }) { id } }',
      { id: factCheck },
      editor,
    );
    await ok(
      'mutation($id: ID!) { retractAnnotation(input: { id: $id, reason: "Source withdrawn." }) { id } }',
      { id: factCheck },
      editor,
    );

    const again = await live().subscribe<EventResult>(EVENTS, { a: article.id, after: verdictChanged.eventId });
    const missed = (await again.waitFor(4)).map((result) => result.data!.events);
    expect(missed.map((event) => [event.type, event.verdict, event.note])).toEqual([
      ['FACT_CHECK_CORRECTED', 'MISLEADING', 'A closer reading.'],
      ['CLAIM_VERDICT_CHANGED', 'MISLEADING', null],
      ['FACT_CHECK_RETRACTED', 'MISLEADING', 'Source withdrawn.'],
      ['CLAIM_VERDICT_CHANGED', null, null],
    ]);
    expect(missed[1].previousVerdict).toBe('FALSE');
    const ids = missed.map((event) => Number(event.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // Then live, with no repeat of what the log gave.
    await publishNew(unchecked[1], 'TRUE');
    const next = (await again.waitFor(6)).slice(4).map((result) => result.data!.events.type);
    expect(next).toEqual(['FACT_CHECK_PUBLISHED', 'CLAIM_VERDICT_CHANGED']);
  });

  it('anonymous subscribers never hear of what readers may not see, live or resumed; editors do', async () => {
    const before = String((await server.db.eventLog.bounds()).newest);
    const anonymous = await live().subscribe<EventResult>(EVENTS, { after: before });
    const staff = await live(editor.token).subscribe<EventResult>(EVENTS, { after: before });
    // A fact-check published on a claim of a draft article: nothing readers can see.
    await publishNew(draft.claims[0].id, 'FALSE', otherEditor);
    await publishNew(unchecked[2], 'MIXED');
    // Editors also hear each submission for review (a staff event, which readers never hear of).
    const staffHeard = (await staff.waitFor(6)).map((result) => result.data!.events);
    expect(staffHeard.map((event) => [event.type, event.article?.id])).toEqual([
      ['FACT_CHECK_SUBMITTED', draft.id],
      ['FACT_CHECK_PUBLISHED', draft.id],
      ['CLAIM_VERDICT_CHANGED', draft.id],
      ['FACT_CHECK_SUBMITTED', article.id],
      ['FACT_CHECK_PUBLISHED', article.id],
      ['CLAIM_VERDICT_CHANGED', article.id],
    ]);
    const anonymousHeard = (await anonymous.waitFor(2)).map((result) => result.data!.events);
    expect(anonymousHeard.map((event) => event.article?.id)).toEqual([article.id, article.id]);
    // Resuming from the same point: the same answer.
    const resumed = await live().subscribe<EventResult>(EVENTS, { after: before });
    expect((await resumed.waitFor(2)).map((result) => result.data!.events.eventId)).toEqual(
      anonymousHeard.map((event) => event.eventId),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(resumed.results).toHaveLength(2);
    expect(JSON.stringify(resumed.results)).not.toContain(draft.id);
  });

  it('logs each kind of change: publication, correction and withdrawal of an article, and a new appearance', async () => {
    const before = String((await server.db.eventLog.bounds()).newest);
    const stream = await live(editor.token).subscribe<EventResult>(EVENTS, {
      after: before,
      types: ['ARTICLE_PUBLISHED', 'ARTICLE_CORRECTED', 'ARTICLE_WITHDRAWN', 'APPEARANCE_ADDED'],
    });
    await ok(
      'mutation($c: ID!) { addClaimAppearance(input: { claimId: $c, url: "https://example.org/speech", note: "Also said in a speech." }) { id } }',
      { c: article.claims[1].id },
      editor,
    );
    await ok('mutation($id: ID!) { publishArticle(input: { id: $id }) { id } }', { id: draft.id }, editor);
    const { node } = await ok<{ node: { version: number } }>(
      'query($id: ID!) { node(id: $id) { ... on Article { version } } }',
      { id: draft.id },
      editor,
    );
    await ok(
      'mutation($id: ID!, $v: Int!) { updateArticle(input: { id: $id, expectedVersion: $v, headline: "A corrected headline", changeNote: "Headline fixed." }) { id } }',
      { id: draft.id, v: node.version },
      editor,
    );
    await ok(
      'mutation($id: ID!) { archiveArticle(input: { id: $id, note: "Withdrawn for review." }) { id } }',
      { id: draft.id },
      editor,
    );
    const heard = (await stream.waitFor(4)).map((result) => result.data!.events);
    expect(heard.map((event) => [event.type, event.note])).toEqual([
      ['APPEARANCE_ADDED', null],
      ['ARTICLE_PUBLISHED', null],
      ['ARTICLE_CORRECTED', 'Headline fixed.'],
      ['ARTICLE_WITHDRAWN', 'Withdrawn for review.'],
    ]);
    expect(heard[0].appearance).toMatchObject({ __typename: 'OutsideAppearance' });
  });

  it('writes no event for a refused change, and the event of an accepted one with its commit', async () => {
    const rows = await eventRows();
    const refused = await server.gql(
      'mutation($id: ID!) { retractAnnotation(input: { id: $id, reason: "Nope." }) { id } }',
      { id: article.claims[0].id },
      editor.token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBeDefined();
    const forbidden = await server.gql(
      'mutation($id: ID!) { publishArticle(input: { id: $id }) { id } }',
      { id: draft.id },
      reviewer.token,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await eventRows()).toBe(rows);
  });

  it('refuses an `after` it cannot resume from, with a code, the field and a word to resync', async () => {
    const subscribeWith = async (after: string) => (await live().subscribe<EventResult>(EVENTS, { after })).ended();
    const bad = await subscribeWith('twelve');
    expect(bad?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const future = await subscribeWith(String((await server.db.eventLog.bounds()).newest + 10));
    expect(future?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', resync: true });

    // Pruned: everything older than a day from a moment far ahead.
    const newest = (await server.db.eventLog.bounds()).newest;
    expect(await pruneEventLog(server.db, 1, new Date(Date.now() + 3 * 86_400_000))).toBe(newest);
    expect(await server.db.eventLog.bounds()).toEqual({ prunedThrough: newest, newest });
    const expired = await subscribeWith('1');
    expect(expired?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', resync: true });
    expect(expired?.[0]?.message).toMatch(/resync/);
    // From the newest id, still fine: nothing was missed. Ids are never given twice after a prune.
    const current = await live().subscribe<EventResult>(EVENTS, { a: article.id, after: String(newest) });
    await publishNew(unchecked[3], 'TRUE');
    const [event] = (await current.waitFor(1)).map((result) => result.data!.events);
    expect(Number(event.eventId)).toBeGreaterThan(newest);
  });

  it("appends all of a write's events in one statement", async () => {
    const writes = () => server.db.statements().write;
    const before = writes();
    await server.db.writes.run(async () => undefined);
    const withoutEvents = writes() - before;
    const next = writes();
    await server.db.writes.run(async (_manager, outbox) => {
      for (let n = 0; n < 5; n += 1)
        outbox.push({ type: 'articleCorrected', articleId: 1, details: { note: `n${n}` } });
    });
    expect(writes() - next).toBe(withoutEvents + 1);
  });

  it('keeps events for EVENT_RETENTION_DAYS, 30 by default, never less than a day', () => {
    expect(loadConfig({}).eventRetentionDays).toBe(30);
    expect(loadConfig({ EVENT_RETENTION_DAYS: '7' }).eventRetentionDays).toBe(7);
    expect(() => loadConfig({ EVENT_RETENTION_DAYS: '0' })).toThrow(/EVENT_RETENTION_DAYS/);
  });
});
