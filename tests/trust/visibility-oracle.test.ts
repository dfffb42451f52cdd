import fc from 'fast-check';
import { getNamedType, graphql, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createServices, type Services } from '../../src/app/services';
import { toGlobalId, type NodeTypeName } from '../../src/graphql/relay/global-id';
import { buildAppSchema } from '../../src/app/schema';
import { ANONYMOUS, type Viewer } from '../../src/modules/auth/viewer';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRows } from '../helpers/inspect';
import { connectLive, type LiveClient, type LiveStream } from '../helpers/live-client';
import { moment, Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { NewsroomActions } from './newsroom-actions';
import {
  actions,
  type Actor,
  type ClaimantView,
  KNOWN_HISTORIES,
  type ModelClaimant,
  NewsroomModel,
  type ReaderView,
  SCALE,
  sortChecks,
  sortClaims,
  VERDICTS,
} from './newsroom-model';
import { expressRoutes } from './routes';
import {
  argumentsGiven,
  everyArgument,
  everyField,
  reachableFields,
  STAFF_ONLY_FIELDS,
  selectedFields,
  textOf,
} from './schema-walk';

/**
 * The visibility oracle. Random histories of staff work (articles drafted, rewritten,
 * published, archived; claims marked, re-attributed, re-attached, deleted, merged, listed as made
 * outside factline and placed in other articles (and taken off again); fact-checks
 * drafted, edited, submitted, published, retracted; sources cited; claimants recorded,
 * renamed, merged; suggested claims dismissed), every text carrying a unique marker.
 * Afterwards every read path a reader has is asked, anonymously and as a reviewer who took no
 * part: no marker of anything readers never saw may come back, and what readers are answered
 * equals the model's picture of what was published, now and at every moment in between: the
 * articles, each claimant (their claims, verdicts and page), and the corrections of the
 * public record.
 *
 * The read paths are enumerated from the schema (every query and subscription field, every
 * field below them, every argument of them) and from the express router: a new one is read
 * here, or the test fails until it is given a way to be read.
 */

/** How deep the oracle reads: articles in full, the past and lookups by id a little less (their nested paths are the same loaders). */
const DEPTH = 6;
const PAST_DEPTH = 5;
const LOOKUP_DEPTH = 3;
/** Lists narrowed by their arguments: the nodes and what is directly under them. */
const VARIANT_DEPTH = 2;
const READER_VIEW =
  '{ headline standfirst body claims { quote verdict claimant { name } annotations { summary status } } }';
/** A claimant as the model predicts it, its claims of each verdict too. */
const CLAIMANT_VIEW = `name slug aliases description verdictSummary { verdict count }
  claims(first: 100) { totalCount edges { node { quote verdict } } }
  ${SCALE.map((verdict) => `${verdict}: claims(verdict: ${verdict}, first: 100) { totalCount edges { node { quote verdict } } }`).join(' ')}`;
/** The claim-level corrections (those of the article itself are its revisions). */
const CLAIM_CORRECTIONS = [
  'VERDICT_CHANGED',
  'CHECK_UPDATED',
  'RETRACTED',
  'QUOTE_CHANGED',
  'CLAIMANT_CHANGED',
  'PLACE_ADDED',
  'PLACE_REMOVED',
  'CLAIM_MERGED',
];
const ANCHOR_STATUSES = ['ANCHORED', 'MOVED', 'FUZZY', 'AMBIGUOUS', 'ORPHANED'];
const ANNOTATION_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETRACTED'];
/** The arguments every operation the oracle sent gave (argumentsGiven): all of them must be read. */
const GIVEN = new Set<string>();

type Who = 'anonymous' | 'observer';

interface Run {
  server: TestServer;
  schema: GraphQLSchema;
  services: Services;
  model: NewsroomModel;
  viewers: Record<Who, Viewer>;
  /** After each action: the moment, and the model's reader views and visible markers then. */
  snapshots: { at: string; views: Map<string, ReaderView | null>; markers: Set<string> }[];
  /** What subscribers were sent. */
  streams: Record<Who, LiveStream[]>;
}

/** Runs an operation on the real schema and resolvers as `who` would (abuse limits aside). */
async function ask(
  run: Run,
  who: Who,
  source: string,
  variableValues: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const result = await graphql({
    schema: run.schema,
    source,
    variableValues,
    contextValue: contextFor(run.server.db, run.services, run.viewers[who]),
  });
  if (result.errors) throw new Error(`${source.slice(0, 80)}: ${JSON.stringify(result.errors)}`);
  for (const argument of argumentsGiven(run.schema, source, variableValues)) GIVEN.add(argument);
  return result.data as Record<string, unknown>;
}

/** A connection's page, each node read in full. */
function pageSelection(schema: GraphQLSchema, nodeType: string): string {
  return `totalCount edges { cursor node { ${everyField(schema, nodeType, DEPTH)} } } pageInfo { ${everyField(schema, 'PageInfo', 1)} }`;
}

/**
 * Every page of a connection field, then the page after the last (a real row's cursor, which
 * a history too short for a second page would otherwise never send back), which must be empty.
 */
async function allPages(run: Run, who: Who, field: string, nodeType: string, args = ''): Promise<unknown[]> {
  const pages: unknown[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const data = await ask(
      run,
      who,
      `query($after: String) { ${field}(first: 100, after: $after${args}) { ${pageSelection(run.schema, nodeType)} } }`,
      { after },
    );
    const connection = data[field] as {
      edges: unknown[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    pages.push(connection);
    if (connection.pageInfo.endCursor) after = connection.pageInfo.endCursor;
    if (!connection.pageInfo.hasNextPage) break;
  }
  if (after) {
    const beyond = (
      await ask(run, who, `query($after: String) { ${field}(first: 100, after: $after${args}) { edges { cursor } } }`, {
        after,
      })
    )[field] as { edges: unknown[] };
    expect(beyond.edges, `${field} after its last page`).toEqual([]);
  }
  return pages;
}

/**
 * `field(args)` for each set of arguments, in one document (aliases): what the arguments choose
 * is their SQL's; below the nodes the paths are the same loaders, read in full elsewhere.
 */
async function variants(run: Run, who: Who, field: string, type: string, args: string[]): Promise<unknown[]> {
  if (args.length === 0) return [];
  const selection = `totalCount edges { node { ${everyField(run.schema, type, VARIANT_DEPTH)} } }`;
  return [
    await ask(run, who, `{ ${args.map((a, i) => `v${i}: ${field}(first: 100, ${a}) { ${selection} }`).join(' ')} }`),
  ];
}

/** Every claimant's name and slug in the database, whoever may see it. */
async function everyClaimant(run: Run): Promise<{ name: string; slug: string }[]> {
  return inspectRows(run.server.db, sql<{ name: string; slug: string }>`SELECT name, slug FROM claimants ORDER BY id`);
}

/** Every topic's slug in the database, whoever may see it. */
async function everyTopicSlug(run: Run): Promise<string[]> {
  return (await inspectRows(run.server.db, sql<{ slug: string }>`SELECT slug FROM topics ORDER BY id`)).map(
    (row) => row.slug,
  );
}

/**
 * Files the history's articles and live claims under topics, as the desk would: one topic on
 * every article and claim, one on drafts only (which readers must never be answered), and one on
 * nothing. Topic names carry no markers: what readers see of topics is tests/trust/topic-visibility.test.ts's.
 */
async function fileUnderTopics(run: Run, editor: SignedIn): Promise<void> {
  const room = new Newsroom(run.server);
  const topic = (name: string) =>
    room.mutate<{ id: string }>('createTopic', 'CreateTopicInput', { name }, editor, 'id');
  const [everything, drafts] = [await topic('Every story'), await topic('Drafts only')];
  await topic('Nothing yet');
  for (const article of run.model.articles) {
    const ids = article.status === 'DRAFT' ? [everything.id, drafts.id] : [everything.id];
    await room.mutate(
      'setArticleTopics',
      'SetArticleTopicsInput',
      { articleId: article.id, topicIds: ids },
      editor,
      'id',
    );
  }
  const claims = await inspectRows(
    run.server.db,
    sql<{ id: number }>`SELECT id FROM claims WHERE deleted_at IS NULL AND appearance_of_id IS NULL ORDER BY id`,
  );
  for (const { id } of claims)
    await room.mutate(
      'setClaimTopics',
      'SetClaimTopicsInput',
      { claimId: toGlobalId('Claim', id), topicIds: [everything.id] },
      editor,
      'id',
    );
}

/** Global ids of every row of the database, whoever may see it. */
async function everyId(
  run: Run,
): Promise<
  Record<
    | 'Article'
    | 'Claim'
    | 'ArticleAppearance'
    | 'OutsideAppearance'
    | 'Annotation'
    | 'Source'
    | 'User'
    | 'Claimant'
    | 'Topic',
    string[]
  >
> {
  const of = async (type: NodeTypeName, table: string) =>
    (await inspectRows(run.server.db, sql<{ id: number }>`SELECT id FROM ${sql.table(table)} ORDER BY id`)).map((row) =>
      toGlobalId(type, row.id),
    );
  return {
    Article: await of('Article', 'articles'),
    Claim: await of('Claim', 'claims'),
    // A claim's place in its article shares the claim's key; a further place in another article is a claims row of its own.
    ArticleAppearance: await of('ArticleAppearance', 'claims'),
    OutsideAppearance: await of('OutsideAppearance', 'outside_appearances'),
    Annotation: await of('Annotation', 'annotations'),
    Source: await of('Source', 'sources'),
    User: await of('User', 'users'),
    Claimant: await of('Claimant', 'claimants'),
    Topic: await of('Topic', 'topics'),
  };
}

/**
 * How each query field is read: every one in the schema must be here. Each returns the
 * answers, in full, for the marker scan.
 */
const QUERY_PATHS: Record<string, (run: Run, who: Who) => Promise<unknown[]>> = {
  article: async (run, who) => {
    // Staff also read the article's staff-only fields (suggestedClaims); readers are refused them (below).
    const now = `${everyField(run.schema, 'Article', DEPTH)}${who === 'observer' ? ` ${staffSelection(run.schema)}` : ''}`;
    const past = everyField(run.schema, 'Article', PAST_DEPTH);
    const byId = everyField(run.schema, 'Article', LOOKUP_DEPTH);
    return Promise.all(
      run.model.articles.map(({ slug, id }) =>
        // The article now (by slug and by id), and as of every moment of the history, in one document.
        ask(
          run,
          who,
          `query($slug: String!, $id: ID!) { now: article(slug: $slug) { ${now} } byId: article(id: $id) { ${byId} } ${run.snapshots.map(({ at }, i) => `m${i}: article(slug: $slug, asOf: "${at}") { ${past} }`).join(' ')} }`,
          { slug, id },
        ),
      ),
    );
  },
  articles: async (run, who) => [
    ...(await allPages(run, who, 'articles', 'Article')),
    ...(await variants(run, who, 'articles', 'Article', [
      'orderBy: PUBLISHED_AT_ASC',
      'filter: { language: "en", publishedAfter: "2000-01-01T00:00:00.000Z", publishedBefore: "2100-01-01T00:00:00.000Z" }',
      'filter: { section: "News" }',
      ...['DRAFT', 'PUBLISHED', 'ARCHIVED'].map((status) => `filter: { status: ${status} }`),
      ...VERDICTS.map((verdict) => `filter: { verdict: ${verdict} }`),
      ...(await everyTopicSlug(run)).map((slug) => `filter: { topic: ${JSON.stringify(slug)} }`),
    ])),
  ],
  // Narrowed by each verdict, each article, each claimant by id and by name, hidden ones too.
  claims: async (run, who) => {
    const ids = await everyId(run);
    return [
      ...(await allPages(run, who, 'claims', 'Claim')),
      ...(await variants(run, who, 'claims', 'Claim', [
        ...VERDICTS.map((verdict) => `filter: { verdict: ${verdict} }`),
        ...ids.Article.map((id) => `filter: { articleId: "${id}" }`),
        ...ids.Claimant.map((id) => `filter: { claimantId: "${id}" }`),
        ...(await everyClaimant(run)).map(({ name }) => `filter: { claimant: ${JSON.stringify(name)} }`),
        ...(await everyTopicSlug(run)).map((slug) => `filter: { topic: ${JSON.stringify(slug)} }`),
        'filter: { verdictStale: true }',
        'filter: { verdictStale: false }',
        ...ANCHOR_STATUSES.map((status) => `filter: { anchorStatus: [${status}] }`),
        `filter: { anchorStatus: [${ANCHOR_STATUSES.join(', ')}], verdictStale: true }`,
      ])),
    ];
  },
  // Every fact-check the viewer may see, and narrowed by each status, author, article and claim
  // (hidden ones too), and the review queue (an editor's: nothing for these viewers).
  annotations: async (run, who) => {
    const ids = await everyId(run);
    return [
      ...(await allPages(run, who, 'annotations', 'Annotation')),
      ...(await variants(run, who, 'annotations', 'Annotation', [
        ...ANNOTATION_STATUSES.map((status) => `filter: { status: [${status}] }`),
        'filter: { awaitingMyReview: true }',
        'filter: { awaitingMyReview: true, status: [IN_REVIEW] }',
        ...ids.User.map((id) => `filter: { authorId: "${id}" }`),
        ...ids.Article.map((id) => `filter: { articleId: "${id}" }`),
        ...ids.Claim.map((id) => `filter: { claimId: "${id}" }`),
      ])),
    ];
  },
  sources: (run, who) => allPages(run, who, 'sources', 'Source'),
  // And narrowed by every claimant's name (hidden ones too) and by each name's marker.
  claimants: async (run, who) => [
    ...(await allPages(run, who, 'claimants', 'Claimant')),
    ...(await variants(
      run,
      who,
      'claimants',
      'Claimant',
      (await everyClaimant(run)).flatMap(({ name }) => [
        `query: ${JSON.stringify(name)}`,
        ...[...name.matchAll(NewsroomModel.markerPattern(run.model.tag))].map(([marker]) => `query: "${marker}"`),
      ]),
    )),
  ],
  search: async (run, who) => [
    ...(await allPages(run, who, 'search', 'SearchHit', `, query: "mk${run.model.tag}*"`)),
    ...(await variants(run, who, 'search', 'SearchHit', [
      `query: "mk${run.model.tag}*", filter: { types: [ANNOTATION, ARTICLE, CLAIM, SOURCE] }`,
      `query: "mk${run.model.tag}*", filter: { language: "en", publishedAfter: "2000-01-01T00:00:00.000Z", publishedBefore: "2100-01-01T00:00:00.000Z" }`,
      ...VERDICTS.map((verdict) => `query: "mk${run.model.tag}*", filter: { verdict: ${verdict} }`),
      ...(await everyTopicSlug(run)).map(
        (slug) => `query: "mk${run.model.tag}*", filter: { topic: ${JSON.stringify(slug)} }`,
      ),
    ])),
  ],
  topics: (run, who) => allPages(run, who, 'topics', 'Topic'),
  // Every topic by slug (hidden ones too), and each one's articles and claims page after the first.
  topic: async (run, who) => {
    const slugs = await everyTopicSlug(run);
    if (slugs.length === 0) return [];
    const page = (type: string) =>
      `totalCount edges { cursor node { ${everyField(run.schema, type, LOOKUP_DEPTH - 1)} } } pageInfo { endCursor }`;
    const selection = `${everyField(run.schema, 'Topic', LOOKUP_DEPTH)} firstArticle: articles(first: 1) { pageInfo { endCursor } } firstClaim: claims(first: 1) { pageInfo { endCursor } }`;
    const first = await ask(
      run,
      who,
      `{ ${slugs.map((slug, i) => `s${i}: topic(slug: ${JSON.stringify(slug)}) { ${selection} }`).join(' ')} }`,
    );
    const after = slugs.flatMap((slug, i) => {
      const answer = first[`s${i}`] as {
        firstArticle: { pageInfo: { endCursor: string | null } };
        firstClaim: { pageInfo: { endCursor: string | null } };
      } | null;
      const fields = [
        answer?.firstArticle.pageInfo.endCursor &&
          `articles(after: ${JSON.stringify(answer.firstArticle.pageInfo.endCursor)}) { ${page('Article')} }`,
        answer?.firstClaim.pageInfo.endCursor &&
          `claims(after: ${JSON.stringify(answer.firstClaim.pageInfo.endCursor)}) { ${page('Claim')} }`,
      ].filter(Boolean);
      return fields.length > 0 ? [`s${i}: topic(slug: ${JSON.stringify(slug)}) { ${fields.join(' ')} }`] : [];
    });
    return [first, ...(after.length > 0 ? [await ask(run, who, `{ ${after.join(' ')} }`)] : [])];
  },
  node: async (run, who) => byIds(run, who, 'node', 'Node', Object.values(await everyId(run)).flat()),
  nodes: async (run, who) => {
    const ids = Object.values(await everyId(run)).flat();
    const answers: unknown[] = [];
    for (let i = 0; i < ids.length; i += 100)
      answers.push(
        await ask(
          run,
          who,
          `query($ids: [ID!]!) { nodes(ids: $ids) { ${everyField(run.schema, 'Node', LOOKUP_DEPTH)} } }`,
          { ids: ids.slice(i, i + 100) },
        ),
      );
    return answers;
  },
  // By id, and each one's appearances page after the first.
  claim: async (run, who) => {
    const ids = (await everyId(run)).Claim;
    if (ids.length === 0) return [];
    const places = `totalCount edges { cursor node { ${everyField(run.schema, 'ClaimAppearance', LOOKUP_DEPTH - 1)} } }`;
    const selection = `${everyField(run.schema, 'Claim', LOOKUP_DEPTH)} firstPlace: appearances(first: 1) { pageInfo { endCursor } }`;
    const first = await ask(
      run,
      who,
      `{ ${ids.map((id, i) => `i${i}: claim(id: "${id}") { ${selection} }`).join(' ')} }`,
    );
    const after = ids.flatMap((id, i) => {
      const cursor = (first[`i${i}`] as { firstPlace: { pageInfo: { endCursor: string | null } } } | null)?.firstPlace
        .pageInfo.endCursor;
      return cursor
        ? [`i${i}: claim(id: "${id}") { appearances(after: ${JSON.stringify(cursor)}) { ${places} } }`]
        : [];
    });
    return [first, ...(after.length > 0 ? [await ask(run, who, `{ ${after.join(' ')} }`)] : [])];
  },
  annotation: async (run, who) => byIds(run, who, 'annotation', 'Annotation', (await everyId(run)).Annotation),
  source: async (run, who) => byIds(run, who, 'source', 'Source', (await everyId(run)).Source),
  // By id and by slug, their claims narrowed by each verdict, and each one's claims page after the first.
  claimant: async (run, who) => {
    const ids = (await everyId(run)).Claimant;
    if (ids.length === 0) return [];
    const slugs = await everyClaimant(run);
    const claims = `totalCount edges { cursor node { ${everyField(run.schema, 'Claim', LOOKUP_DEPTH - 1)} } } pageInfo { endCursor }`;
    const selection = `${everyField(run.schema, 'Claimant', LOOKUP_DEPTH)} ${VERDICTS.map((verdict) => `${verdict}: claims(verdict: ${verdict}) { ${claims} }`).join(' ')} firstClaim: claims(first: 1) { pageInfo { endCursor } }`;
    const first = await ask(
      run,
      who,
      `{ ${ids.map((id, i) => `i${i}: claimant(id: "${id}") { ${selection} }`).join(' ')} ${slugs.map(({ slug }, i) => `s${i}: claimant(slug: ${JSON.stringify(slug)}) { ${selection} }`).join(' ')} }`,
    );
    const after = ids.flatMap((id, i) => {
      const cursor = (first[`i${i}`] as { firstClaim: { pageInfo: { endCursor: string | null } } } | null)?.firstClaim
        .pageInfo.endCursor;
      return cursor ? [`i${i}: claimant(id: "${id}") { claims(after: ${JSON.stringify(cursor)}) { ${claims} } }`] : [];
    });
    return [first, ...(after.length > 0 ? [await ask(run, who, `{ ${after.join(' ')} }`)] : [])];
  },
  viewer: async (run, who) => [await ask(run, who, `{ viewer { ${everyField(run.schema, 'User', DEPTH)} } }`)],
  // The organisation's rating scale is published information: everyone reads it whole.
  ratingScale: async (run, who) => [
    await ask(run, who, `{ ratingScale { ${everyField(run.schema, 'ScaleRating', LOOKUP_DEPTH)} } }`),
  ],
  // ADMIN only: readers and a reviewer are refused, and answered nothing.
  users: async (run, who) => {
    const result = await graphql({
      schema: run.schema,
      source: `{ users { ${everyField(run.schema, 'User', DEPTH)} } }`,
      contextValue: contextFor(run.server.db, run.services, run.viewers[who]),
    });
    expect(result.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    return [result.data];
  },
  // ADMIN only: readers and a reviewer are refused, and answered nothing.
  unmappedImportedRatings: async (run, who) => {
    const result = await graphql({
      schema: run.schema,
      source: `{ unmappedImportedRatings { ${everyField(run.schema, 'UnmappedImportedRating', 1)} } }`,
      contextValue: contextFor(run.server.db, run.services, run.viewers[who]),
    });
    expect(result.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    return [result.data];
  },
  // ADMIN only, with every field and argument: readers and a reviewer are refused, and answered nothing.
  webhookEndpoints: async (run, who) => {
    const source = `{ webhookEndpoints { ${everyField(run.schema, 'WebhookEndpoint', 1)} deliveries(first: 5, before: "99") { ${everyField(run.schema, 'WebhookDelivery', 1)} } } }`;
    for (const argument of argumentsGiven(run.schema, source, {})) GIVEN.add(argument);
    const result = await graphql({
      schema: run.schema,
      source,
      contextValue: contextFor(run.server.db, run.services, run.viewers[who]),
    });
    expect(result.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    return [result.data];
  },
  // Every claim's words, hidden ones included: only claims the viewer may see may come back.
  claimMatches: async (run, who) => {
    const quotes = (await inspectRows(run.server.db, sql<{ quote: string }>`SELECT quote FROM claims ORDER BY id`)).map(
      (row) => row.quote,
    );
    if (quotes.length === 0) return [];
    const selection = everyField(run.schema, 'ClaimMatch', LOOKUP_DEPTH);
    return [
      await ask(
        run,
        who,
        `query(${quotes.map((_, i) => `$t${i}: String!`).join(', ')}) { ${quotes.map((_, i) => `m${i}: claimMatches(text: $t${i}, first: 50) { ${selection} }`).join(' ')} inLanguage: claimMatches(text: $t0, first: 50, language: "en") { ${selection} } }`,
        Object.fromEntries(quotes.map((quote, i) => [`t${i}`, quote])),
      ),
    ];
  },
};

/** The staff-only fields of an article (STAFF_ONLY_FIELDS), read in full. */
function staffSelection(schema: GraphQLSchema): string {
  return [...STAFF_ONLY_FIELDS]
    .filter((field) => field.startsWith('Article.'))
    .map((field) => {
      const name = field.slice('Article.'.length);
      const type = schema.getType('Article') as import('graphql').GraphQLObjectType;
      const named = getNamedType(type.getFields()[name].type).name;
      return `${name} { ${everyField(schema, named, DEPTH - 1)} }`;
    })
    .join(' ');
}

/** `field(id: ...)` for every id, in one document (aliases), each object read in full. */
async function byIds(run: Run, who: Who, field: string, type: string, ids: string[]): Promise<unknown[]> {
  if (ids.length === 0) return [];
  const selection = everyField(run.schema, type, LOOKUP_DEPTH);
  return [await ask(run, who, `{ ${ids.map((id, i) => `i${i}: ${field}(id: "${id}") { ${selection} }`).join(' ')} }`)];
}

/** Subscriptions are read as they deliver: subscribed to each article once readers can see it. */
const SUBSCRIPTION_FIELDS = ['annotationPublished', 'claimVerdictChanged', 'events'];

/**
 * The express routes. `reader` ones are read for every article (and page); the others hold
 * no newsroom content (probes, metrics, static assets, the playground page) or are GraphQL.
 */
const ROUTES: Record<string, 'reader' | 'no content' | 'graphql'> = {
  'GET /articles': 'reader',
  'GET /articles/:slug': 'reader',
  'GET /claimants/:slug': 'reader',
  'GET /claimreview.json': 'reader',
  'GET /claims/:id': 'reader',
  'GET /embed/claims/:id': 'reader',
  'GET /oembed': 'reader',
  'GET /feeds/fact-checks.atom': 'reader',
  'GET /feeds/corrections.atom': 'reader',
  'GET /feeds/claimants/:slug.atom': 'reader',
  'GET /feeds/topics/:slug.atom': 'reader',
  'GET /topics/:slug': 'reader',
  'GET /,/graphql': 'no content',
  'GET /healthz': 'no content',
  'GET /readyz': 'no content',
  'GET /metrics': 'no content',
  'GET /playground/assets/graphiql.css': 'no content',
  'GET /playground/assets/graphiql.js': 'no content',
  'GET /playground/assets/graphql-ws.js': 'no content',
  'GET /playground/assets/playground.js': 'no content',
  'GET /playground/assets/react-dom.js': 'no content',
  'GET /playground/assets/react.js': 'no content',
  'GET /reader/assets/reader.css': 'no content',
  'GET /reader/assets/reader.js': 'no content',
  'GET /reader/assets/embed.css': 'no content',
  // Generated from the database (the scale's colours): read with the pages.
  'GET /reader/scale.css': 'reader',
  // The workbench: one HTML shell with no data (it reads everything through GraphQL) and its bundle.
  'GET /review,/review/*rest': 'no content',
  'GET /review/assets/:name': 'no content',
  'USE /graphql': 'graphql',
  // Staff sign-in (src/http/session-routes.ts): the signed-in account's own id, name and role, to
  // its session cookie only; nothing of the newsroom's content.
  'DELETE /review/session': 'no content',
  'GET /review/session': 'no content',
  'POST /review/session': 'no content',
  // Single sign-on (src/http/sso-routes.ts), mounted when OIDC_* are set: redirects and cookies only.
  'GET /review/sso/callback': 'no content',
  'GET /review/sso/start': 'no content',
};

/** The reader pages, the ClaimReview feed, and the article over real HTTP (response cache, compiled lane). */
async function readerPages(run: Run): Promise<string[]> {
  const base = run.server.url;
  const texts: string[] = [];
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    const text = await response.text();
    texts.push(text);
    return text;
  };
  let list = await get('/articles');
  for (let page = 0; page < 20; page += 1) {
    const next = /href="(\/articles\?after=[^"]+)"/.exec(list)?.[1];
    if (!next) break;
    list = await get(next.replace(/&amp;/g, '&'));
  }
  for (const { slug } of run.model.articles) {
    await get(`/articles/${slug}`);
    texts.push(textOf(await run.server.gql(`query($slug: String!) { article(slug: $slug) ${READER_VIEW} }`, { slug })));
  }
  // Every claimant's page and feed, whoever may see it: they must hide what readers may not see.
  for (const { slug } of await inspectRows(
    run.server.db,
    sql<{ slug: string }>`SELECT slug FROM claimants ORDER BY id`,
  )) {
    await get(`/claimants/${slug}`);
    await get(`/feeds/claimants/${slug}.atom`);
  }
  await get('/feeds/fact-checks.atom');
  await get('/feeds/corrections.atom');
  await get('/reader/scale.css');
  // Every claim's page, card and oEmbed answer, whoever may see it.
  for (const article of run.model.articles)
    for (const { id } of article.claims) {
      await get(`/claims/${id}`);
      await get(`/embed/claims/${id}`);
      await get(`/oembed?${new URLSearchParams({ url: `http://factline.test/claims/${id}` })}`);
    }
  // Every topic's page and feed, whoever may see it.
  for (const slug of await everyTopicSlug(run)) {
    await get(`/topics/${slug}`);
    await get(`/feeds/topics/${slug}.atom`);
  }
  let feed = JSON.parse(await get('/claimreview.json')) as { next: string | null };
  for (let page = 0; feed.next && page < 20; page += 1)
    feed = JSON.parse(await get(new URL(feed.next).pathname + new URL(feed.next).search)) as { next: string | null };
  return texts;
}

/** The values of an enum of the schema, as a variable takes them. */
function getEnumValues(schema: GraphQLSchema, name: string): string[] {
  return (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);
}

/**
 * Waits until a resumed stream has been given the events through `newest` (or goes quiet):
 * the events a viewer may not see are skipped, so the count alone cannot tell.
 */
async function waitForEvent(stream: LiveStream<{ events: { eventId: string } }>, newest: number): Promise<void> {
  let seen = -1;
  for (let quiet = 0; quiet < 20; quiet += 1) {
    const last = Number(stream.results.at(-1)?.data?.events.eventId ?? 0);
    if (last >= newest) return;
    if (stream.results.length !== seen) quiet = 0;
    seen = stream.results.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function markersIn(text: string, tag: string): Set<string> {
  return new Set([...text.matchAll(NewsroomModel.markerPattern(tag))].map((match) => match[0]));
}

function readerView(article: Record<string, unknown> | null): ReaderView | null {
  if (!article) return null;
  const claims = article.claims as {
    quote: string;
    verdict: ReaderView['claims'][number]['verdict'];
    claimant: { name: string } | null;
    annotations: { summary: string; status: string }[];
  }[];
  return {
    headline: article.headline as string,
    standfirst: article.standfirst as string,
    body: article.body as string,
    claims: sortClaims(
      claims.map((claim) => ({
        quote: claim.quote,
        claimant: claim.claimant?.name ?? '',
        verdict: claim.verdict,
        checks: sortChecks(claim.annotations.map(({ summary, status }) => ({ summary, status }))),
      })),
    ),
  };
}

/** A claimant's answer, as the model's ClaimantView, and its claims narrowed by each verdict. */
function claimantViewOf(answer: Record<string, unknown> | null): {
  view: ClaimantView | null;
  byVerdict: Record<string, { quote: string; verdict: string | null }[]>;
} {
  if (!answer) return { view: null, byVerdict: {} };
  type Page = {
    totalCount: number;
    edges: { node: { quote: string; verdict: ClaimantView['claims'][number]['verdict'] } }[];
  };
  const nodes = (page: Page) => {
    expect(page.totalCount).toBe(page.edges.length);
    return page.edges.map((edge) => edge.node);
  };
  return {
    view: {
      name: answer.name as string,
      slug: answer.slug as string,
      aliases: answer.aliases as string[],
      description: answer.description as string | null,
      claims: nodes(answer.claims as Page),
      verdictSummary: answer.verdictSummary as ClaimantView['verdictSummary'],
    },
    byVerdict: Object.fromEntries(SCALE.map((verdict) => [verdict, nodes(answer[verdict] as Page)])),
  };
}

/**
 * What readers are answered of each claimant (by id and by slug, a merged one's giving the one
 * it was merged into), the directory, each one's page: the model's picture, exactly. Their
 * claims are those of published articles, their verdicts those of published fact-checks.
 */
async function checkClaimants(run: Run): Promise<void> {
  const { model } = run;
  const claimants = model.claimants;
  if (claimants.length === 0) return;
  const answer = await ask(
    run,
    'anonymous',
    `{ ${claimants.map((c, i) => `i${i}: claimant(id: "${c.id}") { ${CLAIMANT_VIEW} } s${i}: claimant(slug: "${c.slug}") { ${CLAIMANT_VIEW} }`).join(' ')} }`,
  );
  for (const [i, claimant] of claimants.entries()) {
    const expected = model.claimantView(claimant);
    for (const key of [`i${i}`, `s${i}`]) {
      const { view, byVerdict } = claimantViewOf(answer[key] as Record<string, unknown> | null);
      expect(view, `claimant ${claimant.name} (${key})`).toEqual(expected);
      for (const verdict of SCALE)
        expect(byVerdict[verdict] ?? [], `claimant ${claimant.name} (${key}), ${verdict} claims`).toEqual(
          expected?.claims.filter((claim) => claim.verdict === verdict) ?? [],
        );
    }
  }
  const publicIds = (list: ModelClaimant[]) =>
    list
      .filter((c) => model.claimantIsPublic(c))
      .map((c) => c.id)
      .sort();
  const directory = (await ask(
    run,
    'anonymous',
    `{ all: claimants(first: 100) { edges { node { id } } } ${claimants.map((c, i) => `q${i}: claimants(first: 100, query: "${[...c.name.matchAll(NewsroomModel.markerPattern(model.tag))][0]?.[0] ?? c.name}") { edges { node { id } } }`).join(' ')} }`,
  )) as Record<string, { edges: { node: { id: string } }[] }>;
  const ids = (key: string) => directory[key].edges.map((edge) => edge.node.id).sort();
  expect(ids('all'), 'the claimants readers are listed').toEqual(publicIds(model.liveClaimants()));
  for (const [i, claimant] of claimants.entries()) {
    const marker = [...claimant.name.matchAll(NewsroomModel.markerPattern(model.tag))][0]?.[0];
    if (!marker) continue;
    expect(ids(`q${i}`), `claimants(query: ${marker})`).toEqual(
      publicIds(model.liveClaimants().filter((c) => [c.name, ...c.aliases].some((name) => name.includes(marker)))),
    );
  }
  // Each one's page: the markers of its name, slug, aliases, description, and of each checked claim
  // its quote, the summary of the fact-check behind its verdict and its article's headline.
  for (const claimant of claimants) {
    const response = await fetch(`${run.server.url}/claimants/${claimant.slug}`);
    const text = await response.text();
    const view = model.claimantView(claimant);
    expect(response.status, `/claimants/${claimant.slug}`).toBe(view ? 200 : 404);
    if (!view) continue;
    const record = NewsroomModel.resolve(claimant);
    const checked = model.publicClaimsOf(record).filter(({ shows }) => NewsroomModel.verdictOf(shows));
    const expected = [
      record.name,
      // The address of their feed, which the page links to, is their slug's.
      record.slug,
      record.description ?? '',
      ...record.aliases,
      ...checked.flatMap(({ article, quote, shows }) => [
        quote,
        NewsroomModel.newestPublished(shows)!.summary,
        article.headline,
      ]),
    ];
    expect([...markersIn(text, model.tag)].sort(), `/claimants/${claimant.slug}`).toEqual(
      [...markersIn(expected.join(' '), model.tag)].sort(),
    );
  }
}

/**
 * The public record is complete: each published article lists, of the corrections of its
 * claims, exactly those the model recorded since it was first published (a claimant's rename
 * or merge leaves one on each checked claim that now reads another name).
 */
async function checkCorrections(run: Run): Promise<void> {
  for (const article of run.model.articles) {
    if (article.status !== 'PUBLISHED') continue;
    const answer = (
      await ask(
        run,
        'anonymous',
        'query($slug: String!) { article(slug: $slug) { corrections { kind note previousText newText previousVerdict newVerdict claim { id } } } }',
        { slug: article.slug },
      )
    ).article as {
      corrections: {
        kind: string;
        note: string;
        previousText: string | null;
        newText: string | null;
        previousVerdict: string | null;
        newVerdict: string | null;
        claim: { id: string } | null;
      }[];
    };
    // A merge's correction says which verdict the article showed before and after; the model records it for those only.
    const key = (c: {
      kind: string;
      claimId?: string;
      note: string;
      previousText: string | null;
      newText: string | null;
      verdicts?: { previous: string | null; next: string | null };
    }) => JSON.stringify([c.kind, c.claimId, c.note, c.previousText, c.newText, c.verdicts ?? null]);
    expect(
      answer.corrections
        .filter((c) => CLAIM_CORRECTIONS.includes(c.kind))
        .map((c) =>
          key({
            ...c,
            claimId: c.claim?.id,
            verdicts: c.kind === 'CLAIM_MERGED' ? { previous: c.previousVerdict, next: c.newVerdict } : undefined,
          }),
        )
        .sort(),
      `${article.slug}: corrections of its claims`,
    ).toEqual(
      article.corrections
        .filter((c) => c.sinceFirstPublication)
        // Its claim, as readers may see it: one merged into a claim of an unpublished story is not theirs to see.
        .map((c) => key({ ...c, claimId: readerClaimId(run.model, c.claimId) }))
        .sort(),
    );
  }
}

/** The id readers are answered for a claim: its own (or its keeper's), while they may see it. */
function readerClaimId(model: NewsroomModel, id: string): string | undefined {
  const claim = model.articles.flatMap((article) => article.claims).find((candidate) => candidate.id === id);
  const shown = claim && NewsroomModel.resolveClaim(claim);
  return shown && !shown.deleted && model.articleOf(shown).status === 'PUBLISHED' ? shown.id : undefined;
}

/**
 * A claim's page and card answer readers while they may see the claim (a merged one's address
 * sends them to the claim it was merged into), and never otherwise; so does oEmbed.
 */
async function checkClaimPages(run: Run): Promise<void> {
  for (const article of run.model.articles)
    for (const claim of article.claims) {
      const shown = readerClaimId(run.model, claim.id);
      for (const prefix of ['/claims/', '/embed/claims/']) {
        const response = await fetch(`${run.server.url}${prefix}${claim.id}`, { redirect: 'manual' });
        await response.text();
        const expected = shown === undefined ? [404, 410] : shown === claim.id ? [200] : [301];
        expect(expected, `${prefix}${claim.id}: ${response.status}`).toContain(response.status);
        if (response.status === 301) expect(response.headers.get('location')).toBe(`${prefix}${shown}`);
      }
      const oembed = await fetch(
        `${run.server.url}/oembed?${new URLSearchParams({ url: `http://factline.test/claims/${claim.id}` })}`,
      );
      const answer = (await oembed.json()) as { html?: string };
      expect(oembed.status, `oEmbed of ${claim.id}`).toBe(shown === undefined ? 404 : 200);
      if (shown !== undefined) expect(answer.html).toContain(`/embed/claims/${shown}"`);
    }
}

/**
 * A merged claim's id names the claim it was merged into, in `claim(id)` and `node(id)`: readers
 * are answered that claim while they may see it (live, its article published), else nothing.
 */
async function checkMergedClaims(run: Run): Promise<void> {
  const merged = run.model.articles.flatMap((article) => article.claims.filter((claim) => claim.mergedInto));
  if (merged.length === 0) return;
  const answer = (await ask(
    run,
    'anonymous',
    `{ ${merged.map((claim, i) => `c${i}: claim(id: "${claim.id}") { id } n${i}: node(id: "${claim.id}") { id }`).join(' ')} }`,
  )) as Record<string, { id: string } | null>;
  for (const [i, claim] of merged.entries()) {
    const kept = NewsroomModel.resolveClaim(claim);
    const expected = !kept.deleted && run.model.articleOf(kept).status === 'PUBLISHED' ? { id: kept.id } : null;
    expect(answer[`c${i}`], `claim(id) of the merged ${claim.id}`).toEqual(expected);
    expect(answer[`n${i}`], `node(id) of the merged ${claim.id}`).toEqual(expected);
  }
}

describe('visibility oracle', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('every read path of the schema and the router is read by the oracle', async () => {
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(Object.keys(QUERY_PATHS).sort());
    expect(Object.keys(schema.getSubscriptionType()!.getFields()).sort()).toEqual([...SUBSCRIPTION_FIELDS].sort());
    // And every field below them: the selections the oracle sends reach every field of every type a reader can reach.
    const asked = selectedFields(
      schema,
      `{ article(slug: "s") { ${everyField(schema, 'Article', DEPTH)} ${staffSelection(schema)} } claimMatches(text: "t") { ${everyField(schema, 'ClaimMatch', LOOKUP_DEPTH)} } node(id: "n") { ${everyField(schema, 'Node', LOOKUP_DEPTH)} }
          ${[
            'articles:Article',
            'claims:Claim',
            'annotations:Annotation',
            'sources:Source',
            'claimants:Claimant',
            'topics:Topic',
          ]
            .map((pair) => {
              const [field, type] = pair.split(':');
              return `${field} { ${pageSelection(schema, type)} }`;
            })
            .join(' ')}
         search(query: "q") { ${pageSelection(schema, 'SearchHit')} } viewer { ${everyField(schema, 'User', DEPTH)} } users { ${everyField(schema, 'User', DEPTH)} }
         ratingScale { ${everyField(schema, 'ScaleRating', LOOKUP_DEPTH)} } unmappedImportedRatings { ${everyField(schema, 'UnmappedImportedRating', 1)} }
         webhookEndpoints { ${everyField(schema, 'WebhookEndpoint', 1)} deliveries { ${everyField(schema, 'WebhookDelivery', 1)} } } }`,
    );
    for (const [field, type] of [
      ['annotationPublished', 'Annotation'],
      ['claimVerdictChanged', 'Claim'],
      ['events', 'NewsroomEvent'],
    ]) {
      for (const name of selectedFields(
        schema,
        `subscription { ${field}(articleId: "a") { ${everyField(schema, type, 3)} } }`,
      ))
        asked.add(name);
    }
    const rootFields = new Set([
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...SUBSCRIPTION_FIELDS.map((f) => `Subscription.${f}`),
    ]);
    expect([...reachableFields(schema)].filter((field) => !asked.has(field) && !rootFields.has(field))).toEqual([]);
    // The read paths this issue added among them.
    for (const field of [
      'Annotation.contributors',
      'AnnotationRevision.actor',
      'Correction.annotation',
      'Correction.previousText',
      'Correction.newText',
      'User.role',
      'Claimant.claims',
      'Claimant.verdictSummary',
      'Claimant.aliases',
      'ClaimMatch.claim',
      'ClaimSuggestion.claim',
      'ClaimSuggestion.sentence',
      'Annotation.rating',
      'AnnotationRevision.rating',
      'ScaleRating.label',
      'Article.topics',
      'Claim.topics',
      'Topic.articles',
      'Topic.claims',
      'Annotation.viewerCanPublish',
      'Annotation.publishBlockedReason',
      'Annotation.reviewComment',
      'AnnotationConnection.edges',
    ])
      expect(asked).toContain(field);
    // With single sign-on configured, so that its routes are there too (the provider is only asked at a sign-in).
    const server = await startTestServer({
      demo: false,
      config: {
        sso: {
          issuer: 'https://sso.factline.test',
          clientId: 'factline',
          clientSecret: 'a client secret',
          allowedDomains: ['factline.test'],
          name: null,
          insecure: false,
        },
      },
    });
    try {
      expect(expressRoutes(server.app.express)).toEqual(Object.keys(ROUTES).sort());
    } finally {
      await server.close();
    }
  });

  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('no reader is ever answered what was not published, and readers are answered what was, at every moment', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(actions(12, 30), async (history) => {
        runs += 1;
        const server = await startTestServer({ demo: false });
        servers.push(server);
        const tag = `${String.fromCharCode(97 + (runs % 26))}${Math.random()
          .toString(36)
          .replace(/[^a-z]/g, '')
          .slice(0, 3)
          .padEnd(3, 'q')}`;
        const people: Record<Actor | 'observer', SignedIn> = {
          reviewer: await server.signIn(Role.REVIEWER, 'Rita Reviewer'),
          editor: await server.signIn(Role.EDITOR, 'Ed Editor'),
          secondEditor: await server.signIn(Role.EDITOR, 'Eve Editor'),
          observer: await server.signIn(Role.REVIEWER, 'Otto Observer'),
        };
        const live: Record<Who, LiveClient> = {
          anonymous: connectLive(server),
          observer: connectLive(server, people.observer.token),
        };
        const run: Run = {
          server,
          schema,
          services: createServices(server.db),
          model: new NewsroomModel(tag),
          viewers: { anonymous: ANONYMOUS, observer: people.observer.viewer },
          snapshots: [],
          streams: { anonymous: [], observer: [] },
        };
        const subscribe = async (articleId: string) => {
          for (const who of ['anonymous', 'observer'] as const) {
            for (const [field, type] of [
              ['annotationPublished', 'Annotation'],
              ['claimVerdictChanged', 'Claim'],
              ['events', 'NewsroomEvent'],
            ]) {
              // Resuming from the newest event: the log's replay, empty, then live events.
              const source = `subscription($a: ID!, $after: String) { ${field}(articleId: $a, after: $after) { ${everyField(schema, type, 3)} } }`;
              const variables = { a: articleId, after: String((await server.db.eventLog.bounds()).newest) };
              for (const argument of argumentsGiven(schema, source, variables)) GIVEN.add(argument);
              run.streams[who].push(await live[who].subscribe(source, variables));
            }
          }
        };
        const actor = new NewsroomActions(server, run.model, people, subscribe);
        try {
          let ok = 0;
          for (const action of history) {
            if (await actor.play(action)) ok += 1;
            run.snapshots.push({
              at: await moment(2),
              views: run.model.readerViews(),
              markers: run.model.visibleMarkers(),
            });
          }
          console.log(
            'STATS',
            history.length,
            ok,
            run.model.articles.map((a) => a.status).join(','),
            run.model
              .checks()
              .map((c) => c.check.status)
              .join(','),
            run.model.publicSources.size,
            run.model.sources.length,
          );
          const everPublic = new Set(run.snapshots.flatMap((snapshot) => [...snapshot.markers]));
          await fileUnderTopics(run, people.editor);
          // Events still on their way are delivered before the streams are read.
          await server.db.writes.drain();
          await new Promise((resolve) => setTimeout(resolve, 50));

          // Readers are refused the staff-only fields, not answered them.
          for (const { slug } of run.model.articles) {
            const refused = await graphql({
              schema: run.schema,
              source: `query($slug: String!) { article(slug: $slug) { id ${staffSelection(run.schema)} } }`,
              variableValues: { slug },
              contextValue: contextFor(run.server.db, run.services, ANONYMOUS),
            });
            const article = (refused.data as { article: unknown } | null)?.article ?? null;
            if (article !== null || refused.errors)
              expect(refused.errors?.[0]?.extensions?.code, `${slug}: staff-only fields as a reader`).toBe(
                'UNAUTHENTICATED',
              );
          }
          // The whole log read again from its start, as a subscriber resuming would: what each
          // event is about, as each viewer may see it now.
          const resumeSource = `subscription($after: String, $types: [NewsroomEventType!]) { events(after: $after, types: $types) { ${everyField(schema, 'NewsroomEvent', 3)} } }`;
          const resumeArgs = { after: '0', types: getEnumValues(schema, 'NewsroomEventType') };
          for (const argument of argumentsGiven(schema, resumeSource, resumeArgs)) GIVEN.add(argument);
          const newest = (await server.db.eventLog.bounds()).newest;
          for (const who of ['anonymous', 'observer'] as const) {
            const stream = await live[who].subscribe<{ events: { eventId: string } }>(resumeSource, resumeArgs);
            await waitForEvent(stream, newest);
            run.streams[who].push(stream as LiveStream);
          }
          for (const who of ['anonymous', 'observer'] as const) {
            const texts: string[] = [];
            for (const read of Object.values(QUERY_PATHS)) texts.push(...(await read(run, who)).map(textOf));
            for (const stream of run.streams[who]) texts.push(textOf(stream.results));
            if (who === 'anonymous') texts.push(...(await readerPages(run)));
            const found = markersIn(texts.join('\n'), tag);
            // Staff see every source (a draft's evidence included) and the claimants no claim has
            // named yet, nothing else readers did not see.
            const allowed =
              who === 'anonymous'
                ? everPublic
                : new Set([...everPublic, ...run.model.allSourceMarkers(), ...run.model.directoryMarkers()]);
            const leaked = [...found].filter((marker) => !allowed.has(marker));
            expect(leaked, `${who} was answered text readers never saw`).toEqual([]);
            if (who === 'anonymous') {
              const missing = [...run.model.visibleMarkers()].filter((marker) => !found.has(marker));
              expect(missing, 'published text no read path answered').toEqual([]);
            }
          }
          // What readers are answered is the published state, now and as of every moment.
          const current = run.model.readerViews();
          for (const article of run.model.articles) {
            const now = (
              await ask(run, 'anonymous', `query($slug: String!) { article(slug: $slug) ${READER_VIEW} }`, {
                slug: article.slug,
              })
            ).article;
            expect(readerView(now as Record<string, unknown> | null), `${article.slug} now`).toEqual(
              current.get(article.slug),
            );
            for (const [index, snapshot] of run.snapshots.entries()) {
              const then = (
                await ask(
                  run,
                  'anonymous',
                  `query($slug: String!, $at: DateTime) { article(slug: $slug, asOf: $at) ${READER_VIEW} }`,
                  { slug: article.slug, at: snapshot.at },
                )
              ).article;
              // Only an article readers can see now can be asked about its past.
              const expected = current.get(article.slug) ? (snapshot.views.get(article.slug) ?? null) : null;
              expect(
                readerView(then as Record<string, unknown> | null),
                `${article.slug} as of step ${index + 1}`,
              ).toEqual(expected);
            }
          }
          await checkClaimants(run);
          await checkCorrections(run);
          await checkMergedClaims(run);
          await checkClaimPages(run);
          const sources = (await ask(run, 'anonymous', '{ sources(first: 100) { edges { node { url } } } }'))
            .sources as { edges: { node: { url: string } }[] };
          expect(sources.edges.map((edge) => edge.node.url).sort()).toEqual(
            [...run.model.publicSources].map((source) => source.url).sort(),
          );
          const users = (
            await ask(run, 'anonymous', 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { name role } } }', {
              ids: (await everyId(run)).User,
            })
          ).nodes as ({ name: string; role: null } | null)[];
          const names: Record<Actor, string> = {
            reviewer: 'Rita Reviewer',
            editor: 'Ed Editor',
            secondEditor: 'Eve Editor',
          };
          expect(
            users
              .filter(Boolean)
              .map((user) => user!.name)
              .sort(),
          ).toEqual([...run.model.visibleContributors()].map((who) => names[who]).sort());
          expect(users.every((user) => user === null || user.role === null)).toBe(true);
        } finally {
          await Promise.all(Object.values(live).map((client) => client.close()));
          await server.close();
          servers.splice(servers.indexOf(server), 1);
        }
      }),
      { numRuns: 20, endOnFailure: true, examples: KNOWN_HISTORIES.map((history) => [history]) },
    );
    // Every argument of every read path was given a value by some operation the oracle sent.
    expect(
      [...everyArgument(schema)].filter((argument) => !GIVEN.has(argument)),
      'arguments of read paths the oracle never gave',
    ).toEqual([]);
  }, 600_000);
});
