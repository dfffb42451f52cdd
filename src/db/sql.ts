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
  // Every write runs in a transaction, so its manager has the query runner holding it.
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(text, values, true);
    return (result.records ?? []) as Row[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
