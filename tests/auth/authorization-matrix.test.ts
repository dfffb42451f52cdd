import { type GraphQLField, getNamedType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/schema';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { splitSentences } from '../../src/modules/matching/sentences';
import { Role } from '../../src/modules/user/user.entity';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { DEFAULT_EVIDENCE } from '../helpers/newsroom';

type Actor = 'ANONYMOUS' | Role;
const ACTORS: Actor[] = ['ANONYMOUS', Role.REVIEWER, Role.EDITOR, Role.ADMIN];
const RANK: Record<Actor, number> = { ANONYMOUS: 0, REVIEWER: 1, EDITOR: 2, ADMIN: 3 };

/**
 * Every mutation's lowest role, and how to build a valid input for it. A mutation added to
 * the schema without a line here fails the first test.
 */
type Prepare = (setup: Setup) => Promise<Record<string, unknown>>;
interface Setup {
  server: TestServer;
  admin: SignedIn;
  reviewer: SignedIn;
  editor: SignedIn;
  articleId: string;
  uniq: () => number;
  /** A fact-check by the setup reviewer, moved to `status`. */
  annotation(status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED'): Promise<{ id: string; version: number }>;
  claim(): Promise<string>;
  /** A claim (without a fact-check) that a correction of its article made FUZZY. */
  fuzzyClaim(): Promise<string>;
}

/** The mutation a rule's key names: its name, or its name and a variant of its input after a space. */
const mutationOf = (key: string) => key.split(' ')[0];

/** Mutations whose input names a draft of the actor's own, created per attempt. */
const OWN_DRAFT = new Set(['updateAnnotation', 'submitAnnotation']);

const RULES: Record<string, { role: Role; prepare: Prepare }> = {
  createClaim: {
    role: Role.REVIEWER,
    prepare: async (s) => ({
      articleId: s.articleId,
      quote: 'NATO has similarly urged Russia',
      claimant: `c${s.uniq()}`,
    }),
  },
  updateClaim: { role: Role.REVIEWER, prepare: async (s) => ({ id: await s.claim(), claimant: 'Someone' }) },
  deleteClaim: { role: Role.EDITOR, prepare: async (s) => ({ id: await s.claim() }) },
  reattachClaim: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ id: await s.fuzzyClaim(), quote: 'rates rose by five percent' }),
  },
  confirmClaimAnchor: { role: Role.REVIEWER, prepare: async (s) => ({ id: await s.fuzzyClaim() }) },
  dismissClaimSuggestion: {
    role: Role.REVIEWER,
    prepare: async (s) => ({
      articleId: s.articleId,
      claimId: await s.claim(),
      sentence: splitSentences(
        (await s.server.gql<{ article: { body: string } }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { body } }`)).data!
          .article.body,
      ).find((sentence) => sentence.text.startsWith('NATO has similarly'))!.text,
    }),
  },
  createSource: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ url: `https://example.org/s${s.uniq()}`, title: 'A source', kind: 'DATASET' }),
  },
  createAnnotation: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ claimId: await s.claim(), verdict: 'TRUE', summary: 'Right.', body: 'Checked.' }),
  },
  // Authors act on their own drafts (who else may is in the workflow tests): see OWN_DRAFT.
  updateAnnotation: { role: Role.REVIEWER, prepare: async () => ({ expectedVersion: 1, summary: 'Edited.' }) },
  submitAnnotation: { role: Role.REVIEWER, prepare: async () => ({}) },
  publishAnnotation: {
    role: Role.EDITOR,
    prepare: async (s) => ({ id: (await s.annotation('IN_REVIEW')).id, expectedVersion: 2 }),
  },
  returnAnnotation: {
    role: Role.EDITOR,
    prepare: async (s) => ({ id: (await s.annotation('IN_REVIEW')).id, comment: 'Cite the minutes.' }),
  },
  retractAnnotation: {
    role: Role.EDITOR,
    prepare: async (s) => ({ id: (await s.annotation('PUBLISHED')).id, reason: 'Wrong.' }),
  },
  createArticle: {
    role: Role.EDITOR,
    prepare: async (s) => ({ slug: `article-${s.uniq()}`, headline: 'H', body: 'B' }),
  },
  updateArticle: {
    role: Role.EDITOR,
    prepare: async (s) => ({ id: await newArticle(s), expectedVersion: 1, headline: 'New' }),
  },
  publishArticle: { role: Role.EDITOR, prepare: async (s) => ({ id: await newArticle(s) }) },
  archiveArticle: { role: Role.EDITOR, prepare: async (s) => ({ id: await newArticle(s) }) },
  createUser: { role: Role.ADMIN, prepare: async (s) => ({ name: `user ${s.uniq()}`, role: 'REVIEWER' }) },
  setUserRole: { role: Role.ADMIN, prepare: async (s) => ({ userId: await newUser(s), role: 'EDITOR' }) },
  createToken: { role: Role.ADMIN, prepare: async (s) => ({ userId: await newUser(s), label: 'laptop' }) },
  revokeToken: { role: Role.ADMIN, prepare: async (s) => ({ id: await newToken(s) }) },
  addClaimAppearance: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ claimId: await s.claim(), url: `https://example.org/said-${s.uniq()}` }),
  },
  removeClaimAppearance: { role: Role.REVIEWER, prepare: async (s) => ({ id: await newOutsideAppearance(s) }) },
  // The other form of each: a place in another (published) factline article.
  'addClaimAppearance (articleId)': {
    role: Role.REVIEWER,
    prepare: async (s) => ({ claimId: await s.claim(), articleId: await newPublishedArticle(s), quote: 'Said here' }),
  },
  'removeClaimAppearance (ArticleAppearance)': {
    role: Role.REVIEWER,
    prepare: async (s) => ({ id: await newArticlePlace(s) }),
  },
  createClaimant: { role: Role.REVIEWER, prepare: async (s) => ({ name: `Claimant ${s.uniq()}` }) },
  updateClaimant: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ id: await newClaimant(s), description: 'A spokesperson.' }),
  },
  mergeClaims: {
    role: Role.EDITOR,
    prepare: async (s) => ({ keepId: await s.claim(), mergeId: await s.claim() }),
  },
  mergeClaimants: {
    role: Role.EDITOR,
    prepare: async (s) => ({ keepId: await newClaimant(s), mergeId: await newClaimant(s) }),
  },
  createRating: {
    role: Role.ADMIN,
    prepare: async (s) => ({ label: `Rating ${s.uniq()}`, colour: '#336699', verdict: 'MIXED' }),
  },
  updateRating: { role: Role.ADMIN, prepare: async (s) => ({ id: await newRating(s), colour: '#996633' }) },
  deleteRating: { role: Role.ADMIN, prepare: async (s) => ({ id: await newRating(s) }) },
  reorderRatings: {
    role: Role.ADMIN,
    prepare: async (s) => {
      const scale = await s.server.gql<{ ratingScale: { id: string }[] }>('{ ratingScale { id } }');
      return { ids: scale.data!.ratingScale.map((rating) => rating.id).reverse() };
    },
  },
  createWebhookEndpoint: {
    role: Role.ADMIN,
    prepare: async () => ({ url: 'https://example.org/hooks', eventTypes: ['FACT_CHECK_PUBLISHED'] }),
  },
  updateWebhookEndpoint: { role: Role.ADMIN, prepare: async (s) => ({ id: await newEndpoint(s), enabled: false }) },
  deleteWebhookEndpoint: { role: Role.ADMIN, prepare: async (s) => ({ id: await newEndpoint(s) }) },
  redeliverWebhookEvent: {
    role: Role.ADMIN,
    prepare: async (s) => ({ endpointId: await newEndpoint(s), eventId: await newPublicEvent(s) }),
  },
  replayWebhookEvents: {
    role: Role.ADMIN,
    prepare: async (s) => ({ endpointId: await newEndpoint(s), fromEventId: await newPublicEvent(s) }),
  },
  setImportedRatingMapping: {
    role: Role.ADMIN,
    prepare: async (s) => ({ alternateName: `Pinocchios ${s.uniq()}`, verdict: 'FALSE' }),
  },
  createTopic: { role: Role.EDITOR, prepare: async (s) => ({ name: `Topic ${s.uniq()}` }) },
  updateTopic: { role: Role.EDITOR, prepare: async (s) => ({ id: await newTopic(s), description: 'Renamed.' }) },
  deleteTopic: { role: Role.EDITOR, prepare: async (s) => ({ id: await newTopic(s) }) },
  setArticleTopics: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ articleId: await newPublishedArticle(s), topicIds: [await newTopic(s)] }),
  },
  setClaimTopics: {
    role: Role.REVIEWER,
    prepare: async (s) => ({ claimId: await s.claim(), topicIds: [await newTopic(s)] }),
  },
};

/** A rating of the scale that no fact-check carries. */
async function newRating(s: Setup): Promise<string> {
  return (
    await call(s.server, s.admin.token, 'mutation($input: CreateRatingInput!) { createRating(input: $input) { id } }', {
      label: `Prepared rating ${s.uniq()}`,
      colour: '#123123',
      verdict: 'UNVERIFIABLE',
    })
  ).id!;
}

/** A webhook endpoint, delivered to by no one here. */
async function newEndpoint(s: Setup): Promise<string> {
  const created = (await call(
    s.server,
    s.admin.token,
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    { url: `https://example.org/hooks/${s.uniq()}`, eventTypes: ['FACT_CHECK_PUBLISHED'] },
  )) as unknown as { endpoint: { id: string } };
  return created.endpoint.id;
}

/** An event of the log readers could see: a fact-check published for it. */
async function newPublicEvent(s: Setup): Promise<string> {
  await s.annotation('PUBLISHED');
  const events = await s.server.db.eventLog.after(0, 100_000);
  return String(events.filter((event) => event.isPublic).at(-1)!.eventId);
}

/** A topic nothing is filed under yet. */
async function newTopic(s: Setup): Promise<string> {
  return (
    await call(s.server, s.admin.token, 'mutation($input: CreateTopicInput!) { createTopic(input: $input) { id } }', {
      name: `Prepared topic ${s.uniq()}`,
    })
  ).id!;
}

/** A place outside factline listed for an unchecked claim. */
async function newOutsideAppearance(s: Setup): Promise<string> {
  return (
    await call(
      s.server,
      s.admin.token,
      'mutation($input: AddClaimAppearanceInput!) { addClaimAppearance(input: $input) { id } }',
      { claimId: await s.claim(), url: `https://example.org/listed-${s.uniq()}` },
    )
  ).id!;
}

/** A published article whose body says `Said here`, once. */
async function newPublishedArticle(s: Setup): Promise<string> {
  const id = (
    await call(
      s.server,
      s.editor.token,
      'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
      {
        slug: `elsewhere-${s.uniq()}`,
        headline: 'H',
        body: 'Said here. Then more.',
      },
    )
  ).id!;
  await call(
    s.server,
    s.editor.token,
    'mutation($input: ArticleTransitionInput!) { publishArticle(input: $input) { id } }',
    {
      id,
    },
  );
  return id;
}

/** An unchecked claim's further place in another published article. */
async function newArticlePlace(s: Setup): Promise<string> {
  return (
    await call(
      s.server,
      s.admin.token,
      'mutation($input: AddClaimAppearanceInput!) { addClaimAppearance(input: $input) { id } }',
      { claimId: await s.claim(), articleId: await newPublishedArticle(s), quote: 'Said here' },
    )
  ).id!;
}

/** A claimant no claim names yet. */
async function newClaimant(s: Setup): Promise<string> {
  return (
    await call(
      s.server,
      s.admin.token,
      'mutation($input: CreateClaimantInput!) { createClaimant(input: $input) { id } }',
      { name: `Prepared claimant ${s.uniq()}` },
    )
  ).id!;
}

async function call(server: TestServer, token: string, query: string, input: Record<string, unknown>) {
  const result = await server.gql<
    Record<string, { id?: string; version?: number; secret?: string; token?: { id: string } }>
  >(query, { input }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data!)[0];
}

async function newArticle(s: Setup): Promise<string> {
  const created = await call(
    s.server,
    s.editor.token,
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
    { slug: `prep-${s.uniq()}`, headline: 'H', body: 'B' },
  );
  return created.id!;
}

async function newUser(s: Setup): Promise<string> {
  return (
    await call(s.server, s.admin.token, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      name: `prep ${s.uniq()}`,
      role: 'REVIEWER',
    })
  ).id!;
}

async function newToken(s: Setup): Promise<string> {
  const created = await call(
    s.server,
    s.admin.token,
    'mutation($input: CreateTokenInput!) { createToken(input: $input) { token { id } } }',
    { userId: await newUser(s), label: 'x' },
  );
  return created.token!.id;
}

describe('authorization matrix', () => {
  let server: TestServer;
  let setup: Setup;
  let mutations: Record<string, GraphQLField<unknown, unknown>>;

  beforeAll(async () => {
    server = await startTestServer();
    mutations = (await buildAppSchema()).getMutationType()!.getFields();
    const admin = await server.signIn(Role.ADMIN);
    const reviewer = await server.signIn(Role.REVIEWER);
    const editor = await server.signIn(Role.EDITOR);
    const article = await server.gql<{ article: { id: string } }>(`{ article(slug: "${DEMO_ARTICLE_SLUG}") { id } }`);
    let counter = 0;
    setup = {
      server,
      admin,
      reviewer,
      editor,
      articleId: article.data!.article.id,
      uniq: () => (counter += 1),
      async claim() {
        return (
          await call(
            server,
            reviewer.token,
            'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
            { articleId: setup.articleId, quote: 'Clearly, relations', occurrence: 1 },
          )
        ).id!;
      },
      async fuzzyClaim() {
        const body = 'The minister said rates rose by four percent this year. Other news followed.';
        const id = (
          await call(
            server,
            editor.token,
            'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
            { slug: `fuzzy-${setup.uniq()}`, headline: 'H', body },
          )
        ).id!;
        await call(
          server,
          editor.token,
          'mutation($input: ArticleTransitionInput!) { publishArticle(input: $input) { id } }',
          { id },
        );
        const claim = (
          await call(
            server,
            reviewer.token,
            'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
            { articleId: id, quote: 'rates rose by four percent' },
          )
        ).id!;
        const corrected = body.replace('four', 'five');
        await call(
          server,
          editor.token,
          'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }',
          { id, expectedVersion: 2, body: corrected, changeNote: 'Five, not four.' },
        );
        return claim;
      },
      async annotation(status) {
        const created = await call(
          server,
          reviewer.token,
          'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }',
          {
            claimId: await setup.claim(),
            verdict: 'MIXED',
            summary: 'Partly.',
            body: 'Some of it.',
            citations: [DEFAULT_EVIDENCE],
          },
        );
        if (status === 'DRAFT') return { id: created.id!, version: 1 };
        await call(
          server,
          reviewer.token,
          'mutation($input: AnnotationTransitionInput!) { submitAnnotation(input: $input) { id } }',
          { id: created.id },
        );
        if (status === 'IN_REVIEW') return { id: created.id!, version: 2 };
        await call(
          server,
          editor.token,
          'mutation($input: PublishAnnotationInput!) { publishAnnotation(input: $input) { id } }',
          { id: created.id, expectedVersion: 2 },
        );
        return { id: created.id!, version: 3 };
      },
    };
  });
  afterAll(() => server.close());

  it('has a rule for every mutation in the schema, and every mutation takes one `input`', () => {
    expect(Object.keys(mutations).sort()).toEqual([...new Set(Object.keys(RULES).map(mutationOf))].sort());
    for (const field of Object.values(mutations)) {
      expect(field.args.map((arg) => arg.name)).toEqual(['input']);
      expect(isNonNullType(field.args[0].type)).toBe(true);
    }
  });

  const cases = Object.keys(RULES).flatMap((mutation) => ACTORS.map((actor) => ({ mutation, actor })));

  it.each(cases)('$mutation as $actor', async ({ mutation: key, actor }) => {
    const mutation = mutationOf(key);
    const field = mutations[mutation];
    const rule = RULES[key];
    const inputType = getNamedType(field.args[0].type).name;
    const query = `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`;
    const signedIn = actor === 'ANONYMOUS' ? null : await server.signIn(actor);
    let input = await rule.prepare(setup);
    if (OWN_DRAFT.has(mutation)) {
      const own = signedIn
        ? await call(
            server,
            signedIn.token,
            'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
            {
              claimId: await setup.claim(),
              verdict: 'TRUE',
              summary: 'Own.',
              body: 'Own draft.',
            },
          )
        : await setup.annotation('DRAFT');
      input = { ...input, id: own.id };
    }
    const result = await server.gql(query, { input }, signedIn?.token);
    if (actor === 'ANONYMOUS') {
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.status).toBe(200);
    } else if (RANK[actor] < RANK[rule.role]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } else {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data![mutation]).toBeTruthy();
    }
  });
});
