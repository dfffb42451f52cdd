import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { openConfiguredDatabase } from '../db/open';
import {
  type BulkImportReport,
  claimReviewImportRecords,
  type ImportRecord,
  ndjsonClaimKeys,
  ndjsonRecords,
  runBulkImport,
} from '../modules/dataset/bulk-import';
import { DatasetError } from '../modules/dataset/dataset.service';
import { ProgressBar } from '../modules/dataset/progress-bar';

const USAGE = `usage:
  npm run import -- [--strict] [--progress] file.ndjson
  npm run import -- --format claimreview [--strict] [--progress] file.json

  ndjson        one article a line with its claims, fact-checks, claimants, sources and users (README, "Bulk import and export")
  claimreview   a JSON array of schema.org ClaimReview objects, or {"claims": [...]} as the Fact Check Tools API returns
  --strict      all or nothing: one transaction, the first bad line aborts and nothing is stored
  --progress    draw the progress bar even when stderr is not a terminal`;

const FORMATS = ['ndjson', 'claimreview'] as const;

function fail(message: string, code = 2): never {
  console.error(`import: ${message}`);
  process.exit(code);
}

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'ndjson' },
        strict: { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function claimReviewInput(file: string): ImportRecord[] {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`${file} is not valid JSON (${(error as Error).message})`, 1);
  }
  try {
    return claimReviewImportRecords(document);
  } catch (error) {
    if (error instanceof DatasetError) fail(`${file}: ${error.message}`, 1);
    throw error;
  }
}

function progressDetail(report: BulkImportReport, unit: string): string {
  return `${report.read} ${unit}, ${report.imported} imported, ${report.skipped} skipped, ${report.failed} failed`;
}

function summaryLine(report: BulkImportReport, unit: string, strict: boolean): string {
  const { stored } = report;
  let line = `import: ${report.read} ${unit} read, ${report.imported} imported, ${report.skipped} skipped (already present), ${report.failed} failed`;
  line += `; stored ${stored.articles} articles, ${stored.claims} claims, ${stored.annotations} fact-checks, ${stored.places} places, ${stored.appearances} further places in articles, ${stored.sources} sources, ${stored.users} users, ${stored.claimants} claimants`;
  // Only when the input filed something: the line of an import without topics reads as before.
  if (stored.topics + stored.filings > 0) line += `, ${stored.topics} topics, ${stored.filings} filings under topics`;
  if (strict && (report.failed > 0 || report.interrupted)) line += '; --strict: rolled back, nothing stored';
  else if (report.interrupted) line += '; interrupted: run the same command again to complete it';
  return line;
}

/** Bulk import into the database of DATABASE_PATH (the service's); README, "Bulk import and export". */
async function main(): Promise<void> {
  const { positionals, values } = readArguments();
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) fail(`--format must be ndjson or claimreview\n${USAGE}`);
  if (positionals.length !== 1) fail(USAGE);
  // npm runs scripts in the package folder; a relative path means where the user typed it.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  try {
    if (!fs.statSync(file).isFile()) fail(`${file} is not a file`);
  } catch {
    fail(`cannot read ${file}`);
  }
  const config = loadConfigOrExit('import', 2);

  const unit = format === 'ndjson' ? 'lines' : 'records';
  const records = format === 'ndjson' ? ndjsonRecords(file) : claimReviewInput(file);
  const total = format === 'ndjson' ? fs.statSync(file).size : (records as ImportRecord[]).length;
  const bar = new ProgressBar(process.stderr, total, values.progress || process.stderr.isTTY === true);
  const interruption = new AbortController();
  process.once('SIGINT', () => {
    interruption.abort();
    bar.log('import: interrupted; stopping after the current line (Ctrl-C again to stop at once)');
    process.once('SIGINT', () => process.exit(130));
  });

  const db = await openConfiguredDatabase(config);
  let reached = 0;
  let report: BulkImportReport;
  try {
    report = await runBulkImport(db, records, {
      strict: values.strict,
      // A further place may name a claim of a later line: known before the first line is stored.
      claimKeys: format === 'ndjson' ? await ndjsonClaimKeys(file) : undefined,
      signal: interruption.signal,
      onFailure: ({ label, reason }) => bar.log(`${label}: ${reason}`),
      onProgress: (position, progress) => {
        reached = position;
        bar.update(position, progressDetail(progress, unit));
      },
    });
  } finally {
    await db.close();
  }
  bar.finish(report.interrupted ? reached : total, progressDetail(report, unit));
  console.log(summaryLine(report, unit, values.strict));
  process.exitCode = report.interrupted ? 130 : report.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
