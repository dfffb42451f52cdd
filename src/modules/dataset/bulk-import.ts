import { isRetryableConflict } from '../../db/postgres';
import fs from 'node:fs';
import readline from 'node:readline';
import type { EntityManager } from 'typeorm';
import { AnchorError } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { type ClaimReviewRecord, claimReviewLine, claimReviewRecords } from './claimreview-import';
import {
  addPendingAppearances,
  AppearanceError,
  DatasetError,
  emptySummary,
  type ImportSummary,
  importLine,
  type PendingAppearance,
  storedAnything,
  unresolvedError,
} from './dataset.service';
import type { DatasetLine } from './dataset.types';
import { parseDatasetLine } from './dataset-validation';

/** One unit of a bulk import: an ndjson line, or one reviewed claim of a ClaimReview file. */
export interface ImportRecord {
  /** How a failure names it: "line 12", "record 3". */
  label: string;
  /** How far through the input this record ends (bytes or records), for progress. */
  position: number;
  /** The line to import; runs inside the record's write transaction. */
  prepare(manager: EntityManager): Promise<DatasetLine>;
}

export interface ImportFailure {
  label: string;
  reason: string;
}

export interface BulkImportReport {
  /** Records read (blank lines are not records). */
  read: number;
  /** Records that stored something. */
  imported: number;
  /** Records whose content was all present already. */
  skipped: number;
  failed: number;
  /** What the import stored, summed over the records. */
  stored: ImportSummary;
  /** Stopped early (SIGINT): the records before were imported (or, with strict, nothing). */
  interrupted: boolean;
}

export interface BulkImportOptions {
  /** All or nothing: one transaction for the whole input; the first failure rolls it back. */
  strict?: boolean;
  /**
   * The keys of every claim in the input (ndjsonClaimKeys): a further place naming a key neither
   * stored nor among them fails its line at once. Without it, such a place fails at the end.
   */
  claimKeys?: ReadonlySet<string>;
  signal?: AbortSignal;
  onFailure?(failure: ImportFailure): void;
  onProgress?(position: number, report: BulkImportReport): void;
}

/** Why a record failed, for `line N: <reason>`: the message of an expected problem. */
export function failureReason(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  if (error instanceof DatasetError || error instanceof AnchorError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

class StrictFailure extends Error {
  constructor(readonly failure: ImportFailure | null) {
    super(failure ? `${failure.label}: ${failure.reason}` : 'interrupted');
  }
}

/** Further places of one line whose claim was not stored when the line was imported. */
interface WaitingPlaces {
  label: string;
  places: PendingAppearance[];
  /** How the line was counted: imported, or skipped (all of it present already). */
  counted: 'imported' | 'skipped';
}

function count(report: BulkImportReport, summary: ImportSummary): void {
  if (storedAnything(summary)) report.imported += 1;
  else report.skipped += 1;
  for (const key of Object.keys(summary) as (keyof ImportSummary)[]) report.stored[key] += summary[key];
}

/**
 * Imports records one by one, each in its own write transaction, so a bad record is reported
 * and the others still land, and an interrupted import keeps what it finished; with `strict`,
 * in one transaction that the first failure rolls back.
 *
 * A further place (an article's `appearances`) may name a claim whose line comes later in the
 * input: with `claimKeys` (the keys of every claim of the input, ndjsonClaimKeys), a place naming
 * a key that no claim has, stored or in the input, fails its line, which stores nothing; the
 * others are added once every line is in (a line whose claim's line failed is then reported,
 * its article and claims stored). With `strict`, such places wait in the one transaction.
 */
export async function runBulkImport(
  db: Database,
  records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
  options: BulkImportOptions = {},
): Promise<BulkImportReport> {
  const report: BulkImportReport = {
    read: 0,
    imported: 0,
    skipped: 0,
    failed: 0,
    stored: emptySummary(),
    interrupted: false,
  };
  if (options.strict) return runStrict(db, records, options, report);
  const waiting: WaitingPlaces[] = [];
  let position = 0;
  for await (const record of records) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    report.read += 1;
    try {
      const { summary, pending } = await db.writes.run(async (manager) => {
        const pending: PendingAppearance[] = [];
        const summary = await importLine(manager, await record.prepare(manager), emptySummary(), pending);
        const unknown = pending.find((place) => options.claimKeys && !options.claimKeys.has(place.appearance.placeOf));
        if (unknown) throw unresolvedError(unknown);
        return { summary, pending };
      });
      count(report, summary);
      if (pending.length > 0)
        waiting.push({
          label: record.label,
          places: pending,
          counted: storedAnything(summary) ? 'imported' : 'skipped',
        });
    } catch (error) {
      report.failed += 1;
      options.onFailure?.({ label: record.label, reason: failureReason(error) });
    }
    position = record.position;
    options.onProgress?.(record.position, report);
  }
  // Interrupted: the places waiting are not stored; running the import again completes them.
  if (!report.interrupted) await addWaitingPlaces(db, waiting, options, report, position);
  return report;
}

/** The further places whose claim's line came later, each line's in a transaction of its own. */
async function addWaitingPlaces(
  db: Database,
  waiting: WaitingPlaces[],
  options: BulkImportOptions,
  report: BulkImportReport,
  position: number,
): Promise<void> {
  for (const line of waiting) {
    // The line's summary, shared by its places: counts what this transaction adds (retries too).
    const summary = line.places[0].summary;
    const base = summary.appearances;
    try {
      await db.writes.run(async (manager) => {
        summary.appearances = base;
        const unresolved = await addPendingAppearances(manager, line.places);
        if (unresolved.length > 0) throw unresolvedError(unresolved[0], options.claimKeys);
      });
      const added = summary.appearances - base;
      report.stored.appearances += added;
      if (added > 0 && line.counted === 'skipped') {
        report.skipped -= 1;
        report.imported += 1;
      }
    } catch (error) {
      // The line's article and claims are stored; its places are not.
      if (line.counted === 'imported') report.imported -= 1;
      else report.skipped -= 1;
      report.failed += 1;
      options.onFailure?.({ label: line.label, reason: failureReason(error) });
    }
  }
  if (waiting.length > 0) options.onProgress?.(position, report);
}

async function runStrict(
  db: Database,
  records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
  options: BulkImportOptions,
  report: BulkImportReport,
): Promise<BulkImportReport> {
  try {
    await db.writes.run(
      async (manager) => {
        // Further places whose claim's line comes later: added once every line is in.
        const pending: PendingAppearance[] = [];
        const labels = new Map<ImportSummary, string>();
        const waiting: ImportSummary[] = [];
        for await (const record of records) {
          if (options.signal?.aborted) throw new StrictFailure(null);
          report.read += 1;
          const summary = emptySummary();
          const before = pending.length;
          try {
            await importLine(manager, await record.prepare(manager), summary, pending);
          } catch (error) {
            // Losing a race with another writer is not this line's fault: report it as it is.
            if (isRetryableConflict(error)) throw error;
            throw new StrictFailure({ label: record.label, reason: failureReason(error) });
          }
          // A line with places still to add is counted once they are.
          if (pending.length > before) {
            labels.set(summary, record.label);
            waiting.push(summary);
          } else count(report, summary);
          options.onProgress?.(record.position, report);
        }
        let unresolved: PendingAppearance[];
        try {
          unresolved = await addPendingAppearances(manager, pending);
        } catch (error) {
          if (isRetryableConflict(error)) throw error;
          const label = error instanceof AppearanceError ? labels.get(error.place.summary) : undefined;
          throw new StrictFailure({ label: label ?? 'the file', reason: failureReason(error) });
        }
        if (unresolved.length > 0)
          throw new StrictFailure({
            label: labels.get(unresolved[0].summary) ?? 'the file',
            reason: unresolvedError(unresolved[0]).message,
          });
        for (const summary of waiting) count(report, summary);
        // Once: the records are a one-shot stream and the report counts as it goes.
      },
      { once: true },
    );
    return report;
  } catch (error) {
    if (!(error instanceof StrictFailure)) throw error;
    // Rolled back: nothing of the input was stored.
    const undone = { ...report, imported: 0, skipped: 0, stored: emptySummary() };
    if (error.failure) {
      options.onFailure?.(error.failure);
      return { ...undone, failed: 1 };
    }
    return { ...undone, interrupted: true };
  }
}

/** The lines of an ndjson file as records; blank lines are skipped, a BOM is ignored. */
export async function* ndjsonRecords(file: string): AsyncGenerator<ImportRecord> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  let position = 0;
  for await (const raw of lines) {
    number += 1;
    position += Buffer.byteLength(raw) + 1;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    yield { label: `line ${number}`, position, prepare: () => parseDatasetLine(JSON.parse(text)) };
  }
}

/**
 * The keys of the claims of an ndjson file, read before the import so that a further place
 * naming a claim of a later line is told from one naming a key no claim has. Lines that are not
 * valid JSON or not dataset lines are left to the import to report.
 */
export async function ndjsonClaimKeys(file: string): Promise<Set<string>> {
  const keys = new Set<string>();
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const raw of lines) {
    try {
      const claims = (JSON.parse(raw.replace(/^\uFEFF/, '')) as { article?: { claims?: unknown } })?.article?.claims;
      if (!Array.isArray(claims)) continue;
      for (const claim of claims) if (typeof claim?.key === 'string') keys.add(claim.key.trim());
    } catch {
      // Reported by the import.
    }
  }
  return keys;
}

/** The reviewed claims of a ClaimReview document as records ("record N", 1-based). */
export function claimReviewImportRecords(document: unknown): ImportRecord[] {
  return claimReviewRecords(document).map((record: ClaimReviewRecord, index) => ({
    label: `record ${index + 1}`,
    position: index + 1,
    prepare: (manager: EntityManager) => claimReviewLine(manager, record),
  }));
}
