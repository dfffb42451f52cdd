import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import '../app/query-layers';
import { PRECOMPILED_FILE, precompileAll } from '../db/statements';

/**
 * The last step of `npm run build`: compiles every statement of the built query layers for each
 * dialect into `statements.compiled.json`, which the built service reads instead of loading
 * Kysely (src/db/statements.ts). Run from the build (dist/), never from source.
 */
const root = path.dirname(__dirname);
if (!fs.existsSync(path.join(root, 'db', 'statements.js'))) throw new Error('Run the built compile-statements.js.');
const ownFolder = path.join(root, 'cli') + path.sep;
// The built modules loaded to define the statements: a later build that changes any of them
// makes the file stale.
const sources = Object.keys(require.cache)
  .filter((file) => file.startsWith(root + path.sep) && !file.startsWith(ownFolder))
  .map((file) => path.relative(root, file))
  .sort();
fs.writeFileSync(PRECOMPILED_FILE, JSON.stringify(precompileAll(root, sources)));
