import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import { registerSearchFunctions } from '../../src/modules/search/word-pairs';
import { Role } from '../../src/modules/user/user.entity';
import { onPostgres, type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const READ = 'query Read($slug: String!) { article(slug: $slug) { id headline version } }';
const UPDATE = 'mutation Update($input: UpdateArticleInput!) { updateArticle(input: $input) { headline version } }';

// SQLite only: on PostgreSQL other replicas commit too and no free version exists (src/http/app.ts).
describe.skipIf(onPostgres)('response cache for anonymous reads', () => {
  let server: TestServer;
  let editor: SignedIn;
  let articleId: string;
  let version: number;
  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.signIn(Role.EDITOR);
    const article = await server.gql<{ article: { id: string; version: number } }>(READ, { slug: DEMO_ARTICLE_SLUG });
    articleId = article.data!.article.id;
    version = article.data!.article.version;
  });
  afterAll(() => server.close());

  async function read(
    headers: Record<string, string> = {},
  ): Promise<{ status: number; cache: string | null; etag: string | null; headline: string; text: string }> {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: READ, variables: { slug: DEMO_ARTICLE_SLUG }, operationName: 'Read' }),
    });
    const text = await response.text();
    return {
      status: response.status,
      cache: response.headers.get('x-cache'),
      etag: response.headers.get('etag'),
      headline: (JSON.parse(text) as { data: { article: { headline: string } } }).data.article.headline,
      text,
    };
  }

  async function setHeadline(headline: string): Promise<void> {
    const result = await server.gql<{ updateArticle: { version: number } }>(
      UPDATE,
      { input: { id: articleId, expectedVersion: version, headline, changeNote: 'Headline updated.' } },
      editor.token,
    );
    expect(result.errors).toBeUndefined();
    version = result.data!.updateArticle.version;
  }

  it('answers a repeated anonymous query from the cache, byte for byte, with the same ETag', async () => {
    const first = await read();
    const second = await read();
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.etag).toBe(first.etag);
    expect(second.etag).toMatch(/^W\/"/);
  });

  it('sends text beyond ASCII from the cache as the same UTF-8, by POST and by GET', async () => {
    const headline = 'Café “claims” — 事实核查 ✅ 🧾';
    await setHeadline(headline);
    const get = `${server.graphqlUrl}?query=${encodeURIComponent(READ)}&variables=${encodeURIComponent(JSON.stringify({ slug: DEMO_ARTICLE_SLUG }))}`;
    const fetchGet = async () => {
      const response = await fetch(get, { headers: { 'apollo-require-preflight': 'true' } });
      return {
        cache: response.headers.get('x-cache'),
        type: response.headers.get('content-type'),
        length: response.headers.get('content-length'),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    const [postMiss, postHit] = [await read(), await read()];
    expect([postMiss.cache, postHit.cache]).toEqual(['miss', 'hit']);
    expect(postHit.text).toBe(postMiss.text);
    expect(postHit.headline).toBe(headline);
    const [getMiss, getHit] = [await fetchGet(), await fetchGet()];
    expect([getMiss.cache, getHit.cache]).toEqual(['miss', 'hit']);
    expect(getHit.bytes.equals(getMiss.bytes)).toBe(true);
    expect(getHit.type).toBe(getMiss.type);
    expect(Number(getHit.length)).toBe(getHit.bytes.length);
    expect(
      (JSON.parse(getHit.bytes.toString('utf8')) as { data: { article: { headline: string } } }).data.article.headline,
    ).toBe(headline);
  });

  it('never answers a read that starts after a write was acknowledged with pre-write data', async () => {
    await read(); // cached
    for (let k = 1; k <= 15; k += 1) {
      await setHeadline(`Headline revision ${k}`);
      const after = await read();
      expect(after.headline).toBe(`Headline revision ${k}`);
      expect((await read()).cache).toBe('hit'); // and the fresh answer is cached again
    }
  });

  it('stays fresh under concurrent readers and writes', async () => {
    const acknowledged: { k: number; at: number }[] = [];
    const reads: { startedAt: number; k: number }[] = [];
    let writing = true;
    const reader = async () => {
      while (writing) {
        const startedAt = performance.now();
        const { headline } = await read();
        reads.push({ startedAt, k: Number(/concurrent (\d+)/.exec(headline)?.[1] ?? 0) });
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    for (let k = 1; k <= 20; k += 1) {
      await setHeadline(`Headline concurrent ${k}`);
      acknowledged.push({ k, at: performance.now() });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    writing = false;
    await Promise.all(readers);
    expect(reads.length).toBeGreaterThan(40);
    for (const { startedAt, k } of reads) {
      const latestAcknowledged = acknowledged.filter((write) => write.at <= startedAt).at(-1)?.k ?? 0;
      expect(k).toBeGreaterThanOrEqual(latestAcknowledged);
    }
  });

  it('sees writes made by another process on the same database file', async () => {
    await read();
    expect((await read()).cache).toBe('hit');
    // Any writer needs the search triggers' SQL function (README, Search).
    const other = new BetterSqlite3(server.db.file);
    registerSearchFunctions(other);
    try {
      other
        .prepare('UPDATE articles SET headline = ? WHERE slug = ?')
        .run('Written by another process', DEMO_ARTICLE_SLUG);
    } finally {
      other.close();
    }
    expect((await read()).headline).toBe('Written by another process');
  });

  it('is not used with credentials, for mutations or for answers with errors', async () => {
    await read();
    expect((await read({ authorization: `Bearer ${editor.token}` })).cache).toBeNull();
    const missing = JSON.stringify({ query: '{ article(slug: "Not A Slug") { id } }' });
    const post = (body: string) =>
      fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await post(missing);
    expect((await post(missing)).headers.get('x-cache')).toBe('miss');
    const mutation = JSON.stringify({ query: 'mutation { revokeToken(input: { id: "x" }) { id } }' });
    await post(mutation);
    expect((await post(mutation)).headers.get('x-cache')).toBe('miss');
  });

  it('lets shared caches keep GET answers with ETag revalidation, and leaves CSRF refusals to Apollo', async () => {
    const url = `${server.graphqlUrl}?query=${encodeURIComponent('{ articles { totalCount } }')}`;
    const first = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers.get('etag')!;
    // As a CDN revalidates (fetch would add Cache-Control: no-cache, which forbids a 304).
    const revalidated = await fetch(url, {
      headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-cache')).toBe('hit');
    // Cached or not, a GET without a preflight header is refused.
    expect((await fetch(url)).status).toBe(400);
  });

  it('reports hits and misses in /metrics', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/^factline_response_cache_hits (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(Number(/^factline_response_cache_misses (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
  });

  it('counts one miss for an answer with errors, which the compiled-query lane hands on to Apollo', async () => {
    await read(); // READ has run (and is compiled) before: the lane takes it
    const counts = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return {
        hits: Number(/^factline_response_cache_hits (\d+)/m.exec(text)?.[1]),
        misses: Number(/^factline_response_cache_misses (\d+)/m.exec(text)?.[1]),
      };
    };
    const before = await counts();
    const answeredBefore = server.app.lane.answered;
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: READ, variables: { slug: 'NOT A SLUG' }, operationName: 'Read' }),
    });
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(response.headers.get('x-cache')).toBe('miss');
    expect(server.app.lane.answered).toBe(answeredBefore);
    expect(await counts()).toEqual({ hits: before.hits, misses: before.misses + 1 });
  });
});
