// Search benchmark dataset: many published articles whose text follows a Zipf law over a fixed
// vocabulary, and claims quoting them verbatim (so a claim's words are in its article's body
// too, as in real fact-checks). Query lists (bench/search.mjs) are drawn from the same ranked
// vocabulary, so "a medium-frequency word" means the same thing on every machine.
//
// CLI: node bench/search-dataset.mjs <file> [--claims N] [--zipf S] ...
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { cachedBuild, createSchema, migrationNames, prng, sqlDate } from './generate-dataset.mjs';

// Bump when the generated content changes, so cached files are rebuilt.
const GENERATOR_VERSION = 2;

export const SEARCH_DEFAULTS = {
  claims: 1_000_000,
  claimsPerArticle: 20,
  sentencesPerArticle: 30,
  synthetic: 50_000,
  zipf: 1.0,
};

// Real English words, roughly by frequency, at the top ranks: the very common terms (the, of,
// and) must be real ones, with their real porter stems and doclists as long as in real text.
const COMMON = (
  'the of and to a in is that for it was on with he as at by this had not are but from or have an they which ' +
  'one were you all she there would their we him been has when who will more no if out so said what up its ' +
  'about into than them can only other new some could time these two may then do first any my now such like ' +
  'our over man me even most made after also did many before must through back years where much your way well ' +
  'down should because each just those people how too little state good very make world still own see men work ' +
  'long get here between both life being under never day same another know while last might us great old year ' +
  'off come since against go came right used take three government said minister report percent million ' +
  'billion budget spending growth economy prices energy election vote parliament court ruling border troops ' +
  'talks summit agreement sanctions trade export import tax workers wages unemployment rate survey data study ' +
  'scientists climate emissions health hospital vaccine cases deaths schools students police crime city region ' +
  'country president leader announced claimed denied confirmed rejected promised warned expected rose fell'
).split(' ');
const VERDICTS = [
  'TRUE',
  'MOSTLY_TRUE',
  'MIXED',
  'MOSTLY_FALSE',
  'FALSE',
  'MISLEADING',
  'NEEDS_CONTEXT',
  'UNVERIFIABLE',
];
const FIRST = [
  'Danny',
  'Amara',
  'Lena',
  'Ravi',
  'Sofia',
  'Tom',
  'Mei',
  'Jonas',
  'Olga',
  'Kofi',
  'Ines',
  'Marek',
  'Yuki',
  'Pedro',
  'Aisha',
  'Lars',
];
const LAST = [
  'Jones',
  'Okafor',
  'Fischer',
  'Patel',
  'Rossi',
  'Becker',
  'Chen',
  'Berg',
  'Novak',
  'Mensah',
  'Silva',
  'Kowalski',
  'Tanaka',
  'Ortega',
  'Haddad',
  'Lund',
];

/**
 * The ranked vocabulary (index 0 = rank 1): COMMON, then `synthetic` distinct pronounceable
 * made-up words. Made-up words keep rare and medium terms unambiguous (a real word list would
 * run out, and stemming would merge neighbours unpredictably).
 */
export function vocabulary(params) {
  const rand = prng(0x70cab);
  const onsets = 'b c d f g h j k l m n p r s t v z br st tr'.split(' ');
  const vowels = 'a e i o u a e o'.split(' ');
  const codas = ['', '', 'n', 'r', 's', 'l', 'k', 't', 'm'];
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const seen = new Set(COMMON);
  const words = [...COMMON];
  while (words.length < COMMON.length + params.synthetic) {
    const syllables = 2 + Math.floor(rand() * 2);
    let word = '';
    for (let i = 0; i < syllables; i += 1) word += pick(onsets) + pick(vowels) + pick(codas);
    if (word.length < 5 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return { words, common: COMMON.length };
}

/** Draws word indexes with P(rank r) proportional to 1 / r^s: binary search in the cumulative weights. */
function zipfSampler(size, s, rand) {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i += 1) cumulative[i] = total += 1 / (i + 1) ** s;
  return () => {
    const u = rand() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Expected share of all tokens taken by the word at `rank` (1-based): for reporting. */
export function zipfShare(params, rank) {
  const size = COMMON.length + params.synthetic;
  let total = 0;
  for (let i = 1; i <= size; i += 1) total += 1 / i ** params.zipf;
  return 1 / rank ** params.zipf / total;
}

function fill(db, params, log) {
  const { words } = vocabulary(params);
  const rand = prng(0x5ea4c4);
  const nextWord = zipfSampler(words.length, params.zipf, rand);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const capital = (w) => w[0].toUpperCase() + w.slice(1);
  const insertArticle = db.prepare(
    'INSERT INTO articles (id, slug, headline, standfirst, body, authors, section, language, url, published_at, status, version, created_at, updated_at) ' +
      "VALUES (?, ?, ?, ?, ?, ?, 'News', 'en', ?, ?, 'PUBLISHED', 1, ?, ?)",
  );
  const insertClaim = db.prepare(
    'INSERT INTO claims (id, article_id, quote, prefix, suffix, start_offset, end_offset, claimant_id, verdict, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertClaimant = db.prepare(
    "INSERT INTO claimants (id, slug, name, name_key, aliases, search_keys, kind) VALUES (?, ?, ?, ?, '[]', ?, 'PERSON')",
  );
  // Claimants by name, recorded as claims first name them.
  const claimantIds = new Map();
  const claimantOf = (name) => {
    if (name === null) return null;
    let id = claimantIds.get(name);
    if (id === undefined) {
      id = claimantIds.size + 1;
      const key = name.toLowerCase();
      insertClaimant.run(id, key.replace(/[^a-z0-9]+/g, '-'), name, key, key);
      claimantIds.set(name, id);
    }
    return id;
  };
  const base = Date.UTC(2020, 0, 1);
  const articles = Math.ceil(params.claims / params.claimsPerArticle);
  let claimId = 0;
  let tokens = 0;
  for (let a = 1; a <= articles; a += 1) {
    // Body: sentences of 8-25 words, paragraphs of five; each word's [start, end) kept so a
    // claim can quote a run of whole words verbatim.
    let body = '';
    const sentences = [];
    for (let i = 0; i < params.sentencesPerArticle; i += 1) {
      if (i > 0) body += i % 5 === 0 ? '\n\n' : ' ';
      const spans = [];
      const count = int(8, 25);
      for (let w = 0; w < count; w += 1) {
        if (w > 0) body += ' ';
        const word = words[nextWord()];
        spans.push([body.length, body.length + word.length]);
        body += w === 0 ? capital(word) : word;
      }
      body += '.';
      tokens += count;
      sentences.push(spans);
    }
    const headline = capital(Array.from({ length: int(6, 12) }, () => words[nextWord()]).join(' '));
    const standfirst =
      rand() < 0.9 ? `${capital(Array.from({ length: int(12, 25) }, () => words[nextWord()]).join(' '))}.` : null;
    const at = sqlDate(base + a * 600_000);
    insertArticle.run(
      a,
      `search-article-${a}`,
      headline,
      standfirst,
      body,
      JSON.stringify([`${pick(FIRST)} ${pick(LAST)}`]),
      `https://news.bench.example/s/${a}`,
      at,
      at,
      at,
    );

    // Distinct sentences, each claim a run of 8+ whole words inside one.
    const order = sentences.map((_, i) => i);
    const perArticle = Math.min(params.claimsPerArticle, params.claims - claimId);
    for (let c = 0; c < perArticle; c += 1) {
      const j = c + Math.floor(rand() * (order.length - c));
      [order[c], order[j]] = [order[j], order[c]];
      const spans = sentences[order[c]];
      const length = int(8, spans.length);
      const first = int(0, spans.length - length);
      const start = spans[first][0];
      const end = spans[first + length - 1][1];
      claimId += 1;
      const claimant = rand() < 0.8 ? `${pick(FIRST)} ${pick(LAST)}` : null;
      const verdict = rand() < 0.7 ? pick(VERDICTS) : null;
      insertClaim.run(
        claimId,
        a,
        body.slice(start, end),
        body.slice(Math.max(0, start - 32), start),
        body.slice(end, end + 32),
        start,
        end,
        claimantOf(claimant),
        verdict,
        at,
        at,
      );
    }
    if (a % 5000 === 0) log(`  ${a}/${articles} articles, ${claimId} claims`);
  }
  return { articles, claims: claimId, bodyTokens: tokens };
}

/**
 * The base rows go in row by row through the service's own triggers on articles and claims (so
 * search_documents gets exactly the rows the service writes, in the same order: rowid = recency
 * for the engine), but the triggers that feed the FTS5 indexes from search_documents and claims
 * are dropped while loading: each index is built once at the end, as the migrations that created
 * them do ('rebuild' for the external-content ones, one INSERT ... SELECT for the contentless
 * phrase index), then the triggers are put back from their own saved SQL. Row by row through
 * those triggers, 1M claims took about 25 minutes on the project's shared 2-core machine.
 */
const FTS_TRIGGERS = ['search_documents_ai', 'claims_fts_ai'];
const FTS_TABLES = ['search_fts', 'search_fts_stem', 'search_phrases', 'claims_fts'];

function load(db, params, log) {
  const timed = (label, run) => {
    const started = performance.now();
    const value = run();
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return value;
  };
  const triggers = FTS_TRIGGERS.map((name) => {
    const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name);
    if (!row) throw new Error(`trigger ${name} is missing: the migrations changed, update bench/search-dataset.mjs`);
    return row.sql;
  });
  // While building: a large in-memory buffer per index (FTS5's 'hashsize', 1 MB by default),
  // so each index is written in few big segments, and no merging (the word-pair index has tens
  // of millions of distinct terms: merges made the load 5x slower), one 'optimize' at the end;
  // then back to FTS5's defaults, which are stored in the file.
  for (const table of FTS_TABLES)
    db.exec(
      `INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${64 * 1024 * 1024}), ('automerge', 0), ('crisismerge', 1000)`,
    );
  db.exec('BEGIN');
  for (const name of FTS_TRIGGERS) db.exec(`DROP TRIGGER "${name}"`);
  const counts = timed('rows', () => fill(db, params, log));
  for (const table of ['search_fts', 'search_fts_stem', 'claims_fts'])
    timed(`${table} rebuild`, () => db.exec(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`));
  // As migration PhraseIndex fills it.
  timed('search_phrases fill', () =>
    db.exec(
      'INSERT INTO search_phrases (rowid, text, pairs, kind) SELECT id, text, factline_word_pairs(text), kind FROM search_documents ORDER BY id',
    ),
  );
  for (const table of FTS_TABLES)
    db.exec(
      `INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${1024 * 1024}), ('automerge', 4), ('crisismerge', 16)`,
    );
  // One segment per index, as after 'npm run search:rebuild' (which ends with 'optimize').
  for (const table of FTS_TABLES)
    timed(`${table} optimize`, () => db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`));
  for (const sql of triggers) db.exec(sql);
  db.exec('COMMIT');
  return counts;
}

/**
 * Creates `file` (or reuses it when its sidecar meta has the same signature).
 * Returns { file, reused, params, counts, seconds } (seconds: of the generation, even reused).
 */
export async function generateSearchDataset(file, options = {}, log = console.log) {
  const params = { ...SEARCH_DEFAULTS, ...options };
  const signature = JSON.stringify({ version: GENERATOR_VERSION, params, migrations: migrationNames() });
  const built = await cachedBuild(file, signature, async (tmp) => {
    log(`search dataset: generating ${params.claims} claims into ${path.basename(file)}`);
    const db = new Database(tmp);
    // Throwaway file: durability is irrelevant while filling it; a big page cache keeps the
    // b-trees and FTS5 merges in memory. Neither pragma is stored in the file.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    try {
      await createSchema(db);
      const counts = load(db, params, log);
      counts.searchDocuments = db.prepare('SELECT count(*) AS n FROM search_documents').get().n;
      return counts;
    } finally {
      db.close();
    }
  });
  log(
    `search dataset: ${built.reused ? 'reused' : 'generated'} ${path.basename(file)} (generation took ${built.seconds?.toFixed(1) ?? '?'} s; ${JSON.stringify(built.counts)})`,
  );
  return { file, params, ...built };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/search-dataset.mjs <file> [--claims N] [--zipf S] [--synthetic N]');
    process.exit(2);
  }
  const options = {};
  for (let i = 0; i < rest.length; i += 2) options[rest[i].replace(/^--/, '')] = Number(rest[i + 1]);
  await generateSearchDataset(path.resolve(file), options);
}
