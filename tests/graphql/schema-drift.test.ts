import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/schema';
import { printAppSchema } from '../../src/graphql/schema';
import { SCHEMA_FILE } from '../../src/paths';

describe('schema/schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema:emit` after changing the schema)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printAppSchema(await buildAppSchema()));
  });
});
