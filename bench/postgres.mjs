// The benchmark dataset on PostgreSQL, for `npm run bench -- --postgres`: the generated SQLite
// file copied row for row into schemas the service's own migrations built, so the service and
// bench/raw-pg-server.mjs answer from the same rows (same ids) as on SQLite.
//
// Two schemas per dataset, each a full copy: bench_<key> (the read scenarios, and the service's
// copy for createAnnotation) and bench_<key>_copy (the raw baseline's copy for createAnnotation).
// A loaded schema carries the dataset's signature and each table's highest id in its comment:
// a later run finds it loaded, and resets it to those ids (rows written since deleted, sequences
// set back) instead of loading it again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Timestamps as the text PostgreSQL sends (no Date in the local zone); counts as numbers. */
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const postgresUrl = () => process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_URL;

/**
 * The tables copied, parents before children (the foreign keys hold at every insert). Each has
 * a SERIAL id; search_documents is filled by the search triggers as the rows go in.
 */
export const TABLES = [
  'users',
  'articles',
  'sources',
  'claimants',
  'claims',
  'annotations',
  'citations',
  'api_tokens',
  'annotation_revisions',
  'corrections',
  'article_revisions',
  'claim_anchors',
  'article_status_changes',
];
/** Also reset to their loaded ids after writes (the triggers write them). */
const DERIVED = ['search_documents'];
/** PostgreSQL takes at most 65,535 parameters a statement. */
const MAX_PARAMS = 60_000;
const MAX_BATCH_ROWS = 1_000;

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** A client with its search path on `schema` (the service's connections use the same). */
export async function connect(url, schema) {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'factline-bench',
    ...(schema ? { options: `-c search_path=${quote(schema)}` } : {}),
  });
  await client.connect();
  return client;
}

export async function withClient(url, schema, work) {
  const client = await connect(url, schema);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What a schema says it holds (its comment, written last when loaded), or null. */
async function markerOf(client, schema) {
  const { rows } = await client.query(
    "SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = $1",
    [schema],
  );
  if (!rows.length) return undefined;
  try {
    return JSON.parse(rows[0].comment ?? 'null');
  } catch {
    return null;
  }
}

/** Runs the service's migrations on `schema` (`dist/src/cli/migrate.js`), as a deployment does. */
function migrate(root, url, schema) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'cli', 'migrate.js')], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, DATABASE_SCHEMA: schema, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output.trim())
        : reject(new Error(`migrate on schema ${schema} exited ${code}: ${output.trim()}`)),
    );
  });
}

/** Copies every row of `table` from the SQLite file into the schema, in multi-row INSERTs; returns the row count. */
async function copyTable(sqlite, client, table) {
  const sqliteColumns = sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
  const { rows } = await client.query(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
    [table],
  );
  const pgColumns = new Set(rows.map((r) => r.column_name));
  const missing = sqliteColumns.filter((c) => !pgColumns.has(c));
  if (missing.length)
    throw new Error(`${table}: column(s) ${missing.join(', ')} of the SQLite dataset do not exist on PostgreSQL`);
  const columns = sqliteColumns;
  const batch = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  const tuple = (offset) => `(${columns.map((_, c) => `$${offset + c + 1}`).join(', ')})`;
  const fullText = `${head}${Array.from({ length: batch }, (_, r) => tuple(r * columns.length)).join(', ')}`;
  let values = [];
  let pending = 0;
  let copied = 0;
  const flush = async () => {
    if (!pending) return;
    // Full batches as one named statement (parsed once); the last, shorter one as it is.
    const text =
      pending === batch
        ? fullText
        : `${head}${Array.from({ length: pending }, (_, r) => tuple(r * columns.length)).join(', ')}`;
    await client.query(pending === batch ? { name: `bench_copy_${table}`, text, values } : { text, values });
    copied += pending;
    values = [];
    pending = 0;
  };
  for (const row of sqlite
    .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY id`)
    .raw()
    .iterate()) {
    values.push(...row);
    pending += 1;
    if (pending === batch) await flush();
  }
  await flush();
  return copied;
}

/** Each table's highest id (0 when empty), with search_documents'. */
async function highestIds(client) {
  const ids = {};
  for (const table of [...TABLES, ...DERIVED])
    ids[table] = (await client.query(`SELECT COALESCE(MAX(id), 0)::int AS id FROM ${quote(table)}`)).rows[0].id;
  return ids;
}

/** Sets each table's id sequence so the next id is the one after `ids[table]`. */
async function setSequences(client, ids) {
  for (const [table, id] of Object.entries(ids)) {
    await client.query('SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)', [
      quote(table),
      'id',
      Math.max(id, 1),
      id > 0,
    ]);
  }
}

/** Drops `schema`, builds it with the service's migrations and copies the SQLite file into it. */
async function load(root, url, schema, sqliteFile, signature) {
  const started = performance.now();
  await withClient(url, null, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    await client.query(`CREATE SCHEMA ${quote(schema)}`);
  });
  await migrate(root, url, schema);
  const migrated = performance.now();
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    return await withClient(url, schema, async (client) => {
      const counts = {};
      await client.query('BEGIN');
      // One transaction, committed once: losing the data on a crash costs nothing here.
      await client.query('SET LOCAL synchronous_commit = off');
      for (const table of TABLES) {
        const tableStarted = performance.now();
        counts[table] = await copyTable(sqlite, client, table);
        if (performance.now() - tableStarted > 5_000)
          console.log(
            `postgres: ${schema}.${table}: ${counts[table]} rows in ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`,
          );
      }
      const ids = await highestIds(client);
      await setSequences(client, ids);
      await client.query('COMMIT');
      const copied = performance.now();
      // Statistics and the visibility map, as a long-running database would have them. Table by
      // table: a bare VACUUM would take on every schema of the database, others' too.
      for (const table of [...TABLES, ...DERIVED]) await client.query(`VACUUM (ANALYZE) ${quote(table)}`);
      counts.search_documents = (await client.query('SELECT COUNT(*)::int AS n FROM search_documents')).rows[0].n;
      const s = (from, to = performance.now()) => Number(((to - from) / 1000).toFixed(1));
      // Where the time went: the migrations, the rows (with the search triggers), VACUUM ANALYZE.
      const steps = { migrate: s(started, migrated), copy: s(migrated, copied), vacuum: s(copied) };
      const marker = {
        signature,
        source: path.basename(sqliteFile),
        ids,
        counts,
        seconds: s(started),
        steps,
        loadedAt: new Date().toISOString(),
      };
      // Written last: a load cut short leaves no marker, and is redone.
      await client.query(`COMMENT ON SCHEMA ${quote(schema)} IS ${client.escapeLiteral(JSON.stringify(marker))}`);
      return marker;
    });
  } finally {
    sqlite.close();
  }
}

/**
 * Back to the rows as loaded: what was written since (ids above the loaded ones) deleted,
 * children first, sequences set back, the tables vacuumed when anything was deleted. The
 * benchmarks only insert (and refresh their own token's last use), so this is the loaded data.
 */
export async function resetSchema(url, schema, ids) {
  return withClient(url, schema, async (client) => {
    let deleted = 0;
    const touched = [];
    await client.query('BEGIN');
    for (const table of [...TABLES].reverse()) {
      const { rowCount } = await client.query(`DELETE FROM ${quote(table)} WHERE id > $1`, [ids[table]]);
      deleted += rowCount;
      if (rowCount) touched.push(table);
    }
    // The triggers deleted what they had written for those rows; anything else left is stale too.
    for (const table of DERIVED) {
      const { rowCount } = await client.query(`DELETE FROM ${quote(table)} WHERE id > $1`, [ids[table]]);
      if (rowCount || touched.length) touched.push(table);
    }
    await setSequences(client, ids);
    await client.query('COMMIT');
    for (const table of touched) await client.query(`VACUUM (ANALYZE) ${quote(table)}`);
    return deleted;
  });
}

/** The schemas of a dataset: `bench_<params joined by _>`, and its copy. */
export function schemasFor(params) {
  const base = `bench_${Object.values(params).join('_')}`;
  return { base, copy: `${base}_copy` };
}

/**
 * Both schemas of the dataset loaded (or found loaded, and reset) from the SQLite file.
 * Returns { url, schemas: { base, copy }, ids, counts, server } for run.mjs.
 */
export async function preparePostgres({ root, sqliteFile, params }) {
  const url = postgresUrl();
  const metaFile = `${sqliteFile}.meta.json`;
  const signature = fs.existsSync(metaFile) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')).signature : null;
  if (!signature)
    throw new Error(`${metaFile} is missing: the dataset was not generated by bench/generate-dataset.mjs`);
  const schemas = schemasFor(params);
  const server = await withClient(url, null, async (client) => {
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version;
  }).catch((error) => {
    throw new Error(
      `cannot connect to PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//')} (set BENCH_DATABASE_URL): ${error.message}`,
    );
  });
  // The two loads side by side: most of the time is PostgreSQL's (the search triggers), one core each.
  const markers = await Promise.all(
    Object.values(schemas).map(async (schema) => {
      const found = await withClient(url, null, (client) => markerOf(client, schema));
      if (found && found.signature === signature) {
        const deleted = await resetSchema(url, schema, found.ids);
        console.log(
          `postgres: reused schema ${schema} (loaded ${found.loadedAt} in ${found.seconds} s)${deleted ? `, ${deleted} rows written since deleted` : ''}`,
        );
        return found;
      }
      console.log(
        `postgres: loading ${path.basename(sqliteFile)} into schema ${schema}${found === undefined ? '' : ' (replacing an older or partial load)'}...`,
      );
      const loaded = await load(root, url, schema, sqliteFile, signature);
      const { migrate: m, copy: c, vacuum: v } = loaded.steps;
      console.log(
        `postgres: schema ${schema} loaded in ${loaded.seconds} s (migrations ${m} s, rows and search triggers ${c} s, VACUUM ANALYZE ${v} s): ${JSON.stringify(loaded.counts)}`,
      );
      return loaded;
    }),
  );
  const [marker] = markers;
  if (markers.some((m) => JSON.stringify(m.ids) !== JSON.stringify(marker.ids)))
    throw new Error(
      `postgres: schemas ${Object.values(schemas).join(' and ')} hold different rows: drop them to reload`,
    );
  return { url, schemas, ids: marker.ids, counts: marker.counts, server };
}
