import { isRetryableConflict } from '../../db/postgres';
import fs from 'node:fs';
import readline from 'node:readline';
import type { EntityManager } from 'typeorm';
import { AnchorError } from '../../anchoring/text-selector';
import type { Database } from '../../db/database';
import { type ClaimReviewRecord, claimReviewLine, claimReviewRecords } from './claimreview-import';
import { DatasetError, emptySummary, type ImportSummary, importLine, storedAnything } from './dataset.service';
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

function count(report: BulkImportReport, summary: ImportSummary): void {
  if (storedAnything(summary)) report.imported += 1;
  else report.skipped += 1;
  for (const key of Object.keys(summary) as (keyof ImportSummary)[]) report.stored[key] += summary[key];
}

/**
 * Imports records one by one, each in its own write transaction, so a bad record is reported
 * and the others still land, and an interrupted import keeps what it finished; with `strict`,
 * in one transaction that the first failure rolls back.
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
  for await (const record of records) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    report.read += 1;
    try {
      count(report, await db.writes.run(async (manager) => importLine(manager, await record.prepare(manager))));
    } catch (error) {
      report.failed += 1;
      options.onFailure?.({ label: record.label, reason: failureReason(error) });
    }
    options.onProgress?.(record.position, report);
  }
  return report;
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
        for await (const record of records) {
          if (options.signal?.aborted) throw new StrictFailure(null);
          report.read += 1;
          let summary: ImportSummary;
          try {
            summary = await importLine(manager, await record.prepare(manager));
          } catch (error) {
            // Losing a race with another writer is not this line's fault: report it as it is.
            if (isRetryableConflict(error)) throw error;
            throw new StrictFailure({ label: record.label, reason: failureReason(error) });
          }
          count(report, summary);
          options.onProgress?.(record.position, report);
        }
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
