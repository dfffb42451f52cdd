import fs from 'node:fs';
import path from 'node:path';

/** The repository root, from source (vitest) and from dist/ alike. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
export const DEMO_DATASET_FILE = path.join(PROJECT_ROOT, 'fixtures', 'demo-dataset.json');
export const SQL_SNAPSHOT_FOLDER = path.join(PROJECT_ROOT, 'sql');
