import type BetterSqlite3 from 'better-sqlite3';
import type { Dialect, Statement } from './statements';

export type SqlParam = string | number | bigint | null | Buffer;

/**
 * The read side: runs query-layer statements (src/db/statements.ts), each compiled for this
 * reader's dialect, and returns plain rows (no entity hydration on the paths every request
 * takes). Every statement is counted so tests can prove a query costs a fixed number of them.
 */
export interface SqlReader {
  readonly dialect: Dialect;
  /** Statements executed since the start (tests read and compare it). */
  readonly statementCount: number;
  /** Runs a query-layer statement (src/db/statements.ts) and returns its rows. */
  rows<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row[]>;
  /** The first row of a query-layer statement, if any. */
  row<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row | undefined>;
}

/**
 * The SQLite read connection, with prepared statements cached by SQL text.
 *
 * Rows are read as arrays and turned into objects by a function made once per statement: an
 * object literal of the statement's columns. better-sqlite3 builds each row object property by
 * property, which costs more than the statement itself on wide rows; the literal is built in
 * one step, and every row of a statement shares one object shape, which the code reading them
 * is faster for.
 */
export class SqliteReader implements SqlReader {
  readonly dialect = 'sqlite';
  /** Statements executed since the start (tests read and compare it). */
  statementCount = 0;
  private readonly statements = new Map<string, PreparedRead>();

  private readonly dataVersionStatement: BetterSqlite3.Statement;

  constructor(private readonly connection: BetterSqlite3.Database) {
    this.dataVersionStatement = connection.prepare('PRAGMA data_version').pluck();
  }

  /**
   * Changes whenever another connection (the service's write connection, another process)
   * has committed since the last call: what a response cache keys its freshness on.
   * Cheap: a read of the connection's own counter, no I/O.
   */
  dataVersion(): number {
    return this.dataVersionStatement.get() as number;
  }

  async rows<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row[]> {
    this.statementCount += 1;
    const { prepared, toRow } = this.prepare(statement.compiled('sqlite').sql);
    const arrays = prepared.all(...(statement.bind('sqlite', params) as SqlParam[]));
    const rows = new Array<Row>(arrays.length);
    for (let i = 0; i < arrays.length; i += 1) rows[i] = toRow(arrays[i]) as Row;
    return rows;
  }

  async row<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row | undefined> {
    this.statementCount += 1;
    const { prepared, toRow } = this.prepare(statement.compiled('sqlite').sql);
    const array = prepared.get(...(statement.bind('sqlite', params) as SqlParam[]));
    return array === undefined ? undefined : (toRow(array) as Row);
  }

  private prepare(sql: string): PreparedRead {
    const read = this.statements.get(sql);
    if (!read) {
      const prepared = this.connection.prepare(sql);
      const toRow = rowFactory(prepared.columns().map((column) => column.name));
      // A column named `__proto__` is left to better-sqlite3, whose objects differ there by version.
      const made: PreparedRead = toRow
        ? { prepared: prepared.raw(true), toRow: toRow as PreparedRead['toRow'] }
        : { prepared, toRow: (row) => row as Record<string, unknown> };
      this.statements.set(sql, made);
      return made;
    }
    return read;
  }
}

interface PreparedRead {
  prepared: BetterSqlite3.Statement;
  /** The row from what the statement returns: an array, or (objects mode) the row itself. */
  toRow: (values: unknown) => Record<string, unknown>;
}

/**
 * A function turning a row's values into the object better-sqlite3 would have made: one
 * property per column in order, a later column of the same name winning. Null for a column
 * named `__proto__`, which a literal would make the prototype.
 */
export function rowFactory(names: readonly string[]): ((values: unknown[]) => Record<string, unknown>) | null {
  const last = new Map(names.map((name, index) => [name, index]));
  if (last.has('__proto__')) return null;
  const properties = [...last].map(([name, index]) => `${JSON.stringify(name)}: values[${index}]`);
  // Column names are JSON-quoted, so each is a string literal in the function's source.
  return new Function('values', `return { ${properties.join(', ')} };`) as (
    values: unknown[],
  ) => Record<string, unknown>;
}
