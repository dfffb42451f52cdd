import type { EntityManager } from 'typeorm';
import type { Dialect, Statement } from './statements';

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
  const result = await manager.queryRunner.query(
    statement.compiled(dialect).sql,
    statement.bind(dialect, params),
    true,
  );
  return (result.records ?? []) as Row[];
}

/** The first row a statement returns inside a write transaction, if any. */
export async function executeOne<P, Row>(
  manager: EntityManager,
  statement: Statement<P, Row>,
  params: P,
): Promise<Row | undefined> {
  return (await execute(manager, statement, params))[0];
}
