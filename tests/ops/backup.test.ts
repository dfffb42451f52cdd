import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { demoReviewerToken, gql, killLeftoverServices, MAIN_JS, startTestService } from '../helpers/service-process';

/**
 * npm run backup (src/cli/backup.ts), run as `node dist/src/cli/backup.js <file>` exactly as
 * the npm script does after its build: an online copy of the service's database while the
 * service keeps taking writes, and its one-line failures.
 */

const BACKUP_JS = path.join(path.dirname(MAIN_JS), 'cli', 'backup.js');

let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-backup-'));
});

afterEach(async () => {
  await killLeftoverServices();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBackup(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BACKUP_JS, ...args], {
      env: { ...process.env, INIT_CWD: tmp, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A small WAL database that is not the service's: the CLI copies any SQLite file. */
function plainDatabase(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('one'), ('two');");
  db.close();
}

interface Acknowledged {
  id: number;
  summary: string;
  excerpt: string;
}

const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }';

describe('npm run backup', () => {
  it('copies the database while the service takes writes: exit 0, integrity ok, every write acknowledged before it began', async () => {
    const file = path.join(tmp, 'live', 'factline.db');
    const destination = path.join(tmp, 'backups', 'copy.db');
    fs.mkdirSync(path.dirname(destination));
    const service = await startTestService(file);
    const token = await demoReviewerToken(service);
    const claims = await gql<{ article: { claims: { id: string }[] } }>(
      service,
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
    );
    const claimIds = claims.data!.article.claims.map((claim) => claim.id);

    // Three clients write one after another until the backup is done.
    const acknowledged: Acknowledged[] = [];
    const refused: string[] = [];
    let writing = true;
    const client = async (c: number) => {
      for (let i = 0; writing; i += 1) {
        const summary = `backup c${c} ${i}`;
        const excerpt = `excerpt c${c} ${i}`;
        const input = {
          claimId: claimIds[(c + i) % claimIds.length],
          verdict: 'MIXED',
          summary,
          body: 'Written during a backup.',
          citations: [
            {
              source: { url: `https://example.org/backup/${c}/${i}`, title: 'Source', kind: 'DATASET' },
              stance: 'SUPPORTS',
              excerpt,
            },
          ],
        };
        const answer = await gql<{ createAnnotation: { id: string } }>(service, CREATE, { input }, token);
        const id = answer.data?.createAnnotation?.id;
        if (answer.status === 200 && id && !answer.errors) {
          acknowledged.push({
            id: Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]),
            summary,
            excerpt,
          });
        } else {
          refused.push(JSON.stringify(answer).slice(0, 300));
        }
      }
    };
    const clients = [0, 1, 2].map(client);
    while (acknowledged.length < 30 && refused.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

    // The writes acknowledged before the backup begins must all be in the copy.
    const before = [...acknowledged];
    const run = await runBackup([destination], { DATABASE_PATH: file });
    const during = acknowledged.length - before.length;
    writing = false;
    await Promise.all(clients);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout.trim()).toMatch(
      new RegExp(
        `^backup: ${destination.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} written, [\\d.]+ (B|KiB|MiB) in \\d+ ms \\(integrity ok\\)$`,
      ),
    );
    expect(refused).toEqual([]);
    // The service went on writing while the backup ran.
    expect(during).toBeGreaterThan(0);
    // One file: no temporary copy, journal or WAL left next to it.
    expect(fs.readdirSync(path.dirname(destination))).toEqual(['copy.db']);

    const copy = new BetterSqlite3(destination, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = copy.prepare(
        'SELECT a.summary, c.excerpt FROM annotations a JOIN citations c ON c.annotation_id = a.id WHERE a.id = ?',
      );
      const missing = before.filter(({ id, summary, excerpt }) => {
        const found = row.get(id) as { summary: string; excerpt: string } | undefined;
        return found?.summary !== summary || found.excerpt !== excerpt;
      });
      expect(missing).toEqual([]);
    } finally {
      copy.close();
    }
    expect(await service.stop('SIGTERM')).toBe(0);

    // The copy is a database the service starts on (restore = put it in place of the file).
    const restored = await startTestService(destination);
    const ready = await fetch(`${restored.url}/readyz`);
    expect(ready.status).toBe(200);
    const last = before.at(-1)!;
    const answer = await gql<{ annotation: { summary: string } }>(
      restored,
      'query($id: ID!) { annotation(id: $id) { summary } }',
      { id: Buffer.from(`Annotation:${last.id}`).toString('base64url') },
      token,
    );
    expect(answer.data).toEqual({ annotation: { summary: last.summary } });
    expect(await restored.stop('SIGTERM')).toBe(0);
  }, 60_000);

  it('a relative destination is taken from where npm was run, and an existing file is replaced', async () => {
    const file = path.join(tmp, 'source.db');
    plainDatabase(file);
    fs.writeFileSync(path.join(tmp, 'copy.db'), 'an older backup');
    const run = await runBackup(['copy.db'], { DATABASE_PATH: file, INIT_CWD: tmp });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const copy = new BetterSqlite3(path.join(tmp, 'copy.db'), { readonly: true, fileMustExist: true });
    try {
      expect(copy.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['one', 'two']);
    } finally {
      copy.close();
    }
  });

  describe('failures: one line on stderr, a non-zero exit, nothing written', () => {
    it.each([
      ['no argument', [], 2, /^backup: usage: npm run backup -- <file>/],
      ['two arguments', ['a.db', 'b.db'], 2, /^backup: usage: /],
      ['an option', ['--help'], 2, /^backup: usage: /],
    ])('%s', async (_name, args, code, message) => {
      const file = path.join(tmp, 'source.db');
      plainDatabase(file);
      const run = await runBackup(args, { DATABASE_PATH: file });
      expect(run.code).toBe(code);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    });

    it.each([
      [
        'a destination folder that does not exist',
        () => path.join(tmp, 'missing', 'copy.db'),
        /^backup: cannot write ".*copy\.db": the folder ".*missing" does not exist$/,
      ],
      ['a destination that is a folder', () => tmp, /^backup: cannot write ".*": it is a folder$/],
      [
        'a destination under a regular file',
        () => path.join(tmp, 'source.db', 'copy.db'),
        /^backup: cannot write ".*copy\.db": ".*source\.db" is not a folder$/,
      ],
      [
        'the database itself',
        () => path.join(tmp, 'source.db'),
        /^backup: ".*source\.db" is the database itself \(DATABASE_PATH\); choose another file$/,
      ],
    ])('%s', async (_name, destination, message) => {
      const file = path.join(tmp, 'source.db');
      plainDatabase(file);
      const listed = fs.readdirSync(tmp).sort();
      const run = await runBackup([destination()], { DATABASE_PATH: file });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(message);
      expect(fs.readdirSync(tmp).sort()).toEqual(listed);
    });

    it('a source database that does not exist', async () => {
      const run = await runBackup([path.join(tmp, 'copy.db')], { DATABASE_PATH: path.join(tmp, 'nothing-here.db') });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toMatch(/^backup: no database at ".*nothing-here\.db" \(DATABASE_PATH\)$/);
      expect(fs.readdirSync(tmp)).toEqual([]);
    });

    it('a source that is not a SQLite database', async () => {
      const file = path.join(tmp, 'garbage.db');
      fs.writeFileSync(file, 'not a database\n'.repeat(100));
      const run = await runBackup([path.join(tmp, 'copy.db')], { DATABASE_PATH: file });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(
        /^backup: cannot read ".*garbage\.db" as a SQLite database \(file is not a database\)$/,
      );
      expect(fs.existsSync(path.join(tmp, 'copy.db'))).toBe(false);
      expect(fs.readFileSync(file, 'utf8')).toBe('not a database\n'.repeat(100));
    });
  });
});
