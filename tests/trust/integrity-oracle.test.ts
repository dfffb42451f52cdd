import { getNamedType, graphql, type GraphQLInputObjectType, type GraphQLSchema, isNonNullType } from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createServices } from '../../src/app/services';
import { buildAppSchema } from '../../src/app/schema';
import { ANONYMOUS } from '../../src/modules/auth/viewer';
import { Role } from '../../src/modules/user/user.entity';
import { fromGlobalIdOf } from '../../src/graphql/relay/global-id';
import { inspectRows, inspectWrite } from '../helpers/inspect';
import { Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { everyField } from './schema-walk';

/**
 * The integrity oracle: for every mutation in the schema, what it may do to what readers see.
 *
 * - `public record`: it changes something readers have seen. A lone reviewer cannot; an editor
 *   must say why (the input's note field), and the change leaves that note on the public record.
 * - `four eyes`: it makes content public. Nobody who wrote or changed that content can, a
 *   second editor can, and the content then names everyone who wrote it.
 * - `publication`: it makes an editor's article public: a lone reviewer cannot.
 * - `refused on record`: it would remove something on the public record: nobody can.
 * - `adds`: it adds to what readers see without changing anything they have seen.
 * - `nothing public`: whatever it does, readers see exactly what they saw before.
 * - `published scale`: it changes the organisation's rating scale, which is published (readers
 *   see it, and the reader pages' legend): an ADMIN's act; no article readers saw changes.
 *
 * `by: 'admin'` on `public record` and `refused on record`: the act is an ADMIN's, not an
 * editor's (the rating scale): editors are refused as reviewers are.
 *
 * A mutation added to the schema fails the first test until it is classified here.
 */

type Expectation =
  | { kind: 'public record'; noteField: string; by?: 'admin' }
  | { kind: 'four eyes' }
  | { kind: 'publication' }
  | { kind: 'refused on record'; by?: 'admin' }
  | { kind: 'published scale' }
  | { kind: 'adds' }
  | { kind: 'nothing public'; as: SignedInRole };

type SignedInRole = 'reviewer' | 'editor' | 'admin';

interface Setup {
  server: TestServer;
  room: Newsroom;
  author: SignedIn;
  lone: SignedIn;
  editor: SignedIn;
  secondEditor: SignedIn;
  admin: SignedIn;
  uniq(): number;
  /** A published story with a claim its author checked and a second editor published. */
  checkedStory(): Promise<{ articleId: string; slug: string; claimId: string; checkId: string; checkVersion: number }>;
  /** The same, after a correction of the article changed the claim's words (FUZZY). */
  fuzzyCheckedClaim(): Promise<{ claimId: string; newWords: string }>;
}

interface Prepared {
  input: Record<string, unknown>;
  /** For `four eyes`: the editor who changed the content (and so may not publish it). */
  changedBy?: SignedIn;
}

/** A webhook endpoint of the organisation (delivered to by no one in these tests). */
async function webhookEndpoint(s: Setup): Promise<string> {
  const { createWebhookEndpoint } = await s.room.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    { input: { url: `https://example.org/hooks/${s.uniq()}`, eventTypes: ['FACT_CHECK_PUBLISHED'] } },
    s.admin,
  );
  return createWebhookEndpoint.endpoint.id;
}

/** An event of the log readers could see (the fact-check published for the setup). */
async function publicEventId(s: Setup): Promise<string> {
  await s.checkedStory();
  const events = await s.server.db.eventLog.after(0, 100_000);
  return String(events.filter((event) => event.isPublic).at(-1)!.eventId);
}

/** A topic nothing is filed under yet: readers cannot see it. */
async function unusedTopic(s: Setup): Promise<string> {
  return (
    await s.room.mutate<{ id: string }>(
      'createTopic',
      'CreateTopicInput',
      { name: `Topic ${s.uniq()}` },
      s.editor,
      'id',
    )
  ).id;
}

/**
 * A mutation's rule, keyed by its name, or by its name and a variant of its input after a space
 * (`addClaimAppearance (articleId)`): each variant is classified and tried on its own.
 */
interface Rule {
  expect: Expectation;
  prepare: (s: Setup) => Promise<Prepared>;
  /**
   * What the mutation writes, counted in the database: a refused attempt writes nothing of it
   * (the checks and the writes are one transaction, the refusal before any write is kept).
   */
  written?: (s: Setup) => Promise<number>;
}

/** The mutation a rule's key names. */
const mutationOf = (key: string) => key.split(' ')[0];

/** The live further places of claims in other articles (claims rows naming their claim). */
async function furtherPlaces(s: Setup): Promise<number> {
  const [row] = await inspectRows(
    s.server.db,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM claims WHERE appearance_of_id IS NOT NULL AND deleted_at IS NULL`,
  );
  return Number(row.n);
}

/** Claims merged into others. */
async function mergedClaims(s: Setup): Promise<number> {
  const [row] = await inspectRows(
    s.server.db,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM claims WHERE merged_at IS NOT NULL`,
  );
  return Number(row.n);
}

/** A second published story, for a checked claim's further place; its first sentence is the claim's words. */
async function otherStory(s: Setup): Promise<{ articleId: string; slug: string }> {
  const slug = `elsewhere-${s.uniq()}`;
  const created = await s.room.createArticle(s.editor, {
    slug,
    headline: `Elsewhere ${s.uniq()}`,
    body: 'As reported, first sentence here. Then more.',
  });
  await s.room.mutate('publishArticle', 'ArticleTransitionInput', { id: created.id }, s.editor, 'id');
  return { articleId: created.id, slug };
}

const RULES: Record<string, Rule> = {
  updateArticle: {
    expect: { kind: 'public record', noteField: 'changeNote' },
    prepare: async (s) => {
      const story = await s.checkedStory();
      const { article } = await s.room.ok<{ article: { version: number } }>(
        'query($id: ID!) { article(id: $id) { version } }',
        { id: story.articleId },
        s.editor,
      );
      return {
        input: { id: story.articleId, expectedVersion: article.version, headline: `Changed headline ${s.uniq()}` },
      };
    },
  },
  archiveArticle: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => ({ input: { id: (await s.checkedStory()).articleId } }),
  },
  publishArticle: {
    expect: { kind: 'publication' },
    prepare: async (s) => ({
      input: {
        id: (
          await s.room.createArticle(s.editor, {
            slug: `draft-${s.uniq()}`,
            headline: `Draft ${s.uniq()}`,
            body: 'Draft body.',
          })
        ).id,
      },
    }),
  },
  updateClaim: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => ({ input: { id: (await s.checkedStory()).claimId, claimant: `Someone else ${s.uniq()}` } }),
  },
  reattachClaim: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => {
      const { claimId, newWords } = await s.fuzzyCheckedClaim();
      return { input: { id: claimId, quote: newWords } };
    },
  },
  confirmClaimAnchor: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => ({ input: { id: (await s.fuzzyCheckedClaim()).claimId } }),
  },
  updateClaimant: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => ({ input: { id: await checkedClaimant(s), name: `Renamed claimant ${s.uniq()}` } }),
  },
  mergeClaimants: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => {
      const keep = await s.room.mutate<{ id: string }>(
        'createClaimant',
        'CreateClaimantInput',
        { name: `Kept claimant ${s.uniq()}` },
        s.editor,
        'id',
      );
      return { input: { keepId: keep.id, mergeId: await checkedClaimant(s) } };
    },
  },
  addClaimAppearance: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => ({
      input: { claimId: (await s.checkedStory()).claimId, url: `https://example.org/said-it-${s.uniq()}` },
    }),
  },
  removeClaimAppearance: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => {
      const { claimId } = await s.checkedStory();
      const place = await s.room.mutate<{ id: string }>(
        'addClaimAppearance',
        'AddClaimAppearanceInput',
        { claimId, url: `https://example.org/listed-${s.uniq()}`, note: 'Listed.' },
        s.editor,
        'id',
      );
      return { input: { id: place.id } };
    },
  },
  // A checked claim's further place in another published story: a change readers see there (the
  // verdict now shows at those words), an editor's correction on the claim.
  'addClaimAppearance (articleId)': {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => {
      const { claimId } = await s.checkedStory();
      const { articleId } = await otherStory(s);
      return { input: { claimId, articleId, quote: 'first sentence here' } };
    },
    written: furtherPlaces,
  },
  // The same in a draft: nothing readers see changes until the draft is published (no note, no correction).
  'addClaimAppearance (draft article)': {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => {
      const { claimId } = await s.checkedStory();
      const draft = await s.room.createArticle(s.editor, {
        slug: `draft-elsewhere-${s.uniq()}`,
        headline: `Draft elsewhere ${s.uniq()}`,
        body: 'As drafted, first sentence here. Then more.',
      });
      return { input: { claimId, articleId: draft.id, quote: 'first sentence here' } };
    },
  },
  'removeClaimAppearance (ArticleAppearance)': {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => {
      const { claimId } = await s.checkedStory();
      const { articleId } = await otherStory(s);
      const place = await s.room.mutate<{ id: string }>(
        'addClaimAppearance',
        'AddClaimAppearanceInput',
        { claimId, articleId, quote: 'first sentence here', note: 'Also there.' },
        s.editor,
        'id',
      );
      return { input: { id: place.id } };
    },
    written: furtherPlaces,
  },
  // Two checked claims found to be the same statement: readers of both stories see one claim,
  // one verdict, and the correction.
  mergeClaims: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => ({
      input: { keepId: (await s.checkedStory()).claimId, mergeId: (await s.checkedStory()).claimId },
    }),
    written: mergedClaims,
  },
  // Two unchecked claims of a draft: nothing readers see changes (no note, no correction).
  'mergeClaims (draft)': {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => {
      const draft = await s.room.createArticle(s.editor, {
        slug: `draft-merge-${s.uniq()}`,
        headline: `Draft merge ${s.uniq()}`,
        body: 'First sentence here. Second sentence here.',
      });
      const keep = await s.room.createClaim(s.editor, { articleId: draft.id, quote: 'First sentence here' });
      const merge = await s.room.createClaim(s.editor, { articleId: draft.id, quote: 'Second sentence here' });
      return { input: { keepId: keep.id, mergeId: merge.id } };
    },
    written: mergedClaims,
  },
  createRating: {
    expect: { kind: 'published scale' },
    prepare: async (s) => ({ input: { label: `Rating ${s.uniq()}`, colour: '#123456', verdict: 'MIXED' } }),
  },
  // A rating no fact-check carries: its colour is the scale's alone.
  'updateRating (unused)': {
    expect: { kind: 'published scale' },
    prepare: async (s) => ({ input: { id: await unusedRating(s), colour: '#654321' } }),
  },
  // A rating a published fact-check carries, renamed: a correction on that fact-check.
  updateRating: {
    expect: { kind: 'public record', noteField: 'note', by: 'admin' },
    prepare: async (s) => ({ input: { id: await carriedRating(s), label: `Renamed rating ${s.uniq()}` } }),
  },
  deleteRating: {
    expect: { kind: 'refused on record', by: 'admin' },
    prepare: async (s) => ({ input: { id: await carriedRating(s) } }),
  },
  'deleteRating (unused)': {
    expect: { kind: 'published scale' },
    prepare: async (s) => ({ input: { id: await unusedRating(s) } }),
  },
  reorderRatings: {
    expect: { kind: 'published scale' },
    prepare: async (s) => {
      const { ratingScale } = await s.room.ok<{ ratingScale: { id: string }[] }>('{ ratingScale { id } }', {});
      return { input: { ids: ratingScale.map((rating) => rating.id).reverse() } };
    },
  },
  setImportedRatingMapping: {
    // A text no fact-check carries: it applies to imports from then on, nothing readers saw changes.
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({ input: { alternateName: `Four Pinocchios ${s.uniq()}`, verdict: 'FALSE' } }),
  },
  // Webhooks are the organisation's settings: they tell partners of what readers may see, and
  // change nothing readers see.
  createWebhookEndpoint: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({
      input: { url: `https://example.org/hooks/${s.uniq()}`, eventTypes: ['FACT_CHECK_PUBLISHED'] },
    }),
  },
  updateWebhookEndpoint: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({ input: { id: await webhookEndpoint(s), enabled: false, rotateSecret: true } }),
  },
  deleteWebhookEndpoint: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({ input: { id: await webhookEndpoint(s) } }),
  },
  redeliverWebhookEvent: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({ input: { endpointId: await webhookEndpoint(s), eventId: await publicEventId(s) } }),
  },
  replayWebhookEvents: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({ input: { endpointId: await webhookEndpoint(s), fromEventId: await publicEventId(s) } }),
  },
  // A text a published fact-check was imported with, mapped to another verdict: a correction on it.
  'setImportedRatingMapping (published)': {
    expect: { kind: 'public record', noteField: 'note', by: 'admin' },
    prepare: async (s) => {
      const { name, verdict } = await importedCheck(s);
      return { input: { alternateName: name, verdict: verdict === 'FALSE' ? 'TRUE' : 'FALSE' } };
    },
  },
  // Topics are filing, not a statement of fact (docs/ARCHITECTURE.md, "Topics"): no note. A
  // topic readers cannot see yet (nothing published carries it) changes nothing they see.
  createTopic: {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => ({ input: { name: `Unfiled topic ${s.uniq()}` } }),
  },
  updateTopic: {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => ({ input: { id: await unusedTopic(s), name: `Renamed topic ${s.uniq()}` } }),
  },
  deleteTopic: {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => ({ input: { id: await unusedTopic(s) } }),
  },
  // Filing a draft (editors alone may): readers see nothing of it until it is published.
  setArticleTopics: {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => {
      const draft = await s.room.createArticle(s.editor, {
        slug: `filed-${s.uniq()}`,
        headline: 'Filed',
        body: 'Filed.',
      });
      return { input: { articleId: draft.id, topicIds: [await unusedTopic(s)] } };
    },
  },
  setClaimTopics: {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => {
      const draft = await s.room.createArticle(s.editor, {
        slug: `filed-claim-${s.uniq()}`,
        headline: 'Filed',
        body: 'Filed claim here.',
      });
      const claim = await s.room.createClaim(s.editor, { articleId: draft.id, quote: 'Filed claim' });
      return { input: { claimId: claim.id, topicIds: [await unusedTopic(s)] } };
    },
  },
  createClaimant: {
    expect: { kind: 'nothing public', as: 'reviewer' },
    prepare: async (s) => ({ input: { name: `Unnamed yet ${s.uniq()}`, wikidataId: 'Q42' } }),
  },
  deleteClaim: {
    expect: { kind: 'refused on record' },
    prepare: async (s) => ({ input: { id: (await s.checkedStory()).claimId } }),
  },
  updateAnnotation: {
    expect: { kind: 'public record', noteField: 'note' },
    prepare: async (s) => {
      const story = await s.checkedStory();
      // Not the verdict: any change to a published fact-check is on the record.
      return {
        input: { id: story.checkId, expectedVersion: story.checkVersion, summary: `Changed summary ${s.uniq()}` },
      };
    },
  },
  retractAnnotation: {
    expect: { kind: 'public record', noteField: 'reason' },
    prepare: async (s) => ({ input: { id: (await s.checkedStory()).checkId } }),
  },
  publishAnnotation: {
    expect: { kind: 'four eyes' },
    prepare: async (s) => {
      const story = await s.checkedStory();
      const claim = await s.room.createClaim(s.author, { articleId: story.articleId, quote: 'Second sentence here' });
      const draft = await s.room.createAnnotation(s.author, {
        claimId: claim.id,
        verdict: 'TRUE',
        summary: `Reviewer's summary ${s.uniq()}`,
        body: 'As written.',
      });
      const submitted = await s.room.submit(s.author, draft.id);
      const changed = await s.room.updateAnnotation(s.editor, {
        id: draft.id,
        expectedVersion: submitted.version,
        verdict: 'FALSE',
        summary: `Editor's summary ${s.uniq()}`,
      });
      return { input: { id: draft.id, expectedVersion: changed.version }, changedBy: s.editor };
    },
  },
  createClaim: {
    expect: { kind: 'adds' },
    prepare: async (s) => ({
      input: {
        articleId: (await s.checkedStory()).articleId,
        quote: 'Second sentence here',
        claimant: `New claimant ${s.uniq()}`,
      },
    }),
  },
  createAnnotation: {
    expect: { kind: 'nothing public', as: 'reviewer' },
    prepare: async (s) => ({
      input: {
        claimId: (await s.checkedStory()).claimId,
        verdict: 'FALSE',
        summary: `Draft summary ${s.uniq()}`,
        body: 'Draft.',
        citations: [
          {
            source: { url: `https://example.org/draft-${s.uniq()}`, title: `Draft source ${s.uniq()}`, kind: 'OTHER' },
            stance: 'REFUTES',
            excerpt: 'x',
          },
        ],
      },
    }),
  },
  submitAnnotation: {
    expect: { kind: 'nothing public', as: 'reviewer' },
    prepare: async (s) => {
      const draft = await s.room.createAnnotation(s.lone, {
        claimId: (await s.checkedStory()).claimId,
        verdict: 'TRUE',
        summary: `To submit ${s.uniq()}`,
        body: 'b',
      });
      return { input: { id: draft.id } };
    },
  },
  returnAnnotation: {
    // Sends a draft's review back to its author: a draft's history, which readers never see.
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => {
      const draft = await s.room.createAnnotation(s.lone, {
        claimId: (await s.checkedStory()).claimId,
        verdict: 'FALSE',
        summary: `To send back ${s.uniq()}`,
        body: 'b',
      });
      await s.room.submit(s.lone, draft.id);
      return { input: { id: draft.id, comment: `Send back ${s.uniq()}` } };
    },
  },
  dismissClaimSuggestion: {
    // Staff-only bookkeeping of suggestions: readers see nothing of it.
    expect: { kind: 'nothing public', as: 'reviewer' },
    prepare: async (s) => {
      const story = await s.checkedStory();
      const other = await s.checkedStory();
      return { input: { articleId: story.articleId, claimId: other.claimId, sentence: 'Second sentence here.' } };
    },
  },
  createSource: {
    expect: { kind: 'nothing public', as: 'reviewer' },
    prepare: async (s) => ({
      input: { url: `https://example.org/new-${s.uniq()}`, title: `New source ${s.uniq()}`, kind: 'DATASET' },
    }),
  },
  createArticle: {
    expect: { kind: 'nothing public', as: 'editor' },
    prepare: async (s) => ({ input: { slug: `new-draft-${s.uniq()}`, headline: `New draft ${s.uniq()}`, body: 'b' } }),
  },
  createUser: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({ input: { name: `New person ${s.uniq()}`, role: 'REVIEWER' } }),
  },
  setUserRole: {
    // Roles are staff-only, even those of the accounts readers see named.
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({
      input: { userId: Buffer.from(`User:${s.author.userId}`).toString('base64url'), role: 'EDITOR' },
    }),
  },
  createToken: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => ({
      input: { userId: Buffer.from(`User:${s.author.userId}`).toString('base64url'), label: 'laptop' },
    }),
  },
  revokeToken: {
    expect: { kind: 'nothing public', as: 'admin' },
    prepare: async (s) => {
      const created = await s.room.ok<{ createToken: { token: { id: string } } }>(
        'mutation($u: ID!) { createToken(input: { userId: $u, label: "spare" }) { token { id } } }',
        { u: Buffer.from(`User:${s.lone.userId}`).toString('base64url') },
        s.admin,
      );
      return { input: { id: created.createToken.token.id } };
    },
  },
};

/** A new rating of the scale that no fact-check carries. */
async function unusedRating(s: Setup): Promise<string> {
  const created = await s.room.mutate<{ id: string }>(
    'createRating',
    'CreateRatingInput',
    { label: `Unused ${s.uniq()}`, colour: '#abcdef', verdict: 'NEEDS_CONTEXT' },
    s.admin,
    'id',
  );
  return created.id;
}

/** A new rating of the scale that a published fact-check of a checked story carries. */
async function carriedRating(s: Setup): Promise<string> {
  const story = await s.checkedStory();
  const id = await unusedRating(s);
  await s.room.updateAnnotation(s.editor, {
    id: story.checkId,
    expectedVersion: story.checkVersion,
    ratingId: id,
    note: 'Rated on our own scale.',
  });
  return id;
}

/** A checked story's published fact-check as if imported from ClaimReview with a publisher's own rating text. */
async function importedCheck(s: Setup): Promise<{ name: string; verdict: string }> {
  const story = await s.checkedStory();
  const name = `Pinocchios ${s.uniq()}`;
  const id = fromGlobalIdOf('Annotation', story.checkId, 'id');
  await s.server.db.writes.run((manager) =>
    inspectWrite(manager, sql`UPDATE annotations SET imported_rating = ${name} WHERE id = ${id}`),
  );
  const { annotation } = await s.room.ok<{ annotation: { verdict: string } }>(
    'query($id: ID!) { annotation(id: $id) { verdict } }',
    { id: story.checkId },
  );
  return { name, verdict: annotation.verdict };
}

/** The claimant of a checked story's claim, named by an editor's correction before the test looks. */
async function checkedClaimant(s: Setup): Promise<string> {
  const story = await s.checkedStory();
  const claim = await s.room.mutate<{ claimant: { id: string } }>(
    'updateClaim',
    'UpdateClaimInput',
    { id: story.claimId, claimant: `Checked claimant ${s.uniq()}`, note: 'Named.' },
    s.editor,
    'claimant { id }',
  );
  return claim.claimant.id;
}

describe('integrity oracle', () => {
  let schema: GraphQLSchema;
  let setup: Setup;
  let slugs: string[];

  beforeAll(async () => {
    schema = await buildAppSchema();
    const server = await startTestServer({ demo: false });
    const room = new Newsroom(server);
    let counter = 0;
    slugs = [];
    const people = {
      author: await server.signIn(Role.REVIEWER, 'Rita Reviewer'),
      lone: await server.signIn(Role.REVIEWER, 'Lone Reviewer'),
      editor: await server.signIn(Role.EDITOR, 'Ed Editor'),
      secondEditor: await server.signIn(Role.EDITOR, 'Eve Editor'),
      admin: await server.signIn(Role.ADMIN, 'Ada Admin'),
    };
    setup = {
      server,
      room,
      ...people,
      uniq: () => (counter += 1),
      async checkedStory() {
        const slug = `story-${setup.uniq()}`;
        slugs.push(slug);
        const story = await room.publishedStory(
          people.editor,
          people.author,
          slug,
          'First sentence here. Second sentence here.',
          'First sentence here',
        );
        const check = await room.publishedCheck(people.author, people.secondEditor, {
          claimId: story.claimId,
          verdict: 'TRUE',
          summary: `Checked ${setup.uniq()}`,
          body: 'Checked.',
        });
        return {
          articleId: story.articleId,
          slug,
          claimId: story.claimId,
          checkId: check.id,
          checkVersion: check.version,
        };
      },
      async fuzzyCheckedClaim() {
        const story = await setup.checkedStory();
        const { article } = await room.ok<{ article: { version: number } }>(
          'query($id: ID!) { article(id: $id) { version } }',
          { id: story.articleId },
          people.editor,
        );
        await room.updateArticle(people.editor, {
          id: story.articleId,
          expectedVersion: article.version,
          body: 'First sentence there. Second sentence here.',
          changeNote: 'Wording.',
        });
        return { claimId: story.claimId, newWords: 'First sentence there' };
      },
    };
  });
  afterAll(() => setup.server.close());

  /**
   * Everything readers can see, in full: the articles with all under them, sources, the
   * claimant directory, the feed, the reader pages (every claimant's, hidden ones too).
   */
  async function publicView(): Promise<string> {
    const data = await graphql({
      schema,
      source: `{ articles(first: 100) { edges { node { ${everyField(schema, 'Article', 5)} } } } sources(first: 100) { edges { node { ${everyField(schema, 'Source', 2)} } } }
        claimants(first: 100) { edges { node { ${everyField(schema, 'Claimant', 4)} } } }
        ratingScale { ${everyField(schema, 'ScaleRating', 1)} } }`,
      contextValue: contextFor(setup.server.db, createServices(setup.server.db), ANONYMOUS),
    });
    expect(data.errors).toBeUndefined();
    const pages = await Promise.all(
      slugs.map(async (slug) => (await fetch(`${setup.server.url}/articles/${slug}`)).text()),
    );
    const claimantSlugs = await inspectRows(
      setup.server.db,
      sql<{ slug: string }>`SELECT slug FROM claimants ORDER BY id`,
    );
    // The pages readers are shown: a claimant they may not see has none (404), whatever is recorded.
    const claimantPages = (
      await Promise.all(
        claimantSlugs.map(async ({ slug }) => [slug, await setup.room.readerPage(`/claimants/${slug}`)]),
      )
    ).filter(([, page]) => page !== null);
    const feed = await (await fetch(`${setup.server.url}/claimreview.json`)).text();
    return JSON.stringify({ data: data.data, pages, claimantPages, feed });
  }

  async function attempt(mutation: string, input: Record<string, unknown>, who: SignedIn) {
    const inputType = getNamedType(schema.getMutationType()!.getFields()[mutation].args[0].type).name;
    return setup.server.gql(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      who.token,
    );
  }

  it('classifies every mutation in the schema', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      [...new Set(Object.keys(RULES).map(mutationOf))].sort(),
    );
    for (const key of Object.keys(RULES)) expect(schema.getMutationType()!.getFields()).toHaveProperty(mutationOf(key));
  });

  const cases = Object.entries(RULES).map(([key, rule]) => ({ key, kind: rule.expect.kind }));

  it.each(cases)('$key: $kind', async ({ key }) => {
    const rule = RULES[key];
    const mutation = mutationOf(key);
    const s = setup;
    const prepared = await rule.prepare(s);
    const before = await publicView();
    const writtenBefore = await rule.written?.(s);
    const expectRefused = async (input: Record<string, unknown>, who: SignedIn, code: string, field?: string) => {
      const result = await attempt(mutation, input, who);
      if (rule.written)
        expect(await rule.written(s), `${mutation} by ${who.viewer.user?.name} wrote though refused`).toBe(
          writtenBefore,
        );
      expect(result.errors?.[0]?.extensions, `${mutation} by ${who.viewer.user?.name}`).toMatchObject({
        code,
        ...(field ? { field } : {}),
      });
      expect(await publicView(), `${mutation} by ${who.viewer.user?.name} changed what readers see`).toBe(before);
    };
    const expectAccepted = async (input: Record<string, unknown>, who: SignedIn) => {
      const result = await attempt(mutation, input, who);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return publicView();
    };

    switch (rule.expect.kind) {
      case 'public record': {
        const { noteField, by } = rule.expect;
        const note = `On the record ${s.uniq()}`;
        // A lone reviewer cannot change what readers saw, note or not; nor can its author alone.
        await expectRefused({ ...prepared.input, [noteField]: note }, s.lone, 'FORBIDDEN');
        await expectRefused({ ...prepared.input, [noteField]: note }, s.author, 'FORBIDDEN');
        const actor = by === 'admin' ? s.admin : s.editor;
        if (by === 'admin') await expectRefused({ ...prepared.input, [noteField]: note }, s.editor, 'FORBIDDEN');
        // An editor must say why (a required note is the schema's to refuse).
        const inputType = getNamedType(
          schema.getMutationType()!.getFields()[mutation].args[0].type,
        ) as GraphQLInputObjectType;
        if (!isNonNullType(inputType.getFields()[noteField].type))
          await expectRefused(prepared.input, actor, 'BAD_USER_INPUT', `input.${noteField}`);
        const after = await expectAccepted({ ...prepared.input, [noteField]: note }, actor);
        expect(after).not.toBe(before);
        expect(after, 'the change left no public record').toContain(note);
        break;
      }
      case 'four eyes': {
        for (const who of [s.lone, s.author, prepared.changedBy!])
          await expectRefused(prepared.input, who, 'FORBIDDEN');
        const after = await expectAccepted(prepared.input, s.secondEditor);
        // The published content names all who wrote it: the credit is true.
        const check = await s.room.ok<{ annotation: { status: string; contributors: { name: string }[] } }>(
          'query($id: ID!) { annotation(id: $id) { status contributors { name } } }',
          { id: prepared.input.id },
        );
        expect(check.annotation.status).toBe('PUBLISHED');
        expect(check.annotation.contributors.map((user) => user.name)).toEqual(['Rita Reviewer', 'Ed Editor']);
        expect(after).toContain('Checked by Rita Reviewer, Ed Editor');
        break;
      }
      case 'publication': {
        await expectRefused(prepared.input, s.lone, 'FORBIDDEN');
        expect(await expectAccepted(prepared.input, s.editor)).not.toBe(before);
        break;
      }
      case 'refused on record': {
        await expectRefused(prepared.input, s.lone, 'FORBIDDEN');
        if (rule.expect.by === 'admin') {
          await expectRefused(prepared.input, s.editor, 'FORBIDDEN');
          await expectRefused(prepared.input, s.admin, 'CONFLICT');
        } else await expectRefused(prepared.input, s.editor, 'CONFLICT');
        break;
      }
      case 'published scale': {
        await expectRefused(prepared.input, s.lone, 'FORBIDDEN');
        await expectRefused(prepared.input, s.editor, 'FORBIDDEN');
        const after = await expectAccepted(prepared.input, s.admin);
        const parts = (view: string) => {
          const { data, pages, ...rest } = JSON.parse(view) as {
            data: { ratingScale: unknown } & Record<string, unknown>;
            pages: string[];
          };
          const { ratingScale, ...others } = data;
          // The pages' legend shows the scale; the rest of each page is as it was.
          const stripped = pages.map((page) => page.replace(/<ul class="key"[\s\S]*?<\/ul>/g, ''));
          return { ratingScale, rest: JSON.stringify({ others, stripped, rest }) };
        };
        const [was, is] = [parts(before), parts(after)];
        expect(is.ratingScale).not.toEqual(was.ratingScale);
        expect(is.rest).toBe(was.rest);
        break;
      }
      case 'adds': {
        const after = await expectAccepted(prepared.input, s.lone);
        // Every article readers saw is as it was, but for one claim more: the claims they saw are unchanged.
        type ArticleView = {
          claims: unknown[];
          appearances: unknown[];
          claimCount: number;
          verdictSummary: unknown[];
        } & Record<string, unknown>;
        const articles = (view: string) =>
          (JSON.parse(view) as { data: { articles: { edges: { node: ArticleView }[] } } }).data.articles.edges.map(
            (edge) => edge.node,
          );
        const [was, is] = [articles(before), articles(after)];
        expect(is).toHaveLength(was.length);
        was.forEach((article, index) => {
          const { claims, appearances, claimCount: _count, verdictSummary, ...rest } = article;
          const {
            claims: nowClaims,
            appearances: nowAppearances,
            claimCount: _nowCount,
            verdictSummary: nowSummary,
            ...nowRest
          } = is[index];
          expect(nowRest).toEqual(rest);
          expect(nowSummary).toEqual(verdictSummary);
          for (const claim of claims) expect(nowClaims).toContainEqual(claim);
          for (const appearance of appearances) expect(nowAppearances).toContainEqual(appearance);
        });
        expect(after).toContain(String(prepared.input.claimant));
        break;
      }
      case 'nothing public': {
        const who = { reviewer: s.lone, editor: s.editor, admin: s.admin }[rule.expect.as];
        expect(await expectAccepted(prepared.input, who)).toBe(before);
        break;
      }
    }
  });
});
