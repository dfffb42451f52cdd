import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/query-layers';
import { allStatements, readPrecompiled } from '../../src/db/statements';
import { demoReviewerToken, gql, killLeftoverServices, MAIN_JS, startTestService } from '../helpers/service-process';

/**
 * The build compiles every statement ahead of time (dist/src/db/statements.compiled.json), so the
 * built service runs without loading Kysely. The file must hold exactly what the source compiles,
 * and the service must really do without Kysely.
 */

const PRECOMPILED = path.join(path.dirname(MAIN_JS), 'db', 'statements.compiled.json');
const DEMO_ARTICLE_SLUG = 'biden-warns-putin-act-firmly-ukraine-tensions';

let tmp: string | null = null;

afterEach(async () => {
  await killLeftoverServices();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = null;
});

describe('precompiled statements', () => {
  it('the build holds every statement, for each of its dialects, exactly as the source compiles it', () => {
    const precompiled = readPrecompiled(PRECOMPILED);
    expect(precompiled, 'the built file is missing or stale').not.toBeNull();
    const expected = Object.fromEntries(
      allStatements().map((defined) => [
        defined.name,
        Object.fromEntries(defined.dialects.map((dialect) => [dialect, defined.compileFromSource(dialect)])),
      ]),
    );
    expect(Object.keys(precompiled!).sort()).toEqual(Object.keys(expected).sort());
    expect(precompiled).toEqual(expected);
  });

  it('a build changed after the statements were compiled is not trusted: its statements compile on first use', () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-precompiled-'));
    const stored = JSON.parse(fs.readFileSync(PRECOMPILED, 'utf8')) as { sources: string[] };
    const root = path.join(tmp, 'src');
    for (const source of stored.sources) {
      fs.mkdirSync(path.dirname(path.join(root, source)), { recursive: true });
      fs.copyFileSync(path.join(path.dirname(MAIN_JS), source), path.join(root, source));
    }
    const copy = path.join(root, 'db', 'statements.compiled.json');
    fs.copyFileSync(PRECOMPILED, copy);
    expect(readPrecompiled(copy)).not.toBeNull();

    const changed = stored.sources.find((source) => source.endsWith('article.queries.js'))!;
    fs.appendFileSync(path.join(root, changed), '\n// changed by a bare tsc\n');
    expect(readPrecompiled(copy)).toBeNull();
  });

  it('the built service reads, writes and searches without ever loading Kysely', async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-precompiled-'));
    const loadedFile = path.join(tmp, 'loaded.json');
    const service = await startTestService(path.join(tmp, 'factline.db'), {
      NODE_OPTIONS: `--require ${path.resolve(__dirname, '..', 'helpers', 'report-loaded-modules.cjs')}`,
      LOADED_MODULES_FILE: loadedFile,
    });
    const token = await demoReviewerToken(service);

    const read = await gql<{ article: { claims: { id: string; annotations: { verdict: string }[] }[] } }>(
      service,
      `{ article(slug: "${DEMO_ARTICLE_SLUG}") { headline claims { id annotations { verdict summary } } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.article.claims.length).toBeGreaterThan(0);
    const write = await gql<{ createSource: { id: string } }>(
      service,
      `mutation { createSource(input: { kind: DATASET, title: "Kysely-free", url: "https://example.org/kysely-free" }) { id } }`,
      undefined,
      token,
    );
    expect(write.errors).toBeUndefined();
    const search = await gql<{ search: { totalCount: number } }>(
      service,
      `{ search(query: "Putin", first: 3) { totalCount } }`,
    );
    expect(search.errors).toBeUndefined();
    expect((await fetch(`${service.url}/articles/${DEMO_ARTICLE_SLUG}`)).status).toBe(200);

    expect(await service.stop()).toBe(0);
    const loaded = JSON.parse(fs.readFileSync(loadedFile, 'utf8')) as string[];
    expect(loaded.some((file) => file.includes(`${path.sep}better-sqlite3${path.sep}`))).toBe(true);
    expect(loaded.filter((file) => file.includes(`${path.sep}kysely${path.sep}`))).toEqual([]);
  });
});
