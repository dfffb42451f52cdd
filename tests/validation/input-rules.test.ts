import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const CREATE_ANNOTATION =
  'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id summary body citations { excerpt source { url title } } } }';

describe('input rules', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  let admin: SignedIn;
  let editor: SignedIn;
  let claimId: string;
  let articleId: string;
  let annotationId: string;

  beforeAll(async () => {
    server = await startTestServer();
    reviewer = await server.signIn(Role.REVIEWER);
    admin = await server.signIn(Role.ADMIN);
    editor = await server.signIn(Role.EDITOR);
    const demo = await server.gql<{ article: { id: string; claims: { id: string }[] } }>(
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { id claims { id } } }`,
    );
    articleId = demo.data!.article.id;
    claimId = demo.data!.article.claims[0].id;
    const created = await server.gql<{ createAnnotation: { id: string } }>(
      CREATE_ANNOTATION,
      { input: { claimId, verdict: 'TRUE', summary: 'ok', body: 'ok' } },
      reviewer.token,
    );
    annotationId = created.data!.createAnnotation.id;
    // Warm every token so the lastUsedAt refresh has happened before the fingerprints.
    for (const who of [reviewer, admin, editor]) await server.gql('{ viewer { id } }', {}, who.token);
  });
  afterAll(() => server.close());

  const annotation = (overrides: Record<string, unknown>) => ({
    claimId,
    verdict: 'TRUE',
    summary: 'Fine.',
    body: 'Fine.',
    citations: [],
    ...overrides,
  });
  const citation = (overrides: Record<string, unknown>) => ({
    source: { url: 'https://example.org/a', title: 'A', kind: 'OTHER' },
    stance: 'SUPPORTS',
    excerpt: 'words',
    ...overrides,
  });
  const long = (n: number) => 'x'.repeat(n);

  const cases: {
    name: string;
    query: string;
    input: () => Record<string, unknown>;
    field: string;
    as?: 'admin' | 'editor';
  }[] = [
    {
      name: 'empty summary',
      query: CREATE_ANNOTATION,
      input: () => annotation({ summary: '' }),
      field: 'input.summary',
    },
    {
      name: 'blank summary (trimmed)',
      query: CREATE_ANNOTATION,
      input: () => annotation({ summary: '   \t ' }),
      field: 'input.summary',
    },
    {
      name: 'summary of 501 characters',
      query: CREATE_ANNOTATION,
      input: () => annotation({ summary: long(501) }),
      field: 'input.summary',
    },
    {
      name: 'summary with a line break',
      query: CREATE_ANNOTATION,
      input: () => annotation({ summary: 'one\ntwo' }),
      field: 'input.summary',
    },
    {
      name: 'summary with a bell character',
      query: CREATE_ANNOTATION,
      input: () => annotation({ summary: 'ding\u0007' }),
      field: 'input.summary',
    },
    {
      name: 'body of 20,001 characters',
      query: CREATE_ANNOTATION,
      input: () => annotation({ body: long(20_001) }),
      field: 'input.body',
    },
    {
      name: 'body with a NUL',
      query: CREATE_ANNOTATION,
      input: () => annotation({ body: 'a\u0000b' }),
      field: 'input.body',
    },
    {
      name: 'excerpt of 2,001 characters',
      query: CREATE_ANNOTATION,
      input: () => annotation({ citations: [citation({ excerpt: long(2_001) })] }),
      field: 'input.citations.0.excerpt',
    },
    {
      name: 'url of 2,049 characters',
      query: CREATE_ANNOTATION,
      input: () =>
        annotation({
          citations: [citation({ source: { url: `https://example.org/${long(2_030)}`, title: 'A', kind: 'OTHER' } })],
        }),
      field: 'input.citations.0.source.url',
    },
    {
      name: 'a javascript: url',
      query: CREATE_ANNOTATION,
      input: () =>
        annotation({ citations: [citation({ source: { url: 'javascript:alert(1)', title: 'A', kind: 'OTHER' } })] }),
      field: 'input.citations.0.source.url',
    },
    {
      name: 'source title of 501 characters',
      query: CREATE_ANNOTATION,
      input: () =>
        annotation({
          citations: [citation({ source: { url: 'https://example.org/t', title: long(501), kind: 'OTHER' } })],
        }),
      field: 'input.citations.0.source.title',
    },
    {
      name: 'a citation with both sourceId and source',
      query: CREATE_ANNOTATION,
      input: () => annotation({ citations: [citation({ sourceId: Buffer.from('Source:1').toString('base64url') })] }),
      field: 'input.citations.0',
    },
    {
      name: 'a citation with neither',
      query: CREATE_ANNOTATION,
      input: () => annotation({ citations: [{ stance: 'SUPPORTS', excerpt: 'w' }] }),
      field: 'input.citations.0',
    },
    {
      name: '21 citations',
      query: CREATE_ANNOTATION,
      input: () => annotation({ citations: Array.from({ length: 21 }, () => citation({})) }),
      field: 'input.citations',
    },
    {
      name: 'an unknown verdict',
      query: CREATE_ANNOTATION,
      input: () => annotation({ verdict: 'SORT_OF_TRUE' }),
      field: 'input.verdict',
    },
    {
      name: 'an unknown stance',
      query: CREATE_ANNOTATION,
      input: () => annotation({ citations: [citation({ stance: 'MAYBE' })] }),
      field: 'input.citations.0.stance',
    },
    {
      name: 'a malformed claim id',
      query: CREATE_ANNOTATION,
      input: () => annotation({ claimId: 'nope' }),
      field: 'input.claimId',
    },
    {
      name: 'claimant of 201 characters',
      query: 'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      input: () => ({ articleId, quote: 'NATO has similarly', claimant: long(201) }),
      field: 'input.claimant',
    },
    {
      name: 'occurrence 0',
      query: 'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      input: () => ({ articleId, quote: 'Putin', occurrence: 0 }),
      field: 'input.occurrence',
    },
    {
      name: 'expectedVersion 0',
      query: 'mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }',
      input: () => ({ id: annotationId, expectedVersion: 0, summary: 'x' }),
      field: 'input.expectedVersion',
    },
    {
      name: 'a name of 201 characters',
      query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      input: () => ({ name: long(201), role: 'REVIEWER' }),
      field: 'input.name',
      as: 'admin',
    },
    {
      name: 'an unknown role',
      query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      input: () => ({ name: 'Bo', role: 'CHIEF' }),
      field: 'input.role',
      as: 'admin',
    },
    {
      name: 'a slug with spaces',
      query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
      input: () => ({ slug: 'Not A Slug', headline: 'H', body: 'B' }),
      field: 'input.slug',
      as: 'editor',
    },
    {
      name: 'a language that is not BCP 47',
      query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
      input: () => ({ slug: 'lang-test', headline: 'H', body: 'B', language: 'english!' }),
      field: 'input.language',
      as: 'editor',
    },
  ];

  it.each(cases)(
    'refuses $name with BAD_USER_INPUT naming $field, changing nothing',
    async ({ query, input, field, as }) => {
      const token = as === 'admin' ? admin.token : as === 'editor' ? editor.token : reviewer.token;
      const before = await fingerprint(server);
      const result = await server.gql(query, { input: input() }, token);
      expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await fingerprint(server)).toBe(before);
    },
  );

  it('stores trimmed text', async () => {
    const result = await server.gql<{
      createAnnotation: { summary: string; body: string; citations: { excerpt: string; source: { title: string } }[] };
    }>(
      CREATE_ANNOTATION,
      {
        input: annotation({
          summary: '  Padded.  ',
          body: '\n Body.\n\n',
          citations: [
            citation({
              excerpt: '  quoted  ',
              source: { url: 'https://example.org/trim', title: '  Trimmed  ', kind: 'OTHER' },
            }),
          ],
        }),
      },
      reviewer.token,
    );
    expect(result.data!.createAnnotation).toMatchObject({
      summary: 'Padded.',
      body: 'Body.',
      citations: [{ excerpt: 'quoted', source: { title: 'Trimmed' } }],
    });
  });

  it('any text: stored trimmed when accepted, BAD_USER_INPUT with a field and no change when refused', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('', ' ', '\u0000', '\u001b[31m', 'a\u0085b', '\t', 'x'.repeat(501)),
    );
    await fc.assert(
      fc.asyncProperty(text, text, text, async (summary, body, excerpt) => {
        const before = await fingerprint(server);
        const result = await server.gql<{
          createAnnotation: { summary: string; body: string; citations: { excerpt: string }[] };
        }>(
          CREATE_ANNOTATION,
          { input: annotation({ summary, body, citations: [citation({ excerpt })] }) },
          reviewer.token,
        );
        if (result.errors) {
          expect(result.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
          expect(result.errors[0].extensions?.field).toMatch(/^input\.(summary|body|citations\.0\.excerpt)$/);
          expect(await fingerprint(server)).toBe(before);
        } else {
          const stored = result.data!.createAnnotation;
          expect(stored.summary).toBe(summary.trim());
          expect(stored.body).toBe(body.trim());
          expect(stored.citations[0].excerpt).toBe(excerpt.trim());
          expect(stored.summary.length).toBeGreaterThan(0);
          expect(stored.summary.length).toBeLessThanOrEqual(500);
        }
      }),
      { numRuns: 120 },
    );
  });
});
