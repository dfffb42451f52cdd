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

/** A line with a further place whose claim is not stored yet: rolled back, imported again at the end. */
class Deferred extends Error {
  constructor() {
    super('deferred');
  }
}

/** A line of the deferred group that failed: the group is tried again without it. */
class GroupFailure extends Error {
  constructor(readonly failed: Map<DeferredLine, string>) {
    super('deferred lines failed');
  }
}

interface DeferredLine {
  label: string;
  position: number;
  line: DatasetLine;
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
 * file. A line with such a place is rolled back when it is read and imported again once the rest
 * of the file is in, together with the other such lines in one transaction (they may name each
 * other's claims); a line whose place names a key no claim has fails then, stores nothing, and
 * the others are tried again without it. With `strict`, such places wait in the one transaction.
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
  const deferred: DeferredLine[] = [];
  for await (const record of records) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    report.read += 1;
    let line: DatasetLine | undefined;
    try {
      const summary = await db.writes.run(async (manager) => {
        line = await record.prepare(manager);
        const pending: PendingAppearance[] = [];
        const stored = await importLine(manager, line, emptySummary(), pending);
        if (pending.length > 0) throw new Deferred();
        return stored;
      });
      count(report, summary);
    } catch (error) {
      if (error instanceof Deferred && line) {
        deferred.push({ label: record.label, position: record.position, line });
      } else {
        report.failed += 1;
        options.onFailure?.({ label: record.label, reason: failureReason(error) });
      }
    }
    options.onProgress?.(record.position, report);
  }
  // Interrupted: the deferred lines are not stored; running the import again completes them.
  if (!report.interrupted) await importDeferred(db, deferred, options, report);
  return report;
}

/**
 * The lines whose further places named claims not stored when they were read, in one
 * transaction: every line, then every place. A line that fails, or names a key no claim has,
 * is reported and left out, and the others are tried again.
 */
async function importDeferred(
  db: Database,
  deferred: DeferredLine[],
  options: BulkImportOptions,
  report: BulkImportReport,
): Promise<void> {
  let group = deferred;
  while (group.length > 0) {
    const lines = group;
    try {
      const summaries = await db.writes.run(async (manager) => {
        const pending: PendingAppearance[] = [];
        const stored = new Map<PendingAppearance['summary'], DeferredLine>();
        const summaries: ImportSummary[] = [];
        for (const entry of lines) {
          const summary = emptySummary();
          stored.set(summary, entry);
          try {
            await importLine(manager, entry.line, summary, pending);
          } catch (error) {
            if (isRetryableConflict(error)) throw error;
            throw new GroupFailure(new Map([[entry, failureReason(error)]]));
          }
          summaries.push(summary);
        }
        let unresolved: PendingAppearance[];
        try {
          unresolved = await addPendingAppearances(manager, pending);
        } catch (error) {
          if (isRetryableConflict(error)) throw error;
          if (!(error instanceof AppearanceError)) throw error;
          throw new GroupFailure(new Map([[stored.get(error.place.summary)!, failureReason(error)]]));
        }
        if (unresolved.length > 0) {
          const failed = new Map<DeferredLine, string>();
          for (const place of unresolved) {
            const entry = stored.get(place.summary)!;
            if (!failed.has(entry)) failed.set(entry, unresolvedError(place).message);
          }
          throw new GroupFailure(failed);
        }
        return summaries;
      });
      for (const summary of summaries) count(report, summary);
      group = [];
    } catch (error) {
      if (!(error instanceof GroupFailure)) throw error;
      for (const [entry, reason] of error.failed) {
        report.failed += 1;
        options.onFailure?.({ label: entry.label, reason });
      }
      group = lines.filter((entry) => !error.failed.has(entry));
    }
  }
  if (deferred.length > 0) options.onProgress?.(Math.max(...deferred.map((entry) => entry.position)), report);
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

/** The reviewed claims of a ClaimReview document as records ("record N", 1-based). */
export function claimReviewImportRecords(document: unknown): ImportRecord[] {
  return claimReviewRecords(document).map((record: ClaimReviewRecord, index) => ({
    label: `record ${index + 1}`,
    position: index + 1,
    prepare: (manager: EntityManager) => claimReviewLine(manager, record),
  }));
}
