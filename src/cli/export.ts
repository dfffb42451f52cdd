import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { type AppConfig, loadConfigOrExit } from '../config';
import type { Database } from '../db/database';
import { openConfiguredDatabase } from '../db/open';
import { ClaimReviewService } from '../modules/claimreview/claim-review.service';
import { exportDatasetLines } from '../modules/dataset/dataset-export';

const USAGE = `usage:
  npm run export -- [--format ndjson] [--output file.ndjson]
  npm run export -- --format claimreview [--output file.json]
  (to redirect stdout instead, use npm run -s export: npm prints its own banner on stdout)

  ndjson        every article a line with its claims, fact-checks, claimants, sources and users; npm run import reads it back
  claimreview   the published fact-checks as a JSON array of schema.org ClaimReview (PUBLIC_URL, ORGANISATION_NAME)
  --output      write to this file (replaced only once complete) instead of stdout`;

const FORMATS = ['ndjson', 'claimreview'] as const;

function fail(message: string, code = 2): never {
  console.error(`export: ${message}`);
  process.exit(code);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function writeNdjson(db: Database, out: Writable): Promise<string> {
  let articles = 0;
  let claims = 0;
  let annotations = 0;
  let left = 0;
  let placesLeft = 0;
  const lines = exportDatasetLines(db, ({ slug, key, anchorStatus, place }) => {
    if (place) {
      placesLeft += 1;
      console.error(
        place.claimLeftOut
          ? `export: warning: article "${slug}", place of claim "${key}" left out: the claim is left out (its anchor is ${anchorStatus})`
          : `export: warning: article "${slug}", place of claim "${key}" left out: its anchor is ${anchorStatus} (no place in the current text)`,
      );
      return;
    }
    left += 1;
    console.error(
      `export: warning: article "${slug}", claim "${key}" left out: its anchor is ${anchorStatus} (no place in the current text)`,
    );
  });
  for await (const line of lines) {
    await write(out, `${JSON.stringify(line)}\n`);
    articles += 1;
    claims += line.article.claims.length;
    annotations += line.article.claims.reduce((sum, claim) => sum + claim.annotations.length, 0);
  }
  return `${articles} articles, ${claims} claims, ${annotations} fact-checks${left ? `; ${left} claims left out` : ''}${placesLeft ? `; ${placesLeft} places left out` : ''}`;
}

/** A JSON array, one ClaimReview a line, newest first (the order of the public feed). */
async function writeClaimReview(db: Database, config: AppConfig, out: Writable): Promise<string> {
  const reviews = new ClaimReviewService({ db, config });
  let count = 0;
  await write(out, '[');
  let cursor: string | undefined;
  do {
    const page = await reviews.feed({ cursor });
    for (const item of page.items) {
      await write(out, `${count === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`);
      count += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await write(out, count === 0 ? ']\n' : '\n]\n');
  return `${count} ClaimReview records`;
}

/** Exports the database of DATABASE_PATH (the service's); README, "Bulk import and export". */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { format: { type: 'string', default: 'ndjson' }, output: { type: 'string', short: 'o' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { format } = parsed.values;
  // npm runs scripts in the package folder; a relative path means where the user typed it.
  const output =
    parsed.values.output === undefined
      ? undefined
      : path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.values.output);
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) fail(`--format must be ndjson or claimreview\n${USAGE}`);
  const config = loadConfigOrExit('export', 2);

  // A file appears only once complete: an interrupted export leaves no truncated file behind.
  const partial = output ? `${output}.partial` : null;
  const out: Writable = partial ? fs.createWriteStream(partial) : process.stdout;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // Piped into `head`: the reader has what it wanted.
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const db = await openConfiguredDatabase(config);
  try {
    const written = format === 'claimreview' ? await writeClaimReview(db, config, out) : await writeNdjson(db, out);
    if (partial && output) {
      out.end();
      await once(out, 'finish');
      fs.renameSync(partial, output);
    }
    console.error(`export: ${written}${output ? ` written to ${output}` : ''}`);
  } catch (error) {
    if (partial) fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
