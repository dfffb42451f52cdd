import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimWordsSearchable1796300000002 } from '../../migrations/1796300000002-ClaimWordsSearchable';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { inspectRow, inspectRows, inspectWrite } from '../helpers/inspect';
import { Newsroom } from '../helpers/newsroom';
import { startTestServer, type TestServer } from '../helpers/test-app';

interface Document {
  type: string;
  refId: number;
  field: string;
  text: string;
}

const SEARCH_CLAIMS = `query($q: String!) {
  search(query: $q, filter: { types: [CLAIM] }, first: 10) { edges { node { field node { ... on Claim { id } } } } }
}`;
const MATCHES = `query($t: String!) { claimMatches(text: $t, first: 5) { claim { id } } }`;

const NEW_WORDS = 'Kremlin aides denied any Quorra summit plans.';
const byKey = (x: Document, y: Document) =>
  `${x.type}:${x.refId}:${x.field}`.localeCompare(`${y.type}:${y.refId}:${y.field}`);

/**
 * ClaimWordsSearchable, on the demo data (two claims with words of their own): down() takes
 * claims' words out of search and claim matching and leaves the quote index of before; up()
 * indexes the words of every claim that has them, those written while the migration was not
 * there included, and the triggers follow them again.
 */
describe('the ClaimWordsSearchable migration', () => {
  let server: TestServer;
  let room: Newsroom;
  let answered: number;
  let unworded: number;

  const migrate = async (step: 'up' | 'down') => {
    const runner = server.db.write.createQueryRunner();
    try {
      await server.db.writes.run(() => new ClaimWordsSearchable1796300000002()[step](runner));
    } finally {
      await runner.release();
    }
  };
  const documents = async () =>
    (
      await inspectRows<Document>(
        server.db,
        sql`SELECT type, ref_id AS "refId", field, text FROM search_documents WHERE type = 'CLAIM'`,
      )
    ).sort(byKey);
  const hits = async (q: string) =>
    (
      await room.ok<{ search: { edges: { node: { field: string; node: { id: string } } }[] } }>(SEARCH_CLAIMS, { q })
    ).search.edges.map((edge) => [edge.node.node.id, edge.node.field]);
  const matched = async (t: string) =>
    (await room.ok<{ claimMatches: { claim: { id: string } }[] }>(MATCHES, { t })).claimMatches.map(
      (match) => match.claim.id,
    );
  /** SQLite: the claims claims_fts holds a term for, after checking it agrees with claims. */
  const ftsClaims = async (match: string) => {
    await server.db.writes.run((manager) =>
      inspectWrite(manager, sql`INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)`),
    );
    return (
      await inspectRows<{ id: number }>(
        server.db,
        sql`SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ${match} ORDER BY rowid`,
      )
    ).map((row) => row.id);
  };
  const sqlite = () => server.db.dialect === 'sqlite';

  beforeAll(async () => {
    server = await startTestServer();
    room = new Newsroom(server);
    answered = (await inspectRow<{ id: number }>(
      server.db,
      sql`SELECT id FROM claims WHERE text LIKE 'Vladimir Putin answered%'`,
    ))!.id;
    unworded = (await inspectRow<{ id: number }>(
      server.db,
      sql`SELECT id FROM claims WHERE quote LIKE '%Foreign Minister%' AND text IS NULL`,
    ))!.id;
  });
  afterAll(() => server.close());

  it("down() leaves the quotes alone indexed; up() indexes every claim's words again, those written meanwhile too", async () => {
    const before = await documents();
    expect(before.filter((d) => d.field === 'text').map((d) => d.refId)).toContain(answered);
    expect(await hits('answered')).toEqual([[toGlobalId('Claim', answered), 'text']]);
    expect(await matched('Vladimir Putin answered Biden that it takes one to know one')).toContain(
      toGlobalId('Claim', answered),
    );
    if (sqlite()) expect(await ftsClaims('"answer"')).toEqual([answered]);

    await migrate('down');
    expect(await documents()).toEqual(before.filter((d) => d.field !== 'text'));
    expect(await hits('answered')).toEqual([]);
    if (sqlite()) {
      expect(await ftsClaims('"answer"')).toEqual([]);
      // The quotes are indexed as before.
      expect(await ftsClaims('"kuleba"')).toEqual([unworded]);
    }
    // Words written while the migration is not there: nothing indexes them.
    await server.db.writes.run((manager) =>
      inspectWrite(manager, sql`UPDATE claims SET text = ${NEW_WORDS} WHERE id = ${unworded}`),
    );
    expect(await hits('Quorra')).toEqual([]);

    await migrate('up');
    expect(await documents()).toEqual(
      [...before, { type: 'CLAIM', refId: unworded, field: 'text', text: NEW_WORDS }].sort(byKey),
    );
    expect(await hits('answered')).toEqual([[toGlobalId('Claim', answered), 'text']]);
    expect(await hits('Quorra')).toEqual([[toGlobalId('Claim', unworded), 'text']]);
    // Still found by its quote, too.
    expect(await hits('Kuleba')).toEqual([[toGlobalId('Claim', unworded), 'quote']]);
    expect(await matched('Aides at the Kremlin denied any plans for a Quorra summit')).toEqual([
      toGlobalId('Claim', unworded),
    ]);
    if (sqlite()) {
      expect(await ftsClaims('"quorra"')).toEqual([unworded]);
      expect(await ftsClaims('"kuleba"')).toEqual([unworded]);
    }

    // And the triggers follow a change of the words again, on both indexes.
    await server.db.writes.run((manager) =>
      inspectWrite(manager, sql`UPDATE claims SET text = NULL WHERE id = ${unworded}`),
    );
    expect(await hits('Quorra')).toEqual([]);
    expect(await matched('Aides at the Kremlin denied any plans for a Quorra summit')).toEqual([]);
    expect(await documents()).toEqual(before);
    if (sqlite()) expect(await ftsClaims('"quorra"')).toEqual([]);
  });
});
