import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/user/user.entity';
import { DEFAULT_EVIDENCE, moment, Newsroom } from '../helpers/newsroom';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const FIELDS = 'id label description value best worst colour position verdict';

interface ScaleRating {
  id: string;
  label: string;
  description: string | null;
  value: number | null;
  best: number | null;
  worst: number | null;
  colour: string;
  position: number;
  verdict: string;
}

interface Review {
  url: string;
  reviewRating: Record<string, unknown>;
}

describe('the rating scale', () => {
  let server: TestServer;
  let room: Newsroom;
  let admin: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;

  const scale = async (who?: SignedIn) =>
    (await room.ok<{ ratingScale: ScaleRating[] }>(`{ ratingScale { ${FIELDS} } }`, {}, who)).ratingScale;
  const create = (input: Record<string, unknown>, who: SignedIn = admin) =>
    room.attempt<{ createRating: ScaleRating }>(
      `mutation($input: CreateRatingInput!) { createRating(input: $input) { ${FIELDS} } }`,
      { input },
      who,
    );
  const update = (input: Record<string, unknown>, who: SignedIn = admin) =>
    room.attempt<{ updateRating: ScaleRating }>(
      `mutation($input: UpdateRatingInput!) { updateRating(input: $input) { ${FIELDS} } }`,
      { input },
      who,
    );
  const remove = (id: string, who: SignedIn = admin) =>
    room.attempt<{ deleteRating: { deletedRatingId: string; ratingScale: ScaleRating[] } }>(
      `mutation($input: DeleteRatingInput!) { deleteRating(input: $input) { deletedRatingId ratingScale { id label position } } }`,
      { input: { id } },
      who,
    );
  const reorder = (ids: string[], who: SignedIn = admin) =>
    room.attempt<{ reorderRatings: ScaleRating[] }>(
      `mutation($input: ReorderRatingsInput!) { reorderRatings(input: $input) { id label position } }`,
      { input: { ids } },
      who,
    );
  const errorOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
    admin = await server.signIn(Role.ADMIN);
    editor = await server.signIn(Role.EDITOR);
    reviewer = await server.signIn(Role.REVIEWER);
  });
  afterAll(() => server.close());

  it('starts as the scale published until now, and anonymous readers may read it', async () => {
    const ratings = await scale();
    expect(
      ratings.map(({ label, value, best, worst, colour, position, verdict }) => [
        label,
        value,
        best,
        worst,
        colour,
        position,
        verdict,
      ]),
    ).toEqual([
      ['True', 5, 5, 1, '#1a7f37', 0, 'TRUE'],
      ['Mostly true', 4, 5, 1, '#7cb342', 1, 'MOSTLY_TRUE'],
      ['Mixed', 3, 5, 1, '#e8a80c', 2, 'MIXED'],
      ['Mostly false', 2, 5, 1, '#ee7a1c', 3, 'MOSTLY_FALSE'],
      ['False', 1, 5, 1, '#c92a2a', 4, 'FALSE'],
      ['Misleading', null, null, null, '#7d3fc4', 5, 'MISLEADING'],
      ['Needs context', null, null, null, '#1a66c9', 6, 'NEEDS_CONTEXT'],
      ['Unverifiable', null, null, null, '#66707a', 7, 'UNVERIFIABLE'],
    ]);
    const node = await room.ok<{ node: { label: string } }>(
      `query($id: ID!) { node(id: $id) { ... on ScaleRating { label } } }`,
      { id: ratings[0].id },
    );
    expect(node.node.label).toBe('True');
  });

  it('is changed by an ADMIN only', async () => {
    const input = { label: 'Nope', colour: '#000000', verdict: 'FALSE' };
    expect(
      errorOf(
        await room.attempt(`mutation($input: CreateRatingInput!) { createRating(input: $input) { id } }`, { input }),
      ),
    ).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const who of [reviewer, editor])
      expect(errorOf(await create(input, who))).toMatchObject({ code: 'FORBIDDEN' });
    const [first] = await scale();
    expect(errorOf(await update({ id: first.id, colour: '#000000' }, editor))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await remove(first.id, editor))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await reorder([first.id], editor))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await room.attempt(`{ unmappedImportedRatings { alternateName } }`, {}, editor))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await scale()).map((r) => r.label)).not.toContain('Nope');
  });

  it('refuses bad input with the field, changing nothing', async () => {
    const before = await scale();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ label: 'Pants', colour: 'red', verdict: 'FALSE' }, 'BAD_USER_INPUT', 'input.colour'],
      [{ label: 'Pants', colour: '#12345', verdict: 'FALSE' }, 'BAD_USER_INPUT', 'input.colour'],
      [{ label: '   ', colour: '#123456', verdict: 'FALSE' }, 'BAD_USER_INPUT', 'input.label'],
      [
        { label: 'Pants', colour: '#123456', verdict: 'FALSE', value: 7, best: 5, worst: 1 },
        'BAD_USER_INPUT',
        'input.value',
      ],
      [
        { label: 'Pants', colour: '#123456', verdict: 'FALSE', value: 3, best: 3, worst: 3 },
        'BAD_USER_INPUT',
        'input.best',
      ],
      [{ label: 'Pants', colour: '#123456', verdict: 'FALSE', value: 3 }, 'BAD_USER_INPUT', 'input.best'],
      [{ label: 'mostly  TRUE', colour: '#123456', verdict: 'FALSE' }, 'CONFLICT', 'input.label'],
    ];
    for (const [input, code, field] of cases)
      expect(errorOf(await create(input)), JSON.stringify(input)).toMatchObject({ code, field });
    expect(errorOf(await update({ id: before[0].id, label: 'false' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.label',
    });
    expect(errorOf(await reorder(before.slice(1).map((r) => r.id)))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.ids',
    });
    expect(await scale()).toEqual(before);
  });

  it('creates, updates, reorders and deletes a rating', async () => {
    const created = (
      await create({
        label: 'Four Pinocchios',
        description: 'Whoppers.',
        value: 4,
        best: 1,
        worst: 4,
        colour: '#AA0000',
        verdict: 'FALSE',
      })
    ).data!.createRating;
    expect(created).toMatchObject({
      label: 'Four Pinocchios',
      value: 4,
      best: 1,
      worst: 4,
      colour: '#aa0000',
      position: 8,
    });
    const updated = (
      await update({ id: created.id, label: 'Four Pinocchios!', description: '', value: null, best: null, worst: null })
    ).data!.updateRating;
    expect(updated).toMatchObject({
      label: 'Four Pinocchios!',
      description: null,
      value: null,
      best: null,
      worst: null,
    });
    const ids = (await scale()).map((r) => r.id);
    const reordered = (await reorder([created.id, ...ids.filter((id) => id !== created.id)])).data!.reorderRatings;
    expect(reordered[0]).toMatchObject({ id: created.id, position: 0 });
    const deleted = (await remove(created.id)).data!.deleteRating;
    expect(deleted.deletedRatingId).toBe(created.id);
    expect(deleted.ratingScale.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(deleted.ratingScale[0].label).toBe('True');
  });

  it('any valid rating round-trips, its value within best..worst', async () => {
    const finite = fc.integer({ min: -1000, max: 1000 });
    const definition = fc.record({
      label: fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((s) => /\p{L}/u.test(s) && s.trim() === s && s.normalize('NFC') === s && !/\s\s|[\p{C}]/u.test(s)),
      colour: fc.stringMatching(/^#[0-9a-f]{6}$/),
      verdict: fc.constantFrom('TRUE', 'FALSE', 'MIXED', 'NEEDS_CONTEXT'),
      numbers: fc.option(
        fc.tuple(finite, finite, fc.double({ min: 0, max: 1, noNaN: true })).filter(([a, b]) => a !== b),
        { nil: null },
      ),
    });
    await fc.assert(
      fc.asyncProperty(definition, async ({ label, colour, verdict, numbers }) => {
        const numeric = numbers && {
          best: numbers[0],
          worst: numbers[1],
          // `+ 0`: a value rounded to -0 is stored and answered as 0.
          value: Math.round(numbers[1] + (numbers[0] - numbers[1]) * numbers[2]) + 0,
        };
        const result = await create({ label: `p ${label}`, colour, verdict, ...(numeric ?? {}) });
        if (result.errors?.[0]?.extensions?.code === 'CONFLICT') return; // a label taken by an earlier run
        expect(result.errors).toBeUndefined();
        const rating = result.data!.createRating;
        const stored = (await scale()).find((r) => r.id === rating.id)!;
        expect(stored).toEqual(rating);
        expect(stored).toMatchObject({
          label: `p ${label}`,
          colour,
          verdict,
          ...(numeric ?? { value: null, best: null, worst: null }),
        });
        if (stored.value !== null) expect(stored.value).toBeGreaterThanOrEqual(Math.min(stored.best!, stored.worst!));
        expect((await remove(rating.id)).errors).toBeUndefined();
      }),
      { numRuns: 20 },
    );
  });

  describe('on fact-checks', () => {
    let pinocchios: ScaleRating;
    let story: { articleId: string; claimId: string };
    let checkId: string;

    const CLAIM = `query($id: ID!) { claim(id: $id) { verdict article { corrections { kind previousVerdict newVerdict previousText newText note } } } }`;
    const readCheck = (id: string) =>
      room.ok<{
        annotation: {
          verdict: string;
          rating: Record<string, unknown>;
          revisions: { version: number; rating: { label: string } }[];
        };
      }>(
        `query($id: ID!) { annotation(id: $id) { verdict rating { label value best worst colour description imported } revisions { version rating { label } } } }`,
        { id },
      );

    beforeAll(async () => {
      pinocchios = (
        await create({
          label: 'Four Pinocchios',
          value: 4,
          best: 1,
          worst: 4,
          colour: '#aa0000',
          verdict: 'FALSE',
          description: 'Whoppers.',
        })
      ).data!.createRating;
      story = await room.publishedStory(
        editor,
        reviewer,
        'ratings-story',
        'The mayor said the bridge cost nothing.',
        'the bridge cost nothing',
      );
    });

    it('takes the rating given, its verdict following; a verdict alone takes the first rating of it', async () => {
      const draft = await room.mutate(
        'createAnnotation',
        'CreateAnnotationInput',
        {
          claimId: story.claimId,
          ratingId: pinocchios.id,
          summary: 'It cost millions.',
          body: 'Invoices.',
          citations: [DEFAULT_EVIDENCE],
        },
        reviewer,
        'id version verdict rating { label value best worst colour description imported }',
      );
      expect(draft).toMatchObject({
        verdict: 'FALSE',
        rating: {
          label: 'Four Pinocchios',
          value: 4,
          best: 1,
          worst: 4,
          colour: '#aa0000',
          description: 'Whoppers.',
          imported: false,
        },
      });
      const other = await room.mutate(
        'createAnnotation',
        'CreateAnnotationInput',
        { claimId: story.claimId, verdict: 'FALSE', summary: 'x', body: 'y' },
        reviewer,
        'id verdict rating { label value best worst }',
      );
      expect(other).toMatchObject({ verdict: 'FALSE', rating: { label: 'False', value: 1, best: 5, worst: 1 } });
      expect(
        errorOf(
          await room.attempt(
            `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }`,
            { input: { claimId: story.claimId, ratingId: pinocchios.id, verdict: 'TRUE', summary: 'x', body: 'y' } },
            reviewer,
          ),
        ),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.verdict' });
      const submitted = await room.submit(reviewer, draft.id);
      await room.publish(editor, draft.id, submitted.version);
      checkId = draft.id;
    });

    it('a rating in use cannot be deleted', async () => {
      expect(errorOf(await remove(pinocchios.id))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      expect((await scale()).some((r) => r.id === pinocchios.id)).toBe(true);
    });

    it('renaming a rating a published fact-check carries takes a note and leaves a dated public correction', async () => {
      expect(errorOf(await update({ id: pinocchios.id, label: 'Four Pinocchios (whopper)' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.note',
      });
      const before = await moment();
      expect(
        (
          await update({
            id: pinocchios.id,
            label: 'Four Pinocchios (whopper)',
            note: 'Our scale now says it in words.',
          })
        ).errors,
      ).toBeUndefined();
      const read = await room.ok<{ claim: { verdict: string; article: { corrections: Record<string, unknown>[] } } }>(
        CLAIM,
        { id: story.claimId },
      );
      expect(read.claim.verdict).toBe('FALSE');
      expect(read.claim.article.corrections).toContainEqual({
        kind: 'RATING_CHANGED',
        previousVerdict: 'FALSE',
        newVerdict: 'FALSE',
        previousText: 'Four Pinocchios (4; best 1, worst 4)',
        newText: 'Four Pinocchios (whopper) (4; best 1, worst 4)',
        note: 'Our scale now says it in words.',
      });
      const check = await readCheck(checkId);
      expect(check.annotation.rating).toMatchObject({ label: 'Four Pinocchios (whopper)' });
      // A past read shows the rating the version carried, under today's label.
      const past = await room.ok<{ article: { claims: { annotations: { rating: { label: string } }[] }[] } }>(
        `query($t: DateTime) { article(slug: "ratings-story", asOf: $t) { claims { annotations { rating { label } } } } }`,
        { t: before },
      );
      expect(past.article.claims[0].annotations.map((a) => a.rating.label)).toContain('Four Pinocchios (whopper)');
      expect(check.annotation.revisions.at(-1)!.rating.label).toBe('Four Pinocchios (whopper)');
    });

    it("changing a rating's verdict moves its fact-checks and their claim, on the public record", async () => {
      expect(
        (await update({ id: pinocchios.id, verdict: 'MOSTLY_FALSE', note: 'Reclassified.' })).errors,
      ).toBeUndefined();
      const read = await room.ok<{ claim: { verdict: string; article: { corrections: Record<string, unknown>[] } } }>(
        CLAIM,
        { id: story.claimId },
      );
      expect(read.claim.verdict).toBe('MOSTLY_FALSE');
      expect(read.claim.article.corrections).toContainEqual(
        expect.objectContaining({
          kind: 'VERDICT_CHANGED',
          previousVerdict: 'FALSE',
          newVerdict: 'MOSTLY_FALSE',
          note: 'Reclassified.',
        }),
      );
      expect((await readCheck(checkId)).annotation.verdict).toBe('MOSTLY_FALSE');
    });

    it("a retracted fact-check keeps the verdict it was retracted with when its rating's verdict changes", async () => {
      const { createRating: rating } = await room.ok<{ createRating: ScaleRating }>(
        'mutation($input: CreateRatingInput!) { createRating(input: $input) { id label value best worst colour verdict position } }',
        { input: { label: 'Half a truth', colour: '#888800', verdict: 'MIXED' } },
        admin,
      );
      const other = await room.publishedStory(
        editor,
        reviewer,
        'retracted-rating',
        'He said the tax was halved.',
        'the tax was halved',
      );
      const check = await room.publishedCheck(reviewer, editor, {
        claimId: other.claimId,
        ratingId: rating.id,
        summary: 'Half.',
        body: 'Half of it.',
      } as never);
      await room.retract(editor, check.id, 'Wrong figures.');
      expect((await update({ id: rating.id, verdict: 'TRUE' })).errors).toBeUndefined();
      expect((await readCheck(check.id)).annotation.verdict).toBe('MIXED');
    });

    it('ClaimReview carries the rating of the scale: its numbers on its range, and its label', async () => {
      const response = await fetch(`${server.url}/claimreview.json`);
      const body = (await response.json()) as { items: Review[] };
      const ours = body.items.filter((item) => item.url.includes('ratings-story'));
      expect(ours.map((item) => item.reviewRating)).toContainEqual({
        '@type': 'Rating',
        alternateName: 'Four Pinocchios (whopper)',
        ratingValue: 4,
        bestRating: 1,
        worstRating: 4,
      });
      // A rating off the numbers sends its label alone.
      const context = (await scale()).find((r) => r.label === 'Needs context')!;
      await room.publishedCheck(reviewer, editor, {
        claimId: story.claimId,
        ratingId: context.id,
        summary: 's',
        body: 'b',
      } as never);
      const again = (await (await fetch(`${server.url}/claimreview.json`)).json()) as { items: Review[] };
      expect(again.items.map((item) => item.reviewRating)).toContainEqual({
        '@type': 'Rating',
        alternateName: 'Needs context',
      });
    });
  });
});
