// Deterministic benchmark dataset: a SQLite file with the service's own schema, filled with
// seeded pseudo-random articles, claims, fact-checks and citations.
//
// The schema comes from the compiled migrations (dist/migrations) so the file can never drift
// from what the service expects, and the TypeORM `migrations` table is filled in so that the
// service sees nothing pending and opens the file as is.
//
// CLI: node bench/generate-dataset.mjs <file> [--articles N] [--claimsPerArticle N] ...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Bump when the generated content changes, so cached files are rebuilt.
const GENERATOR_VERSION = 6;

export const DEFAULTS = {
  articles: 2000,
  claimsPerArticle: 20,
  annotationsPerClaim: 2,
  citationsPerAnnotation: 2,
  sources: 5000,
};

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
const KINDS = ['OFFICIAL_RECORD', 'NEWS_REPORT', 'DATASET', 'STATEMENT', 'EXPERT', 'OTHER'];
const STANCES = ['SUPPORTS', 'REFUTES', 'CONTEXT'];
const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Health', 'Climate'];
const PEOPLE = [
  'Danny Jones',
  'Amara Okafor',
  'Lena Fischer',
  'Ravi Patel',
  'Sofia Rossi',
  'Tom Becker',
  'Mei Chen',
  'Jonas Berg',
];
const PUBLISHERS = ['Reuters', 'AP', 'BBC', 'Eurostat', 'World Bank', 'Ministry of Finance', 'Le Monde', 'Nature'];
// ASCII only: offsets are UTF-16 code units, ASCII keeps them equal to byte offsets too.
// Also the vocabulary of the re-anchoring bench's articles.
export const WORDS = (
  'the government said on tuesday that inflation had fallen to its lowest level since records began ' +
  'officials minister report percent million billion budget spending growth economy prices energy ' +
  'election vote parliament court ruling border troops talks summit agreement sanctions trade export ' +
  'import tax workers wages unemployment rate survey data study scientists climate emissions health ' +
  'hospital vaccine cases deaths schools students police crime city region country president leader ' +
  'announced claimed denied confirmed rejected promised warned expected rose fell doubled halved ' +
  'according to new old last next year month week most least more than less about nearly over under'
).split(' ');

/** mulberry32: tiny, fast, good enough, and the same sequence on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** TypeORM's sqlite `datetime` text form, in UTC. */
export const sqlDate = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

function makeText(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (lo = 8, hi = 20) => {
    const s = words(int(lo, hi));
    // Some numbers so quotes look like check-worthy claims.
    return `${s[0].toUpperCase()}${s.slice(1)} ${int(2, 97)} percent.`;
  };
  const shuffle = (list) => {
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { int, pick, words, sentence, shuffle };
}

/**
 * The SQL functions the service registers on its connections (the search triggers call them):
 * every connection that writes needs them, the raw baselines' too.
 */
export function registerSqlFunctions(db) {
  const entry = path.join(ROOT, 'dist', 'src', 'modules', 'search', 'word-pairs.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first.`);
  require(entry).registerSearchFunctions(db);
  return db;
}

/** Runs the service's compiled migrations and records them as TypeORM would. */
export async function createSchema(db) {
  registerSqlFunctions(db);
  const entry = path.join(ROOT, 'dist', 'migrations', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first.`);
  const { MIGRATIONS } = require(entry);
  // The migrations ask which database they run on (the PostgreSQL-only ones do nothing here),
  // and some read rows (on an empty database, none) or bind parameters.
  const query = async (sql, params = []) => {
    let statement;
    try {
      statement = db.prepare(sql);
    } catch {
      return db.exec(sql); // several statements in one text (trigger bodies)
    }
    return statement.reader ? statement.all(...params) : (statement.run(...params), []);
  };
  // A migration that must run outside a transaction (Claimants turns SQLite's foreign keys off) opens its own.
  const queryRunner = {
    query,
    connection: { options: { type: 'better-sqlite3' } },
    get isTransactionActive() {
      return db.inTransaction;
    },
    startTransaction: async () => void db.exec('BEGIN'),
    commitTransaction: async () => void db.exec('COMMIT'),
    rollbackTransaction: async () => void db.exec('ROLLBACK'),
  };
  db.exec(
    'CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)',
  );
  const record = db.prepare('INSERT INTO "migrations" ("timestamp", "name") VALUES (?, ?)');
  for (const Migration of MIGRATIONS) {
    const migration = new Migration();
    await migration.up(queryRunner);
    record.run(Number(migration.name.slice(-13)), migration.name);
  }
  return MIGRATIONS.map((M) => new M().name);
}

export function migrationNames() {
  const entry = path.join(ROOT, 'dist', 'migrations', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first.`);
  return require(entry).MIGRATIONS.map((M) => new M().name);
}

function fill(db, params) {
  const rand = prng(0xfac7);
  const { int, pick, words, sentence, shuffle } = makeText(rand);
  const base = Date.UTC(2021, 0, 1);
  const insertUser = db.prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare(
    'INSERT INTO sources (id, url, title, publisher, published_at, kind, accessed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const insertArticle = db.prepare(
    'INSERT INTO articles (id, slug, headline, standfirst, body, authors, section, language, url, published_at, status, version, created_at, updated_at) ' +
      "VALUES (?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, 1, ?, ?)",
  );
  const insertClaim = db.prepare(
    'INSERT INTO claims (id, article_id, quote, prefix, suffix, start_offset, end_offset, claimant_id, verdict, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertClaimant = db.prepare(
    "INSERT INTO claimants (id, slug, name, name_key, aliases, search_keys, kind, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', ?, 'PERSON', ?, ?)",
  );
  const insertAnnotation = db.prepare(
    'INSERT INTO annotations (id, claim_id, author_id, verdict, summary, body, status, version, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRetracted = db.prepare(
    'INSERT INTO annotations (id, claim_id, author_id, verdict, summary, body, status, version, published_at, retracted_at, retraction_reason, created_at, updated_at) ' +
      "VALUES (?, ?, 1, ?, ?, ?, 'RETRACTED', 2, ?, ?, ?, ?, ?)",
  );
  const insertCitation = db.prepare(
    'INSERT INTO citations (id, annotation_id, source_id, stance, excerpt, position) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const created = sqlDate(base);
  insertUser.run(1, 'Bench Reviewer', 'REVIEWER', created);
  insertUser.run(2, 'Bench Editor', 'EDITOR', created);
  // One claimant per name; a claim names one by id (PEOPLE's index + 1).
  PEOPLE.forEach((name, index) => {
    const key = name.toLowerCase();
    insertClaimant.run(index + 1, key.replace(/[^a-z0-9]+/g, '-'), name, key, key, created, created);
  });

  for (let s = 1; s <= params.sources; s += 1) {
    // Some null publishers/dates so the null paths of both servers are exercised.
    const publisher = rand() < 0.1 ? null : pick(PUBLISHERS);
    const publishedAt = rand() < 0.15 ? null : sqlDate(base - int(0, 400) * 86_400_000);
    insertSource.run(
      s,
      `https://source-${s}.bench.example/reports/${s}`,
      `Report ${s}: ${words(int(3, 8))}`,
      publisher,
      publishedAt,
      pick(KINDS),
      created,
    );
  }

  let claimId = 0;
  let annotationId = 0;
  let citationId = 0;
  let annotationClock = 0;
  let hidden = 0;
  for (let a = 1; a <= params.articles; a += 1) {
    // Body: ~20 paragraphs of sentences, remembering where each sentence starts.
    const spans = [];
    let body = '';
    for (let p = 0; p < 20; p += 1) {
      if (p > 0) body += '\n\n';
      const count = int(4, 7);
      for (let i = 0; i < count; i += 1) {
        if (i > 0) body += ' ';
        const text = sentence();
        spans.push([body.length, body.length + text.length]);
        body += text;
      }
    }
    const publishedAt = sqlDate(base + a * 3_600_000);
    // A few unpublished articles and fact-checks (below): both servers must hide them, so the
    // equivalence check covers the status filters too. They are never in the load rotation.
    const status = a % 100 === 50 ? 'DRAFT' : 'PUBLISHED';
    insertArticle.run(
      a,
      `bench-article-${a}`,
      `Headline ${a}: ${words(int(5, 10))}`,
      rand() < 0.1 ? null : sentence(10, 25),
      body,
      JSON.stringify(Array.from({ length: int(1, 3) }, () => pick(PEOPLE))),
      rand() < 0.1 ? null : pick(SECTIONS),
      `https://news.bench.example/${a}`,
      publishedAt,
      status,
      publishedAt,
      publishedAt,
    );

    // Claims are inserted in shuffled order (ids do not follow body order), and some share a
    // start offset with a shorter quote, so ordering by start_offset, id is really tested.
    const chosen = shuffle(spans.map((_, i) => i)).slice(0, params.claimsPerArticle);
    while (chosen.length < params.claimsPerArticle) chosen.push(int(0, spans.length - 1));
    for (let i = 1; i < chosen.length; i += 1) if (rand() < 0.05) chosen[i] = chosen[int(0, i - 1)];
    for (const index of chosen) {
      const [start, fullEnd] = spans[index];
      const end = rand() < 0.1 ? start + Math.max(5, Math.floor((fullEnd - start) / 2)) : fullEnd;
      claimId += 1;
      // Publication slots shuffled: a claim's newest annotation is not always its last id.
      const slots = shuffle(Array.from({ length: params.annotationsPerClaim }, (_, i) => i));
      const annotations = slots.map((slot) => ({
        verdict: pick(VERDICTS),
        ms: base + 86_400_000 * 200 + (annotationClock + slot) * 60_000 + int(0, 999),
      }));
      annotationClock += params.annotationsPerClaim;
      const newest = annotations.reduce((best, x) => (best === null || x.ms > best.ms ? x : best), null);
      insertClaim.run(
        claimId,
        a,
        body.slice(start, end),
        body.slice(Math.max(0, start - 32), start),
        body.slice(end, end + 32),
        start,
        end,
        rand() < 0.2 ? null : PEOPLE.indexOf(pick(PEOPLE)) + 1,
        newest ? newest.verdict : null,
        publishedAt,
        publishedAt,
      );
      for (const annotation of annotations) {
        annotationId += 1;
        const at = sqlDate(annotation.ms);
        insertAnnotation.run(
          annotationId,
          claimId,
          int(1, 2),
          annotation.verdict,
          sentence(6, 14),
          `${sentence()} ${sentence()} ${sentence()}`,
          'PUBLISHED',
          int(1, 3),
          at,
          at,
          at,
        );
        for (const position of shuffle(Array.from({ length: params.citationsPerAnnotation }, (_, i) => i))) {
          citationId += 1;
          insertCitation.run(
            citationId,
            annotationId,
            int(1, params.sources),
            pick(STANCES),
            sentence(6, 16),
            position,
          );
        }
      }
      if (claimId % 25 === 7 && newest) {
        // A retracted one published after the newest: readers see it (first, being the newest
        // published, with its reason) but it does not set claims.verdict. A draft: hidden.
        const publishedLast = sqlDate(newest.ms + 30_000);
        const retractedAt = sqlDate(newest.ms + 90_000);
        annotationId += 1;
        hidden += 2;
        insertRetracted.run(
          annotationId,
          claimId,
          pick(VERDICTS),
          sentence(6, 14),
          sentence(),
          publishedLast,
          retractedAt,
          sentence(6, 12),
          publishedLast,
          retractedAt,
        );
        citationId += 1;
        insertCitation.run(citationId, annotationId, int(1, params.sources), pick(STANCES), sentence(6, 16), 0);
        annotationId += 1;
        insertAnnotation.run(
          annotationId,
          claimId,
          2,
          pick(VERDICTS),
          sentence(6, 14),
          sentence(),
          'DRAFT',
          1,
          null,
          retractedAt,
          retractedAt,
        );
      }
    }
  }
  stampWhatReadersSaw(db);
  return {
    claims: claimId,
    annotations: annotationId,
    unpublishedAnnotations: hidden,
    citations: citationId,
    draftArticles: Math.floor((params.articles + 50) / 100),
  };
}

/**
 * The service's record of what readers saw, as if each published article had been published
 * when created: its publication, and the sources its public fact-checks cite (only those are
 * shown to anonymous readers). The generated data has no revisions to stamp.
 */
function stampWhatReadersSaw(db) {
  db.exec(
    `INSERT INTO article_status_changes (article_id, status, created_at) SELECT id, 'PUBLISHED', created_at FROM articles WHERE status = 'PUBLISHED'`,
  );
  db.exec(`UPDATE sources SET public_at = created_at WHERE id IN (
    SELECT t.source_id FROM citations t JOIN annotations n ON n.id = t.annotation_id JOIN claims c ON c.id = n.claim_id JOIN articles a ON a.id = c.article_id
    WHERE n.status IN ('PUBLISHED', 'RETRACTED') AND a.status = 'PUBLISHED')`);
}

/**
 * Builds `file` with `build(tmpFile) -> counts`, or reuses it when its sidecar
 * `<file>.meta.json` holds the same `signature`. Returns { reused, counts, seconds }.
 */
export async function cachedBuild(file, signature, build) {
  const metaFile = `${file}.meta.json`;
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    if (meta.signature === signature) return { reused: true, counts: meta.counts, seconds: meta.seconds ?? null };
  }
  const started = performance.now();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Build under a temporary name: an interrupted run never leaves a half file that looks cached.
  const tmp = `${file}.tmp`;
  for (const f of [tmp, metaFile, file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const counts = await build(tmp);
  fs.renameSync(tmp, file);
  const seconds = (performance.now() - started) / 1000;
  fs.writeFileSync(
    metaFile,
    JSON.stringify({ signature, counts, seconds, generatedAt: new Date().toISOString() }, null, 2),
  );
  return { reused: false, counts, seconds };
}

/**
 * Creates `file` (or reuses it when its sidecar `<file>.meta.json` has the same signature).
 * Returns { file, reused, params, counts }.
 */
export async function generateDataset(file, options = {}) {
  const params = { ...DEFAULTS, ...options };
  const signature = JSON.stringify({ version: GENERATOR_VERSION, params, migrations: migrationNames() });
  const built = await cachedBuild(file, signature, async (tmp) => {
    const db = new Database(tmp);
    // Throwaway file: durability is irrelevant while filling it.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    try {
      await createSchema(db);
      db.exec('BEGIN');
      const counts = fill(db, params);
      db.exec('COMMIT');
      return { users: 2, sources: params.sources, articles: params.articles, ...counts };
    } finally {
      db.close();
    }
  });
  if (!built.reused) {
    const mb = (fs.statSync(file).size / 1e6).toFixed(1);
    console.log(
      `dataset: generated ${file} in ${built.seconds.toFixed(1)} s (${mb} MB, ${JSON.stringify(built.counts)})`,
    );
  }
  return { file, reused: built.reused, params, counts: built.counts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error(
      'usage: node bench/generate-dataset.mjs <file> [--articles N] [--claimsPerArticle N] [--annotationsPerClaim N] [--citationsPerAnnotation N] [--sources N]',
    );
    process.exit(2);
  }
  const options = {};
  for (let i = 0; i < rest.length; i += 2) options[rest[i].replace(/^--/, '')] = Number(rest[i + 1]);
  const result = await generateDataset(path.resolve(file), options);
  if (result.reused) console.log(`dataset: reused ${file}`);
}
