import type { EntityManager } from 'typeorm';
import { toPostgres } from './postgres-sql';
import type { SqlParam } from './sql-reader';

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
