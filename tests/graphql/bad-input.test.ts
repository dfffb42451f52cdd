import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/graphql/relay/cursor';
import { startTestServer, type TestServer } from '../helpers/test-app';

describe('bad input gets a clear error, never a 500', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const claimId = Buffer.from('Claim:1').toString('base64url');
  const cases: { name: string; query: string; variables?: Record<string, unknown>; field: string; message: RegExp }[] =
    [
      {
        name: 'a malformed global id',
        query: 'query($id: ID!) { node(id: $id) { id } }',
        variables: { id: 'not an id!' },
        field: 'id',
        message: /Malformed id/,
      },
      {
        name: 'base64 of garbage',
        query: 'query($id: ID!) { node(id: $id) { id } }',
        variables: { id: Buffer.from('Nope:1').toString('base64url') },
        field: 'id',
        message: /Malformed id/,
      },
      {
        name: 'an id of another type',
        query: 'query($id: ID!) { article(id: $id) { id } }',
        variables: { id: claimId },
        field: 'id',
        message: /Expected an Article id, got a Claim id/,
      },
      { name: 'a malformed slug', query: '{ article(slug: "Not A Slug") { id } }', field: 'slug', message: /slug/ },
      {
        name: 'both id and slug',
        query: `{ article(id: "${claimId}", slug: "x") { id } }`,
        field: 'slug',
        message: /exactly one/,
      },
      { name: 'neither id nor slug', query: '{ article { id } }', field: 'id', message: /exactly one/ },
      {
        name: '`first` above the maximum',
        query: '{ articles(first: 101) { totalCount } }',
        field: 'first',
        message: /at most 100/,
      },
      {
        name: 'a negative `first`',
        query: '{ claims(first: -1) { totalCount } }',
        field: 'first',
        message: /negative/,
      },
      {
        name: 'a forged cursor',
        query: '{ articles(after: "bm90LWEtY3Vyc29y") { totalCount } }',
        field: 'after',
        message: /Invalid cursor/,
      },
      {
        name: 'a cursor with characters outside base64url',
        query: '{ sources(after: "<script>") { totalCount } }',
        field: 'after',
        message: /Invalid cursor/,
      },
      {
        name: "another list's cursor",
        query: `{ articles(after: "${encodeCursor('claims:id', { value: null, id: 3 })}") { totalCount } }`,
        field: 'after',
        message: /Invalid cursor/,
      },
      {
        name: 'a cursor of the other order',
        query: `{ articles(orderBy: PUBLISHED_AT_ASC, after: "${encodeCursor('articles:PUBLISHED_AT_DESC', { value: '2021-04-14 00:00:00.000', id: 1 })}") { totalCount } }`,
        field: 'after',
        message: /Invalid cursor/,
      },
      {
        name: 'more than 100 ids',
        query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids: Array.from({ length: 101 }, () => claimId) },
        field: 'ids',
        message: /At most 100/,
      },
      {
        name: 'a malformed id in nodes',
        query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids: [claimId, '%%'] },
        field: 'ids.1',
        message: /Malformed id/,
      },
      {
        name: 'a malformed filter id',
        query: '{ claims(filter: { articleId: "zzz" }) { totalCount } }',
        field: 'filter.articleId',
        message: /Malformed id/,
      },
    ];

  it.each(cases)('$name', async ({ query, variables, field, message }) => {
    const result = await server.gql(query, variables);
    expect(result.status).toBe(200);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
    expect(result.errors![0].message).toMatch(message);
    expect(JSON.stringify(result.errors)).not.toMatch(/stack|SELECT|sqlite/i);
  });

  it('answers a well-formed id or slug of nothing with null', async () => {
    const result = await server.gql(`{
      article(slug: "no-such-article") { id }
      byId: article(id: "${Buffer.from('Article:424242').toString('base64url')}") { id }
      node(id: "${Buffer.from('Source:424242').toString('base64url')}") { id }
      claim(id: "${Buffer.from('Claim:424242').toString('base64url')}") { id }
    }`);
    expect(result).toEqual({ status: 200, data: { article: null, byId: null, node: null, claim: null } });
  });

  it('an unknown enum value is refused by validation with a clear message', async () => {
    const result = await server.gql('{ articles(filter: { verdict: SORT_OF_TRUE }) { totalCount } }');
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/SORT_OF_TRUE/);
  });

  it('any string as an id or a cursor gets data or BAD_USER_INPUT, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.base64String({ maxLength: 120 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
        ),
        async (input) => {
          const result = await server.gql(
            'query($v: ID!, $c: String) { node(id: $v) { id } articles(first: 1, after: $c) { totalCount } }',
            { v: input, c: input },
          );
          expect(result.status).toBe(200);
          for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a malformed or oversized JSON body gets a JSON error with a code, no stack', async () => {
    const post = (body: string) =>
      fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const huge = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'BAD_REQUEST',
    );
  });

  it('nothing unexpected reached the error log', () => {
    expect(server.logger.entries).toEqual([]);
  });
});
