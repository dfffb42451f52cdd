import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database';
import { type BulkImportReport, type ImportFailure, runBulkImport } from '../../src/modules/dataset/bulk-import';
import { exportDatasetLines } from '../../src/modules/dataset/dataset-export';
import { parseDatasetLine } from '../../src/modules/dataset/dataset-validation';
import type { Dataset, DatasetLine } from '../../src/modules/dataset/dataset.types';
import { inspectRow } from '../helpers/inspect';

const DIST_CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli');
export const IMPORT_JS = path.join(DIST_CLI, 'import.js');
export const EXPORT_JS = path.join(DIST_CLI, 'export.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled CLI (as `npm run import` / `export` do) on the database file `databasePath`. */
/** Runs a CLI against a test database (its `env` names it: a SQLite file or a PostgreSQL schema). */
export function runCli(
  script: string,
  args: string[],
  database: { env: Record<string, string> },
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...database.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A factory dataset as ndjson lines: each article with the claimants, users and sources of the dataset. */
export function datasetLines(dataset: Dataset): DatasetLine[] {
  return dataset.articles.map((article) => ({
    article,
    claimants: dataset.claimants ?? [],
    sources: dataset.sources,
    users: dataset.users,
  }));
}

export function toNdjson(lines: unknown[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';
}

const TABLES = [
  'articles',
  'article_revisions',
  'claims',
  'claim_anchors',
  'annotations',
  'annotation_revisions',
  'citations',
  'sources',
  'users',
  'claimants',
  'search_documents',
  'outside_appearances',
  'topics',
  'article_topics',
  'claim_topics',
];

/** Rows in every table an import writes to. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const counts = TABLES.map((table) => sql`(SELECT COUNT(*) FROM ${sql.table(table)}) AS ${sql.ref(table)}`);
  const row = await inspectRow(db, sql<Record<string, number>>`SELECT ${sql.join(counts)}`);
  return { ...row };
}

/** Lines of stderr that report a failed line or record. */
export function failureLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^(line|record) \d+: /.test(line));
}

/**
 * What a file holds, as a bulk import reads it: each line parsed as the import parses it
 * (through JSON), in its own transaction, further places naming claims of later lines added at
 * the end. Any failure fails the call.
 */
export async function importLines(db: Database, lines: readonly unknown[]): Promise<void> {
  const { report, failures } = await importLinesReport(db, lines);
  if (failures.length > 0 || report.failed > 0)
    throw new Error(failures.map((failure) => `${failure.label}: ${failure.reason}`).join('\n'));
}

/** The same, reporting what a bulk import reports (failures as `line N`), with or without `strict`. */
export async function importLinesReport(
  db: Database,
  lines: readonly unknown[],
  strict = false,
): Promise<{ report: BulkImportReport; failures: ImportFailure[] }> {
  const failures: ImportFailure[] = [];
  const records = lines.map((line, index) => ({
    label: `line ${index + 1}`,
    position: index + 1,
    prepare: () => parseDatasetLine(JSON.parse(JSON.stringify(line))),
  }));
  // As the CLI reads an ndjson file: the keys of its claims first.
  const claimKeys = new Set(
    lines.flatMap((line) => {
      const claims = (line as { article?: { claims?: { key?: unknown }[] } }).article?.claims ?? [];
      return claims.flatMap((claim) => (typeof claim.key === 'string' ? [claim.key.trim()] : []));
    }),
  );
  const report = await runBulkImport(db, records, {
    strict,
    claimKeys,
    onFailure: (failure) => failures.push(failure),
  });
  return { report, failures };
}

/** The export's lines of the articles whose slug starts with `prefix`, as the file would hold them. */
export async function exportedLines(db: Database, prefix: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportDatasetLines(db))
    if (line.article.slug.startsWith(prefix)) lines.push(JSON.stringify(line));
  return lines;
}

/**
 * A line of one draft article whose body is a single sentence, marked as one claim: the claim
 * and the line's other lists are the caller's.
 */
export function oneClaimDraftLine(
  slug: string,
  body: string,
  claim: Omit<DatasetLine['article']['claims'][number], 'key' | 'quote'>,
  lists: Pick<DatasetLine, 'claimants' | 'sources' | 'users'>,
): DatasetLine {
  return {
    article: {
      slug,
      headline: body,
      standfirst: null,
      body,
      authors: [],
      section: null,
      language: 'en',
      url: null,
      publishedAt: null,
      status: 'DRAFT',
      claims: [{ key: `${slug}-claim`, quote: body, ...claim }],
    },
    ...lists,
  };
}
