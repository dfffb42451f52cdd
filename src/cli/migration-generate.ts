import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteDataSource } from '../db/database';

/**
 * Writes a migration for the difference between the entities and the migrations so far,
 * the way `typeorm migration:generate` does, without needing a data-source file for the CLI.
 * Usage: npm run migration:generate -- Name
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('usage: npm run migration:generate -- PascalCaseName');
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-migration-'));
  const dataSource = sqliteDataSource(path.join(dir, 'generate.db'), 'write');
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  if (sql.upQueries.length === 0) {
    console.log('No changes: the migrations already match the entities.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const quote = (query: string) =>
    '`' + query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
  const down = [...sql.downQueries]
    .reverse()
    .map((q) => `    await queryRunner.query(${quote(q.query)});`)
    .join('\n');
  const file = path.join('migrations', `${timestamp}-${name}.ts`);
  fs.writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  console.log(`Wrote ${file}; add ${className} to migrations/index.ts.`);
  const rebuilt = sql.upQueries
    .map((q) => /^DROP TABLE "(\w+)"/.exec(q.query)?.[1])
    .filter((table): table is string => Boolean(table));
  if (rebuilt.length > 0) {
    // SQLite cannot alter most columns, so TypeORM rebuilds the table; with foreign keys on
    // (they cannot be turned off inside the migration's transaction) dropping the old table
    // deletes or cascades into every row that references it.
    console.warn(
      `WARNING: this migration rebuilds ${rebuilt.join(', ')} (DROP TABLE). Rows referencing them would be deleted by ON DELETE CASCADE.`,
    );
    console.warn(
      'Prefer ALTER TABLE ... ADD COLUMN where possible, and test the upgrade with data (tests/db/migrations.test.ts).',
    );
  }
}

void main();
