import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfigOrExit } from '../config';

const USAGE =
  'usage: npm run backup -- <file>   (a copy of the database of DATABASE_PATH, taken while the service runs)';

/** Pages a backup step may copy: all of them, so the copy is one consistent snapshot (see below). */
const ALL_PAGES = 0x7fffffff;

/** Exit codes: 2 for a usage or configuration error (as the other CLIs), 1 when the backup fails. */
function fail(message: string, code = 1): never {
  console.error(`backup: ${message}`);
  process.exit(code);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The destination's folder must exist and be writable, and the destination not be a folder or the database itself. */
function checkDestination(destination: string, source: string): void {
  const folder = path.dirname(destination);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    fail(`cannot write "${destination}": the folder "${folder}" does not exist`);
  }
  if (!stat.isDirectory()) fail(`cannot write "${destination}": "${folder}" is not a folder`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    fail(`cannot write "${destination}": the folder "${folder}" is not writable`);
  }
  if (fs.existsSync(destination) && fs.statSync(destination).isDirectory())
    fail(`cannot write "${destination}": it is a folder`);
  // Renaming a copy over the live database (or its WAL) would lose the writes made meanwhile.
  if ([source, `${source}-wal`, `${source}-shm`].includes(destination))
    fail(`"${destination}" is the database itself (DATABASE_PATH); choose another file`);
}

/** Opens the service's database read-only: with WAL a reader never blocks the service's writes. */
function openSource(source: string): BetterSqlite3.Database {
  if (!fs.existsSync(source)) fail(`no database at "${source}" (DATABASE_PATH)`);
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // Opening is lazy: read the schema now so that a file that is not a database fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    return fail(`cannot read "${source}" as a SQLite database (${firstLine(error)})`);
  }
}

function removeTemporary(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** PRAGMA integrity_check on the copy; its first problem, or null when it is 'ok'. */
function integrityProblem(file: string): string | null {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0].integrity_check === 'ok' ? null : (rows[0]?.integrity_check ?? 'no answer');
  } finally {
    // Closing the last connection folds the copy's WAL back in and removes it: one file remains.
    copy.close();
  }
}

/** fsync of a folder, so that a rename into it survives a power cut. */
function syncFolder(folder: string): void {
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * npm run backup -- <file>: an online backup of DATABASE_PATH with SQLite's backup API, while
 * the service keeps writing. The copy is written next to the destination, checked with
 * PRAGMA integrity_check, then renamed into place: <file> is either the previous one or a
 * complete, checked copy, never half a backup.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].trim() === '' || args[0].startsWith('-')) fail(USAGE, 2);
  const config = loadConfigOrExit('backup', 2);
  const source = config.databasePath;
  // npm runs scripts in the package folder; a relative path means where the user typed it.
  const destination = path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
  checkDestination(destination, source);

  const db = openSource(source);
  const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${process.pid}.tmp`);
  const started = performance.now();
  try {
    // Copying every page in one step reads one snapshot (a WAL read transaction, which the
    // service's writes do not wait for). In small steps, each write of the service between two
    // steps would restart the copy, and a busy service could keep it from ever finishing.
    await db.backup(temporary, { progress: () => ALL_PAGES });
  } catch (error) {
    removeTemporary(temporary);
    fail(`copying "${source}" to "${destination}" failed (${firstLine(error)})`);
  } finally {
    db.close();
  }

  try {
    const problem = integrityProblem(temporary);
    if (problem) throw new Error(`the copy fails PRAGMA integrity_check: ${problem}`);
    fs.renameSync(temporary, destination);
    syncFolder(path.dirname(destination));
  } catch (error) {
    removeTemporary(temporary);
    fail(`backup to "${destination}" failed (${firstLine(error)})`);
  }
  const size = fs.statSync(destination).size;
  console.log(
    `backup: ${destination} written, ${formatSize(size)} in ${Math.round(performance.now() - started)} ms (integrity ok)`,
  );
}

main().catch((error: unknown) => fail(firstLine(error)));
