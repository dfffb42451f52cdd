import type { EntityManager } from 'typeorm';
import { toPostgres } from './postgres-sql';
import type { SqlParam } from './sql-reader';
import type { Dialect, Statement } from './statements';

/**
 * Raw SQL inside a write transaction, written as everywhere in SQLite's dialect with `?`
 * placeholders, and translated when the transaction runs on PostgreSQL. Resolves to the rows
 * the statement returns (RETURNING included) on both, [] for a statement that returns none:
 * TypeORM's own result differs by driver and statement (an UPDATE on PostgreSQL gives
 * [rows, count], an INSERT on SQLite the new rowid).
 */
export async function query<Row>(manager: EntityManager, sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
  const postgres = manager.connection.options.type === 'postgres';
  const { text, values } = postgres ? toPostgres(sql, params) : { text: sql, values: [...params] };
  // A transaction's manager holds its query runner; every write runs in one (db.writes.run).
  if (!manager.queryRunner) throw new Error('query() runs inside a write transaction (db.writes.run).');
  const result = await manager.queryRunner.query(text, values, true);
  return (result.records ?? []) as Row[];
}

/** The dialect a transaction runs in. */
export function dialectOf(manager: EntityManager): Dialect {
  return manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * Runs a query-layer statement (src/db/statements.ts) inside a write transaction. Resolves to
 * the rows it returns (RETURNING included), [] for a statement that returns none.
 */
export async function execute<P, Row>(manager: EntityManager, statement: Statement<P, Row>, params: P): Promise<Row[]> {
  if (!manager.queryRunner) throw new Error('execute() runs inside a write transaction (db.writes.run).');
  const dialect = dialectOf(manager);
  const result = await manager.queryRunner.query(statement.compiled(dialect).sql, statement.bind(dialect, params), true);
  return (result.records ?? []) as Row[];
}

/** The first row a statement returns inside a write transaction, if any. */
export async function executeOne<P, Row>(manager: EntityManager, statement: Statement<P, Row>, params: P): Promise<Row | undefined> {
  return (await execute(manager, statement, params))[0];
}
