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

/** The SQLite read connection, with prepared statements cached by SQL text. */
export class SqliteReader implements SqlReader {
  readonly dialect = 'sqlite';
  /** Statements executed since the start (tests read and compare it). */
  statementCount = 0;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

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
    return this.prepare(statement.compiled('sqlite').sql).all(
      ...(statement.bind('sqlite', params) as SqlParam[]),
    ) as Row[];
  }

  async row<P, Row>(statement: Statement<P, Row>, params: P): Promise<Row | undefined> {
    this.statementCount += 1;
    return this.prepare(statement.compiled('sqlite').sql).get(...(statement.bind('sqlite', params) as SqlParam[])) as
      Row | undefined;
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
