import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import type { SqlReader } from '../../db/sql-reader';
import { badUserInput, DomainError, ErrorCode, notFound } from '../../domain/errors';
import { clean } from '../../graphql/text-rules';
import { insertCorrection, refreshClaimVerdict } from '../annotation/annotation-writes';
import { CorrectionKind } from '../annotation/correction.entity';
import type { Verdict } from '../annotation/verdict';
import { requireRole, type Viewer } from '../auth/viewer';
import { importedRatingKey } from '../dataset/claimreview-rating';
import { AnnotationStatus } from '../annotation/annotation.entity';
import { Role } from '../user/user.entity';
import type { CreateRatingInput, UpdateRatingInput } from './rating.inputs';
import { MAX_RATINGS } from './rating.inputs';
import { describeRating } from './rating-writes';
import {
  deleteRatingRow,
  factChecksWithImportedRatings,
  importedRatingMappingByKey,
  importedRatingTexts,
  insertImportedRatingMapping,
  insertRating,
  nextRatingPosition,
  publishedUsesOfRating,
  ratingByLabelKey,
  ratingInUse,
  ratingScale,
  type RatingSqlRow,
  ratingsByIds,
  setImportedRatingVerdict,
  setRatingPosition,
  setVerdictOfImportedAnnotations,
  setVerdictOfRatedAnnotations,
  unmappedImportedRatings,
  updateRatingRow,
} from './rating.queries';
import type { ImportedRatingMappingRow, ScaleRatingRow, UnmappedImportedRatingRow } from './rating.types';

const NO_SUCH_RATING = 'No such rating on the scale.';
const BAD_COLOUR = 'A colour is `#` and six hexadecimal digits, such as `#1a7f37`.';
const NUMBERS_TOGETHER = 'Give `value`, `best` and `worst` together, or none of them.';
const NOTE_REQUIRED =
  'A published fact-check carries this rating: changing its label, numbers or verdict is a public correction, say why in `note`.';
const IN_USE = 'Fact-checks carry this rating: give them another rating first.';
const FULL = `A scale holds at most ${MAX_RATINGS} ratings.`;
const NOT_A_PERMUTATION = 'Give every rating of the scale exactly once.';
const MAPPING_NOTE_REQUIRED =
  'Published fact-checks carry this rating: mapping it to another verdict is a public correction, say why in `note`.';

/** The label compared case- and space-insensitively: what keeps labels unique. */
export function ratingLabelKey(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function toScaleRatingRow(row: RatingSqlRow): ScaleRatingRow {
  return { __typename: 'ScaleRating', ...row };
}

interface RatingNumbers {
  value: number | null;
  best: number | null;
  worst: number | null;
}

/** `value`, `best`, `worst` all given (best ≠ worst, value between them) or all null. */
export function checkNumbers(numbers: RatingNumbers, field: string): RatingNumbers {
  const given = [numbers.value, numbers.best, numbers.worst].filter((n) => n !== null);
  if (given.length === 0) return { value: null, best: null, worst: null };
  if (given.length !== 3)
    throw badUserInput(
      NUMBERS_TOGETHER,
      `${field}.${numbers.value === null ? 'value' : numbers.best === null ? 'best' : 'worst'}`,
    );
  const { value, best, worst } = numbers as { value: number; best: number; worst: number };
  for (const [name, n] of Object.entries({ value, best, worst }))
    if (!Number.isFinite(n) || Math.abs(n) > 1e9)
      throw badUserInput('A finite number, at most 1e9 either way.', `${field}.${name}`);
  if (best === worst) throw badUserInput('`best` and `worst` must differ.', `${field}.best`);
  if (value < Math.min(best, worst) || value > Math.max(best, worst))
    throw badUserInput(`\`value\` lies between worst (${worst}) and best (${best}).`, `${field}.value`);
  return { value, best, worst };
}

export function checkColour(colour: string, field: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) throw badUserInput(BAD_COLOUR, field);
  return colour.toLowerCase();
}

/**
 * The organisation's rating scale (ADMIN) and the table from imported rating texts to
 * verdicts. A rating any fact-check or revision carries is never deleted; changing the label,
 * numbers or verdict of one a published fact-check carries takes a note and records a
 * RATING_CHANGED (or VERDICT_CHANGED) correction on each such fact-check. A new verdict is
 * written to every fact-check carrying the rating and each claim's verdict follows; revisions
 * are not rewritten (history is append-only: a past version keeps the verdict it had).
 */
export class RatingService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  async scale(): Promise<ScaleRatingRow[]> {
    return (await this.reader.rows(ratingScale, {})).map(toScaleRatingRow);
  }

  create(viewer: Viewer, input: CreateRatingInput): Promise<number> {
    requireRole(viewer, Role.ADMIN);
    const label = clean(input.label);
    const numbers = checkNumbers(
      { value: input.value ?? null, best: input.best ?? null, worst: input.worst ?? null },
      'input',
    );
    const colour = checkColour(input.colour, 'input.colour');
    return this.db.writes.run(async (manager) => {
      await refuseTakenLabel(manager, label, 0);
      const next = await executeOne(manager, nextRatingPosition, {});
      const position = Number(next?.last ?? -1) + 1;
      if (position >= MAX_RATINGS) throw badUserInput(FULL, 'input');
      const [inserted] = await execute(manager, insertRating, {
        label,
        labelKey: ratingLabelKey(label),
        description: clean(input.description) || null,
        ...numbers,
        colour,
        verdict: input.verdict,
        position,
      });
      return inserted.id;
    });
  }

  update(viewer: Viewer, id: number, input: Omit<UpdateRatingInput, 'id'>): Promise<number> {
    const admin = requireRole(viewer, Role.ADMIN);
    return this.db.writes.run(async (manager, outbox) => {
      const stored = await findRating(manager, id);
      const label = input.label == null ? stored.label : clean(input.label);
      const numbersGiven = input.value !== undefined || input.best !== undefined || input.worst !== undefined;
      const numbers = numbersGiven
        ? checkNumbers({ value: input.value ?? null, best: input.best ?? null, worst: input.worst ?? null }, 'input')
        : { value: stored.value, best: stored.best, worst: stored.worst };
      const colour = input.colour == null ? stored.colour : checkColour(input.colour, 'input.colour');
      const verdict = input.verdict ?? stored.verdict;
      const description = input.description == null ? stored.description : clean(input.description) || null;
      if (ratingLabelKey(label) !== ratingLabelKey(stored.label)) await refuseTakenLabel(manager, label, id);
      const next = { ...stored, label, ...numbers, colour, verdict, description };
      const onRecord =
        label !== stored.label ||
        numbers.value !== stored.value ||
        numbers.best !== stored.best ||
        numbers.worst !== stored.worst ||
        verdict !== stored.verdict;
      const uses = onRecord ? await execute(manager, publishedUsesOfRating, { id }) : [];
      const note = clean(input.note) || null;
      if (uses.length > 0 && !note) throw badUserInput(NOTE_REQUIRED, 'input.note');
      await execute(manager, updateRatingRow, { ...next, id, labelKey: ratingLabelKey(label) });
      if (verdict !== stored.verdict) {
        await execute(manager, setVerdictOfRatedAnnotations, { id, verdict });
        for (const claimId of new Set(uses.map((use) => use.claimId)))
          await refreshClaimVerdict(manager, claimId, outbox);
      }
      for (const use of uses) {
        outbox.push({
          type: 'annotationCorrected',
          articleId: use.articleId,
          claimId: use.claimId,
          annotationId: use.annotationId,
          details: { verdict, previousVerdict: stored.verdict, note: note!, rating: label },
        });
        await insertCorrection(manager, {
          articleId: use.articleId,
          claimId: use.claimId,
          annotationId: use.annotationId,
          kind: verdict !== stored.verdict ? CorrectionKind.VERDICT_CHANGED : CorrectionKind.RATING_CHANGED,
          previousVerdict: stored.verdict,
          newVerdict: verdict,
          previousText: describeRating(stored),
          newText: describeRating(next),
          note: note!,
          editorId: admin.id,
        });
      }
      return id;
    });
  }

  delete(viewer: Viewer, id: number): Promise<void> {
    requireRole(viewer, Role.ADMIN);
    return this.db.writes.run(async (manager) => {
      await findRating(manager, id);
      const use = await executeOne(manager, ratingInUse, { id });
      // A revision keeps the rating it had: a rating once used stays, so history reads stay whole.
      if (use && (Number(use.byFactCheck) || Number(use.byRevision)))
        throw new DomainError(ErrorCode.CONFLICT, IN_USE, 'input.id');
      await execute(manager, deleteRatingRow, { id });
      await renumber(
        manager,
        (await execute(manager, ratingScale, {})).map((row) => row.id),
      );
    });
  }

  reorder(viewer: Viewer, ids: number[]): Promise<void> {
    requireRole(viewer, Role.ADMIN);
    return this.db.writes.run(async (manager) => {
      const current = (await execute(manager, ratingScale, {})).map((row) => row.id);
      const given = new Set(ids);
      if (given.size !== ids.length || ids.length !== current.length || current.some((id) => !given.has(id)))
        throw badUserInput(NOT_A_PERMUTATION, 'input.ids');
      await renumber(manager, ids);
    });
  }

  /**
   * Maps an imported rating text to a verdict (ADMIN): the imports from then on take it, and so
   * does every fact-check imported with that text (compared as rating keys) at once. Their
   * claims' verdicts follow; a published fact-check whose verdict moves is a public correction
   * (VERDICT_CHANGED, with the admin's `note`, required then) and an `annotationCorrected` event.
   * No revision is appended: the fact-check's content did not change (as for updateRating).
   */
  setImportedMapping(
    viewer: Viewer,
    input: { alternateName: string; verdict: Verdict; note?: string | null },
  ): Promise<ImportedRatingMappingRow> {
    const admin = requireRole(viewer, Role.ADMIN);
    const name = clean(input.alternateName);
    const ratingKey = importedRatingKey(name);
    if (!ratingKey) throw badUserInput('A rating text has at least one letter or digit.', 'input.alternateName');
    const { verdict } = input;
    const note = clean(input.note) || null;
    return this.db.writes.run(async (manager, outbox) => {
      const stored = await executeOne(manager, importedRatingMappingByKey, { ratingKey });
      if (stored) await execute(manager, setImportedRatingVerdict, { id: stored.id, verdict });
      else await execute(manager, insertImportedRatingMapping, { ratingKey, alternateName: name, verdict });
      const names = (await execute(manager, importedRatingTexts, {}))
        .filter((row) => importedRatingKey(row.name) === ratingKey)
        .map((row) => row.name);
      const carrying = names.length > 0 ? await execute(manager, factChecksWithImportedRatings, { names }) : [];
      const moving = carrying.filter((row) => row.verdict !== verdict);
      const onRecord = moving.filter((row) => row.status === AnnotationStatus.PUBLISHED && row.claimDeletedAt === null);
      if (onRecord.length > 0 && !note) throw badUserInput(MAPPING_NOTE_REQUIRED, 'input.note');
      if (moving.length > 0) {
        await execute(manager, setVerdictOfImportedAnnotations, {
          ids: moving.map((row) => row.annotationId),
          verdict,
        });
        const claims = new Set(moving.filter((row) => row.claimDeletedAt === null).map((row) => row.claimId));
        for (const claimId of claims) await refreshClaimVerdict(manager, claimId, outbox);
      }
      for (const row of onRecord) {
        outbox.push({
          type: 'annotationCorrected',
          articleId: row.articleId,
          claimId: row.claimId,
          annotationId: row.annotationId,
          details: { verdict, previousVerdict: row.verdict, note: note!, rating: row.importedRating },
        });
        await insertCorrection(manager, {
          articleId: row.articleId,
          claimId: row.claimId,
          annotationId: row.annotationId,
          kind: CorrectionKind.VERDICT_CHANGED,
          previousVerdict: row.verdict,
          newVerdict: verdict,
          previousText: null,
          newText: null,
          note: note!,
          editorId: admin.id,
        });
      }
      return { alternateName: stored?.alternateName ?? name, verdict, factChecks: carrying.length };
    });
  }

  /** Imported rating texts no verdict is mapped to yet, first met first, with how many fact-checks carry each. */
  async unmappedImported(viewer: Viewer): Promise<UnmappedImportedRatingRow[]> {
    requireRole(viewer, Role.ADMIN);
    const [unmapped, texts] = await Promise.all([
      this.reader.rows(unmappedImportedRatings, {}),
      this.reader.rows(importedRatingTexts, {}),
    ]);
    const counts = new Map<string, number>();
    for (const text of texts) {
      const key = importedRatingKey(text.name);
      counts.set(key, (counts.get(key) ?? 0) + Number(text.factChecks));
    }
    return unmapped.map((row) => ({
      alternateName: row.alternateName,
      firstSeenAt: row.firstSeenAt,
      factChecks: counts.get(row.ratingKey) ?? 0,
    }));
  }
}

async function findRating(manager: EntityManager, id: number): Promise<RatingSqlRow> {
  const [rating] = await execute(manager, ratingsByIds, { ids: [id] });
  if (!rating) throw notFound(NO_SUCH_RATING, 'input.id');
  return rating;
}

async function refuseTakenLabel(manager: EntityManager, label: string, exceptId: number): Promise<void> {
  const taken = await executeOne(manager, ratingByLabelKey, { labelKey: ratingLabelKey(label), exceptId });
  if (taken)
    throw new DomainError(ErrorCode.CONFLICT, `The scale has a rating “${taken.label}” already.`, 'input.label');
}

async function renumber(manager: EntityManager, ids: readonly number[]): Promise<void> {
  for (const [position, id] of ids.entries()) await execute(manager, setRatingPosition, { id, position });
}
