import type { RawBuilder } from 'kysely';
import type { EntityManager } from 'typeorm';
import { nativeConnection, type Database } from '../../src/db/database';
import { poolOf } from '../../src/db/postgres';
import { dialectOf } from '../../src/db/sql';
import { compilerFor } from '../../src/db/statements';

/**
 * Reads the database directly, for tests that check what was stored: a Kysely `sql` template,
 * compiled for the database's dialect (placeholders and quoting as that dialect wants them) and
 * run on its read side. Quote camelCase aliases (`AS "tokenId"`): PostgreSQL folds bare names.
 */
export async function inspectRows<Row>(db: Database, query: RawBuilder<Row>): Promise<Row[]> {
  const compiled = query.compile(compilerFor(db.dialect));
  if (db.dialect === 'sqlite')
    return nativeConnection(db.read)
      .prepare(compiled.sql)
      .all(...(compiled.parameters as never[])) as Row[];
  return (await poolOf(db.write).query(compiled.sql, compiled.parameters as unknown[])).rows as Row[];
}

/** The first row of `inspectRows`, if any. */
export async function inspectRow<Row>(db: Database, query: RawBuilder<Row>): Promise<Row | undefined> {
  return (await inspectRows(db, query))[0];
}

/**
 * Writes with raw SQL inside a write transaction (`db.writes.run`), behind the service's back: a
 * Kysely `sql` template compiled for the transaction's dialect. Resolves to the rows it returns
 * (RETURNING), [] for none.
 */
export async function inspectWrite<Row>(manager: EntityManager, query: RawBuilder<Row>): Promise<Row[]> {
  if (!manager.queryRunner) throw new Error('inspectWrite() runs inside a write transaction (db.writes.run).');
  const compiled = query.compile(compilerFor(dialectOf(manager)));
  const result = await manager.queryRunner.query(compiled.sql, compiled.parameters as unknown[], true);
  return (result.records ?? []) as Row[];
}
