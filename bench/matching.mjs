// Claim matching latency on the search benchmark's corpus of 1,000,000 claims
// (bench/search-dataset.mjs, cached under bench/.data; --quick: 50,000):
//
//   npm run bench -- matching [--quick]     (opt-in, like search: the dataset takes minutes)
//
// claimMatches for paraphrases of stored claims (their words shuffled, one dropped), and
// Article.suggestedClaims for a 20,000-character published article made of restated claims
// and filler, each run through the real schema and resolvers in-process (graphql-js, no HTTP),
// one at a time. Side by side, in the same run: the raw baseline, what a straightforward
// candidate search costs with no re-ranking: one FTS5 query per text (per sentence, for the
// article) on the claims-only index claims_fts, of the text's words less a stop list (the
// corpus's most common words, the generator's COMMON ranks), ranked by bm25, as many rows as
// the service reads, through better-sqlite3 directly. Until 2026-12-06 it ranked all the
// words (stop words too) over the whole search index: at a million claims each article pass
// took minutes (bm25 of "the" ranks nearly every document), so it never finished.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { prng, registerSqlFunctions, sqlDate } from './generate-dataset.mjs';
import { generateSearchDataset, SEARCH_DEFAULTS, vocabulary } from './search-dataset.mjs';
import { percentile } from './support.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const DATA = path.join(BENCH, '.data');
const DIST = path.join(ROOT, 'dist', 'src');

export const MATCHING_TARGETS = { claimMatchesP99Ms: 20, suggestedClaimsP99Ms: 200 };
const MATCHES = 'query($t: String!) { claimMatches(text: $t, first: 5) { score claim { id quote } } }';
const SUGGESTIONS =
  'query($id: ID!) { node(id: $id) { ... on Article { suggestedClaims { score sentence { start end } claim { id } } } } }';

/**
 * CPU time (user + system) of this process since `start`: on the shared machine, where other
 * work takes the cores, less inflated than the wall time (one request at a time, in-process).
 */
function cpuMsSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function stats(ms) {
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms), n: ms.length };
}

/** A 20,000-character body: restated claims (words shuffled) between filler sentences of the same vocabulary. */
function longArticle(db, rand, claims) {
  const quote = db.prepare('SELECT quote FROM claims WHERE id = ?');
  const sentences = [];
  let length = 0;
  while (length < 20_000) {
    const words = quote.get(1 + Math.floor(rand() * claims)).quote.split(' ');
    if (sentences.length % 2 === 0) words.sort(() => rand() - 0.5);
    const text = `${words.join(' ')}.`;
    sentences.push(text[0].toUpperCase() + text.slice(1));
    length += text.length + 1;
  }
  return sentences.join(' ').slice(0, 20_000);
}

async function main({ quick, out }) {
  const params = { ...SEARCH_DEFAULTS, ...(quick ? { claims: 50_000 } : {}) };
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `search-${Object.values(params).join('-')}.db`);
  const dataset = await generateSearchDataset(file, params);
  const work = path.join(DATA, 'matching-work.db');
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(file, work);

  // The long article, published, written with the search functions the triggers call.
  const rand = prng(0x3a7c4);
  const raw = registerSqlFunctions(new Database(work));
  const body = longArticle(raw, rand, params.claims);
  const at = sqlDate(Date.UTC(2030, 0, 1));
  const articleId = Number(
    raw
      .prepare(
        "INSERT INTO articles (slug, headline, body, authors, section, language, url, published_at, status, version, created_at, updated_at) VALUES ('matching-long', 'Long', ?, '[]', 'News', 'en', 'https://news.bench.example/matching-long', ?, 'PUBLISHED', 1, ?, ?)",
      )
      .run(body, at, at, at).lastInsertRowid,
  );
  const texts = [];
  const quote = raw.prepare('SELECT quote FROM claims WHERE id = ?');
  for (let i = 0; i < (quick ? 50 : 100); i += 1) {
    const words = quote.get(1 + Math.floor(rand() * params.claims)).quote.split(' ');
    words.splice(Math.floor(rand() * words.length), 1);
    texts.push(words.sort(() => rand() - 0.5).join(' '));
  }
  raw.close();

  const { openSqliteDatabase } = require(path.join(DIST, 'db', 'database.js'));
  const { contextFor, createServices } = require(path.join(DIST, 'app', 'services.js'));
  const { buildAppSchema } = require(path.join(DIST, 'app', 'schema.js'));
  const { toGlobalId } = require(path.join(DIST, 'graphql', 'relay', 'global-id.js'));
  const { graphql } = require('graphql');
  const db = await openSqliteDatabase({ path: work });
  const services = createServices(db);
  const schema = await buildAppSchema();
  const anonymous = { user: null, tokenId: null };
  const editor = { user: { id: 0, name: 'bench', role: 'EDITOR' }, tokenId: null };
  const run = async (source, variableValues, viewer) => {
    const result = await graphql({ schema, source, variableValues, contextValue: contextFor(db, services, viewer) });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const baselineDb = new Database(work, { readonly: true });
  // The service reads twice its candidate limit (100 per text, 5 per sentence) for visibility.
  const baseline = baselineDb.prepare(
    'SELECT c.id, c.quote FROM (SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts) LIMIT ?) f JOIN claims c ON c.id = f.id',
  );
  const { words: ranked, common } = vocabulary(params);
  const stop = new Set(ranked.slice(0, common));
  const rawSearch = (text, limit) => {
    const words = [
      ...new Set(
        text
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter((w) => w.length > 1 && !stop.has(w)),
      ),
    ];
    return words.length ? baseline.all(words.map((w) => `"${w}"`).join(' OR '), limit) : [];
  };

  const passes = quick ? 2 : 5;
  const matches = { graphql: [], raw: [], graphqlCpu: [], rawCpu: [], found: 0 };
  for (let pass = -1; pass < passes; pass += 1) {
    for (const text of texts) {
      let started = performance.now();
      let cpu = process.cpuUsage();
      const data = await run(MATCHES, { t: text }, anonymous);
      const ms = performance.now() - started;
      const cpuMs = cpuMsSince(cpu);
      started = performance.now();
      cpu = process.cpuUsage();
      rawSearch(text, 200);
      const rawMs = performance.now() - started;
      const rawCpuMs = cpuMsSince(cpu);
      if (pass < 0) {
        if (data.claimMatches.length > 0) matches.found += 1;
        continue;
      }
      matches.graphql.push(ms);
      matches.raw.push(rawMs);
      matches.graphqlCpu.push(cpuMs);
      matches.rawCpu.push(rawCpuMs);
    }
    console.log(`matching: claimMatches pass ${pass + 1}/${passes}`);
  }
  const suggestions = { graphql: [], raw: [], graphqlCpu: [], rawCpu: [], count: 0 };
  const id = toGlobalId('Article', articleId);
  const sentences = body.split(/(?<=\.) /);
  for (let pass = -1; pass < (quick ? 3 : 10); pass += 1) {
    let started = performance.now();
    let cpu = process.cpuUsage();
    const data = await run(SUGGESTIONS, { id }, editor);
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpu);
    started = performance.now();
    cpu = process.cpuUsage();
    for (const sentence of sentences) rawSearch(sentence, 10);
    const rawMs = performance.now() - started;
    const rawCpuMs = cpuMsSince(cpu);
    if (pass < 0) {
      suggestions.count = data.node.suggestedClaims.length;
      continue;
    }
    suggestions.graphql.push(ms);
    suggestions.raw.push(rawMs);
    suggestions.graphqlCpu.push(cpuMs);
    suggestions.rawCpu.push(rawCpuMs);
  }
  baselineDb.close();
  await db.close();
  const result = {
    dataset: { params, counts: dataset.counts, reused: dataset.reused, generationSeconds: dataset.seconds },
    targets: MATCHING_TARGETS,
    claimMatches: {
      texts: texts.length,
      passes,
      found: matches.found,
      graphql: stats(matches.graphql),
      raw: stats(matches.raw),
      cpu: { graphql: stats(matches.graphqlCpu), raw: stats(matches.rawCpu) },
    },
    suggestedClaims: {
      bodyLength: body.length,
      sentences: sentences.length,
      suggestions: suggestions.count,
      graphql: stats(suggestions.graphql),
      raw: stats(suggestions.raw),
      cpu: { graphql: stats(suggestions.graphqlCpu), raw: stats(suggestions.rawCpu) },
    },
  };
  fs.writeFileSync(out, JSON.stringify(result));
}

export async function runMatchingBench({ quick = false } = {}) {
  const out = path.join(DATA, 'matching-result.json');
  fs.rmSync(out, { force: true });
  await main({ quick, out });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

export function printMatching(r) {
  const ms = (v) => v.toFixed(2);
  const m = r.claimMatches;
  const s = r.suggestedClaims;
  const cpu = (x) =>
    x.cpu
      ? `; CPU time p50 ${ms(x.cpu.graphql.p50)} / p99 ${ms(x.cpu.graphql.p99)}, raw ${ms(x.cpu.raw.p50)} / ${ms(x.cpu.raw.p99)}, p99 ratio ${(x.cpu.graphql.p99 / x.cpu.raw.p99).toFixed(2)}x`
      : '';
  console.log(`\nmatching: ${r.dataset.params.claims} claims; latency in ms, sequential, in-process GraphQL`);
  console.log(
    `claimMatches (${m.texts} paraphrased claims x ${m.passes}; ${m.found} found a match): p50 ${ms(m.graphql.p50)}, p99 ${ms(m.graphql.p99)} (target < ${r.targets.claimMatchesP99Ms}: ${m.graphql.p99 < r.targets.claimMatchesP99Ms ? 'PASS' : 'FAIL'}); raw bm25 of its words less stop words: p50 ${ms(m.raw.p50)}, p99 ${ms(m.raw.p99)}; p99 ratio ${(m.graphql.p99 / m.raw.p99).toFixed(2)}x${cpu(m)}`,
  );
  console.log(
    `suggestedClaims (${s.bodyLength} characters, ${s.sentences} sentences, ${s.suggestions} suggestions): p50 ${ms(s.graphql.p50)}, p99 ${ms(s.graphql.p99)} (target < ${r.targets.suggestedClaimsP99Ms}: ${s.graphql.p99 < r.targets.suggestedClaimsP99Ms ? 'PASS' : 'FAIL'}); raw bm25 per sentence: p50 ${ms(s.raw.p50)}, p99 ${ms(s.raw.p99)}; p99 ratio ${(s.graphql.p99 / s.raw.p99).toFixed(2)}x${cpu(s)}`,
  );
}
