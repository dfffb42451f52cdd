import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { Verdict, VERDICTS } from '../../src/modules/annotation/verdict';
import { claimReviewImportRecords, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow, inspectRows } from '../helpers/inspect';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';
import { rowCounts } from './bulk-helpers';

/**
 * A ClaimReview's own rating through the whole service: imported with its publisher's words
 * and numbers, shown as the fact-check's rating, listed until an ADMIN maps it, then mapped:
 * the fact-checks, their claims and the public record follow. Real HTTP and database.
 */

let uniq = 0;

function review(text: string, reviewRating: Record<string, unknown>, datePublished = '2024-05-01') {
  uniq += 1;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://checks.example.com/reviews/${uniq}`,
    claimReviewed: text,
    datePublished,
    author: { '@type': 'Organization', name: 'Example Post' },
    reviewRating: { '@type': 'Rating', ...reviewRating },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A Senator' } },
  };
}

interface CheckView {
  verdict: string;
  status: string;
  rating: { label: string; value: number | null; best: number | null; worst: number | null; imported: boolean };
  claim: { verdict: string | null; corrections: { kind: string; note: string; previousVerdict: string }[] };
}

const CHECK_FIELDS = `verdict status rating { label value best worst imported }
  claim { verdict corrections { kind note previousVerdict } }`;

describe('imported ClaimReview ratings', () => {
  let server: TestServer;
  let admin: SignedIn;

  const importDocument = (records: unknown[]) => runBulkImport(server.db, claimReviewImportRecords(records));

  async function checkOf(text: string): Promise<CheckView & { id: string }> {
    const row = await inspectRow(
      server.db,
      sql<{ id: number }>`SELECT n.id FROM annotations n JOIN claims c ON c.id = n.claim_id WHERE c.quote = ${text}`,
    );
    const id = toGlobalId('Annotation', row!.id);
    const result = await server.gql<{ node: CheckView }>(
      `query($id: ID!) { node(id: $id) { ... on Annotation { ${CHECK_FIELDS} } } }`,
      { id },
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    return { ...result.data!.node, id };
  }

  async function unmapped(): Promise<{ alternateName: string; factChecks: number }[]> {
    const result = await server.gql<{ unmappedImportedRatings: { alternateName: string; factChecks: number }[] }>(
      '{ unmappedImportedRatings { alternateName factChecks } }',
      {},
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.unmappedImportedRatings;
  }

  const MAP = `mutation($input: SetImportedRatingMappingInput!) { setImportedRatingMapping(input: $input) { alternateName verdict factChecks } }`;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    admin = await server.signIn(Role.ADMIN, 'Ada Admin');
  });
  afterAll(() => server.close());

  it("shows the publisher's words and numbers as the rating; unmapped ones are UNVERIFIABLE and listed with counts", async () => {
    const report = await importDocument([
      review('The tunnel cost ten billion.', {
        alternateName: 'Four Pinocchios',
        ratingValue: 1,
        bestRating: 4,
        worstRating: 1,
      }),
      review('The river is the longest in Europe.', { alternateName: 'four  pinocchios!' }),
      review('Crime fell by half.', { alternateName: 'Mostly false' }),
      review('The budget doubled.', { ratingValue: 2, bestRating: 7, worstRating: 1 }),
    ]);
    expect(report.failed).toBe(0);
    const tunnel = await checkOf('The tunnel cost ten billion.');
    expect(tunnel).toMatchObject({
      verdict: 'UNVERIFIABLE',
      status: 'PUBLISHED',
      rating: { label: 'Four Pinocchios', value: 1, best: 4, worst: 1, imported: true },
      claim: { verdict: 'UNVERIFIABLE' },
    });
    expect((await checkOf('Crime fell by half.')).rating).toMatchObject({ label: 'Mostly false', imported: true });
    expect((await checkOf('Crime fell by half.')).verdict).toBe('MOSTLY_FALSE');
    expect((await checkOf('The budget doubled.')).rating).toMatchObject({
      label: '2 (best 7, worst 1)',
      value: 2,
      best: 7,
      worst: 1,
    });
    // Texts that fold alike are one entry, counted together; an exactly mapped one is not listed.
    expect(await unmapped()).toEqual([
      { alternateName: 'Four Pinocchios', factChecks: 2 },
      { alternateName: '2 (best 7, worst 1)', factChecks: 1 },
    ]);
  });

  it('an ADMIN mapping a published rating must say why; then its fact-checks and their claims follow, on the record', async () => {
    const refused = await server.gql(
      MAP,
      { input: { alternateName: 'FOUR PINOCCHIOS', verdict: 'FALSE' } },
      admin.token,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const editor = await server.signIn(Role.EDITOR);
    const forbidden = await server.gql(
      MAP,
      { input: { alternateName: 'Four Pinocchios', verdict: 'FALSE', note: 'No.' } },
      editor.token,
    );
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await checkOf('The tunnel cost ten billion.')).verdict).toBe('UNVERIFIABLE');

    const last = await inspectRow(server.db, sql<{ id: number }>`SELECT COALESCE(MAX(id), 0) AS id FROM events`);
    const mapped = await server.gql<{ setImportedRatingMapping: unknown }>(
      MAP,
      { input: { alternateName: 'FOUR PINOCCHIOS', verdict: 'FALSE', note: "The Post's worst rating." } },
      admin.token,
    );
    expect(mapped.errors).toBeUndefined();
    expect(mapped.data!.setImportedRatingMapping).toEqual({
      alternateName: 'Four Pinocchios',
      verdict: 'FALSE',
      factChecks: 2,
    });
    for (const text of ['The tunnel cost ten billion.', 'The river is the longest in Europe.']) {
      const check = await checkOf(text);
      expect(check.verdict).toBe('FALSE');
      expect(check.rating).toMatchObject({ imported: true });
      expect(check.rating.label).toMatch(/^four\s+pinocchios!?$/i);
      expect(check.claim.verdict).toBe('FALSE');
      expect(check.claim.corrections).toEqual([
        { kind: 'VERDICT_CHANGED', note: "The Post's worst rating.", previousVerdict: 'UNVERIFIABLE' },
      ]);
    }
    const events = await inspectRows(
      server.db,
      sql<{ type: string }>`SELECT type FROM events WHERE id > ${Number(last!.id)} ORDER BY id`,
    );
    expect(events.filter((event) => event.type === 'annotationCorrected')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'claimVerdictChanged')).toHaveLength(2);
    expect(await unmapped()).toEqual([{ alternateName: '2 (best 7, worst 1)', factChecks: 1 }]);

    // Imports from then on take the mapping; mapping again to the same verdict changes nothing.
    await importDocument([review('Wages tripled.', { alternateName: 'Four Pinocchios' })]);
    expect((await checkOf('Wages tripled.')).verdict).toBe('FALSE');
    const again = await server.gql(MAP, { input: { alternateName: 'four pinocchios', verdict: 'FALSE' } }, admin.token);
    expect(again.errors).toBeUndefined();
  });

  it('a fact-check an editor re-rated keeps its rating when its publisher’s words are mapped later', async () => {
    await importDocument([review('Taxes never rose.', { alternateName: 'Bottomless Pinocchio' })]);
    const check = await checkOf('Taxes never rose.');
    const editor = await server.signIn(Role.EDITOR);
    const { data } = await server.gql<{ annotation: { version: number } }>(
      'query($id: ID!) { annotation(id: $id) { version } }',
      { id: check.id },
      editor.token,
    );
    const updated = await server.gql(
      `mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }`,
      {
        input: { id: check.id, expectedVersion: data!.annotation.version, verdict: 'MOSTLY_FALSE', note: 'Re-rated.' },
      },
      editor.token,
    );
    expect(updated.errors).toBeUndefined();
    expect((await checkOf('Taxes never rose.')).rating).toMatchObject({ label: 'Mostly false', imported: false });
    const mapped = await server.gql(
      MAP,
      { input: { alternateName: 'Bottomless Pinocchio', verdict: 'FALSE' } },
      admin.token,
    );
    expect(mapped.errors).toBeUndefined();
    expect((await checkOf('Taxes never rose.')).verdict).toBe('MOSTLY_FALSE');
  });

  it('re-importing is idempotent and mapping is a function of the text: any order of imports and mappings ends alike', async () => {
    const words = ['Pinocchio Alpha', 'Pinocchio Beta', 'Pinocchio Gamma'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('import' as const), word: fc.nat(2), casing: fc.boolean() }),
            fc.record({ kind: fc.constant('map' as const), word: fc.nat(2), verdict: fc.constantFrom(...VERDICTS) }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (steps) => {
          const run = (uniq += 1);
          const documents: ReturnType<typeof review>[] = [];
          const mapping = new Map<number, Verdict>();
          for (const [index, step] of steps.entries()) {
            if (step.kind === 'import') {
              const name = step.casing ? words[step.word].toUpperCase() : words[step.word];
              documents.push(review(`Run ${run} claim ${index}.`, { alternateName: `${name} ${run}` }));
              const report = await importDocument(documents.slice(-1));
              expect(report.failed).toBe(0);
            } else {
              const result = await server.gql(
                MAP,
                {
                  input: { alternateName: `${words[step.word]} ${run}`, verdict: step.verdict, note: 'Mapped.' },
                },
                admin.token,
              );
              expect(result.errors).toBeUndefined();
              mapping.set(step.word, step.verdict);
            }
          }
          // Every fact-check of the run has its text's mapped verdict, else UNVERIFIABLE.
          const rows = await inspectRows(
            server.db,
            sql<{ quote: string; verdict: string; claimVerdict: string; importedRating: string }>`
              SELECT c.quote, n.verdict, c.verdict AS "claimVerdict", n.imported_rating AS "importedRating"
              FROM annotations n JOIN claims c ON c.id = n.claim_id WHERE c.quote LIKE ${`Run ${run} %`}`,
          );
          for (const row of rows) {
            const word = words.findIndex((name) => row.importedRating.toLowerCase() === `${name} ${run}`.toLowerCase());
            const expected = mapping.get(word) ?? Verdict.UNVERIFIABLE;
            expect(row.verdict).toBe(expected);
            expect(row.claimVerdict).toBe(expected);
          }
          // Importing it all again stores nothing and changes no verdict.
          const before = await rowCounts(server.db);
          const again = await importDocument(documents);
          expect(again.stored.annotations).toBe(0);
          expect(await rowCounts(server.db)).toEqual(before);
          const after = await inspectRows(
            server.db,
            sql<{ quote: string; verdict: string; claimVerdict: string; importedRating: string }>`
              SELECT c.quote, n.verdict, c.verdict AS "claimVerdict", n.imported_rating AS "importedRating"
              FROM annotations n JOIN claims c ON c.id = n.claim_id WHERE c.quote LIKE ${`Run ${run} %`}`,
          );
          expect(after).toEqual(rows);
        },
      ),
      { numRuns: 15 },
    );
  });
});
