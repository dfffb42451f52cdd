import {
  type AliasedRawBuilder,
  type Compilable,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
  sql,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Tables } from './tables';

/**
 * The query layer's statements: each written once with Kysely, compiled once per dialect and
 * reused, so the SQL text is stable (SQLite's prepared statements and PostgreSQL's named ones are
 * cached by it) and every statement the service can run is known ahead of time (the snapshots in
 * `sql/`, `npm run sql:snapshot`; tests/db/sql-snapshots.test.ts runs EXPLAIN on each).
 *
 * A statement's values are named parameters (`p.id`), bound per call. Where the dialects differ,
 * the statement says so explicitly (`q.dialect`, or the helpers below): nothing rewrites SQL text
 * at run time.
 */
export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

/** Kysely instances that only compile (they have no connection): the executors run the SQL. */
const compilers: Record<Dialect, Kysely<Tables>> = {
  sqlite: new Kysely<Tables>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Tables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

/** A named parameter's place in a statement; `list` parameters hold a list of keys. */
class ParamMarker {
  constructor(
    readonly name: string,
    readonly list: KeyType | null = null,
  ) {}
}

/** The type of the keys in a list parameter (ids are integers). */
export type KeyType = 'integer' | 'text';

/** One value of a compiled statement: a constant written into the statement, or a named parameter. */
type Slot = { param: ParamMarker } | { constant: unknown };

export interface CompiledStatement {
  readonly sql: string;
  readonly slots: readonly Slot[];
}

/** The builder a statement is written with. */
export interface StatementBuilder<P> {
  /** Kysely, typed with the service's tables (src/db/tables.ts). */
  readonly db: Kysely<Tables>;
  readonly dialect: Dialect;
  /** The named parameters, to use where a value goes: `where('id', '=', p.id)`. */
  readonly p: { readonly [Name in keyof P]: P[Name] };
  /**
   * A list of keys given as one parameter, as a one-column table `k(value)`: SQLite reads a JSON
   * array (`json_each`), PostgreSQL an array (`unnest`). Start a lookup by keys from it, so the
   * plan starts from the keys: `selectFrom(q.keys('ids')).crossJoin('articles as a')`.
   */
  keys<Name extends ListNames<P>>(name: Name, type?: KeyType): AliasedRawBuilder<{ value: ListItem<P[Name]> }, 'k'>;
  /** The same list as a subquery, for `where(column, 'in', q.keyList('ids'))`. */
  keyList<Name extends ListNames<P>>(name: Name, type?: KeyType): RawBuilder<ListItem<P[Name]>>;
}

type ListNames<P> = { [Name in keyof P]: P[Name] extends readonly (number | string)[] ? Name : never }[keyof P] &
  string;
type ListItem<L> = L extends readonly (infer Item)[] ? Item : never;

type Built<Row> = Compilable<Row> | RawBuilder<Row>;

export interface Statement<P, Row> {
  /** `module.what`: how snapshots and logs name it. */
  readonly name: string;
  /** The dialects it is written for (all, unless defined for some only: StatementOptions). */
  readonly dialects: readonly Dialect[];
  compiled(dialect: Dialect): CompiledStatement;
  /** The values to send for `params`, in placeholder order. */
  bind(dialect: Dialect, params: P): unknown[];
  /** Type only: the row the statement returns. */
  readonly row?: Row;
}

/** Every statement defined, by name: the snapshot and the EXPLAIN test enumerate them. */
const registry = new Map<string, Statement<never, unknown>>();

/** Every statement, or those written for one dialect. */
export function allStatements(dialect?: Dialect): Statement<never, unknown>[] {
  return [...registry.values()]
    .filter((defined) => !dialect || defined.dialects.includes(dialect))
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

type NoParams = Record<never, never>;

export interface StatementOptions {
  /**
   * Only for these dialects: a statement of one engine's own machinery (SQLite's FTS5,
   * PostgreSQL's tsvector), which the other never runs. The snapshots list it under these
   * dialects only, and compiling it for another is an error.
   */
  readonly dialects?: readonly Dialect[];
}

/**
 * Defines a statement. `build` runs once per dialect, on first use. Its parameters' types are
 * given as `P`; a list of keys is typed as an array and read through `q.keys` or `q.keyList`.
 */
export function statement<P = NoParams, Row = unknown>(
  name: string,
  build: (q: StatementBuilder<P>) => Built<Row>,
  { dialects = DIALECTS }: StatementOptions = {},
): Statement<P, Row> {
  if (registry.has(name)) throw new Error(`Two statements are named ${name}.`);
  const compiledBy = new Map<Dialect, CompiledStatement>();
  const compiled = (dialect: Dialect): CompiledStatement => {
    if (!dialects.includes(dialect)) throw new Error(`${name} is not written for ${dialect}.`);
    let result = compiledBy.get(dialect);
    if (!result) compiledBy.set(dialect, (result = compile(dialect, build)));
    return result;
  };
  const defined: Statement<P, Row> = {
    name,
    dialects,
    compiled,
    bind(dialect, params) {
      return compiled(dialect).slots.map((slot) =>
        'constant' in slot ? slot.constant : bindParam(dialect, slot.param, params as Record<string, unknown>),
      );
    },
  };
  registry.set(name, defined as unknown as Statement<never, unknown>);
  return defined;
}

/**
 * Defines one statement per variant (a shape that differs in its SQL, such as the viewer's
 * visibility or a sort order), each compiled once; all of them appear in the snapshots.
 */
export function statementVariants<Variant extends string, P = NoParams, Row = unknown>(
  name: string,
  variants: readonly Variant[],
  build: (q: StatementBuilder<P>, variant: Variant) => Built<Row>,
  options: StatementOptions = {},
): Record<Variant, Statement<P, Row>> {
  const byVariant = {} as Record<Variant, Statement<P, Row>>;
  for (const variant of variants)
    byVariant[variant] = statement<P, Row>(`${name}[${variant}]`, (q) => build(q, variant), options);
  return byVariant;
}

function compile<P>(dialect: Dialect, build: (q: StatementBuilder<P>) => Built<unknown>): CompiledStatement {
  const db = compilers[dialect];
  const p = new Proxy({} as StatementBuilder<P>['p'], { get: (_, name) => new ParamMarker(String(name)) });
  // SQLite reads a key list as a JSON array; PostgreSQL as an array of its element type.
  const list = (name: string, type: KeyType) =>
    dialect === 'sqlite'
      ? sql`json_each(${new ParamMarker(name, type)})`
      : sql`unnest(${new ParamMarker(name, type)}::${sql.raw(type === 'text' ? 'text' : 'bigint')}[])`;
  const builder: StatementBuilder<P> = {
    db,
    dialect,
    p,
    keys: (name, type = 'integer') =>
      (dialect === 'sqlite' ? sql`${list(name, type)}` : sql`(SELECT ${list(name, type)} AS value)`).as('k') as never,
    keyList: (name, type = 'integer') =>
      (dialect === 'sqlite'
        ? sql`(SELECT value FROM ${list(name, type)})`
        : sql`(SELECT ${list(name, type)})`) as never,
  };
  const built = build(builder);
  const query =
    'compile' in built && typeof built.compile === 'function' && !isRawBuilder(built)
      ? built.compile()
      : (built as RawBuilder<unknown>).compile(db);
  const slots: Slot[] = query.parameters.map((value) =>
    value instanceof ParamMarker ? { param: value } : { constant: value },
  );
  return { sql: query.sql, slots };
}

function isRawBuilder(value: unknown): value is RawBuilder<unknown> {
  return typeof value === 'object' && value !== null && (value as { isRawBuilder?: boolean }).isRawBuilder === true;
}

/** The compile-only Kysely of a dialect (tests compile ad-hoc inspection queries with it). */
export function compilerFor(dialect: Dialect): Kysely<Tables> {
  return compilers[dialect];
}

function bindParam(dialect: Dialect, marker: ParamMarker, params: Record<string, unknown>): unknown {
  if (!(marker.name in params)) throw new Error(`Parameter ${marker.name} is missing.`);
  const value = params[marker.name];
  if (marker.list) {
    if (!Array.isArray(value)) throw new Error(`Parameter ${marker.name} is a list.`);
    return dialect === 'sqlite' ? JSON.stringify(value) : value;
  }
  return value;
}

export { sql };
