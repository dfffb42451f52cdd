import type { EntityManager } from 'typeorm';
import { toPostgres } from './postgres-sql';
import type { SqlParam } from './sql-reader';

/**
 * Raw SQL inside a write transaction, written as everywhere in SQLite's dialect with `?`
 * placeholders, and translated when the transaction runs on PostgreSQL.
 */
export async function query<Row>(manager: EntityManager, sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
  if (manager.connection.options.type !== 'postgres') return (await manager.query(sql, [...params])) as Row[];
  const { text, values } = toPostgres(sql, params);
  return (await manager.query(text, values)) as Row[];
}
