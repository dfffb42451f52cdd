import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as KyselyModule from 'kysely';
import type { AliasedRawBuilder, Compilable, Kysely, RawBuilder, Sql } from 'kysely';
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
 *
 * Kysely is needed only to compile. `npm run build` compiles every statement ahead of time
 * (src/cli/compile-statements.ts) into `statements.compiled.json` beside this module's build,
 * and a built service reads that file and never loads Kysely: loading it measurably slows the
 * service on one core (docs/ARCHITECTURE.md, "Measured reasons"). Run from source (the tests),
 * or when that file is missing or stale, statements compile on first use. So query layers take
 * `sql` from this module, which loads Kysely on its first call, and build nothing with it at
 * module scope.
 */
export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

let kyselyModule: typeof KyselyModule | undefined;

function kysely(): typeof KyselyModule {
  // Required on first use rather than imported, so that a built service never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (kyselyModule ??= require('kysely') as typeof KyselyModule);
}

/** Kysely's `sql` template tag, loading Kysely on its first use (call it inside a statement's build). */
export const sql: Sql = new Proxy((() => undefined) as unknown as Sql, {
  apply: (_target, thisArg, args) => Reflect.apply(kysely().sql, thisArg, args),
  get: (_target, key) => Reflect.get(kysely().sql, key),
});

const compilers = new Map<Dialect, Kysely<Tables>>();

/** The compile-only Kysely of a dialect: it has no connection, the executors run the SQL. */
export function compilerFor(dialect: Dialect): Kysely<Tables> {
  let compiler = compilers.get(dialect);
  if (!compiler) {
    const k = kysely();
    compiler = new k.Kysely<Tables>({
      dialect: {
        createAdapter: () => (dialect === 'sqlite' ? new k.SqliteAdapter() : new k.PostgresAdapter()),
        createDriver: () => new k.DummyDriver(),
        createIntrospector: (db) =>
          dialect === 'sqlite' ? new k.SqliteIntrospector(db) : new k.PostgresIntrospector(db),
        createQueryCompiler: () => (dialect === 'sqlite' ? new k.SqliteQueryCompiler() : new k.PostgresQueryCompiler()),
      },
    });
    compilers.set(dialect, compiler);
  }
  return compiler;
}

/** A named parameter's place in a statement while it is built; `list` parameters hold a list of keys. */
class ParamMarker {
  constructor(
    readonly name: string,
    readonly list: KeyType | null = null,
  ) {}
}

/** The type of the keys in a list parameter (ids are integers). */
export type KeyType = 'integer' | 'text';

/**
 * One value of a compiled statement: a constant written into the statement, or a named
 * parameter (a list of keys when `list` is set). Plain data, so compiled statements can be
 * stored as JSON.
 */
type Slot = { param: string; list: KeyType | null } | { constant: string | number | boolean | null };

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
  /** Compiles it with Kysely, ignoring any precompiled file (the build step that writes that file). */
  compileFromSource(dialect: Dialect): CompiledStatement;
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
  const compileFromSource = (dialect: Dialect): CompiledStatement => {
    if (!dialects.includes(dialect)) throw new Error(`${name} is not written for ${dialect}.`);
    return compile(dialect, build);
  };
  const compiled = (dialect: Dialect): CompiledStatement => {
    let result = compiledBy.get(dialect);
    if (!result) {
      result = precompiled()?.[name]?.[dialect] ?? compileFromSource(dialect);
      compiledBy.set(dialect, result);
    }
    return result;
  };
  const defined: Statement<P, Row> = {
    name,
    dialects,
    compiled,
    compileFromSource,
    bind(dialect, params) {
      return compiled(dialect).slots.map((slot) =>
        'constant' in slot ? slot.constant : bindParam(dialect, slot, params as Record<string, unknown>),
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
  const db = compilerFor(dialect);
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
  const slots = query.parameters.map((value): Slot => {
    if (value instanceof ParamMarker) return { param: value.name, list: value.list };
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
      throw new Error(`A constant of type ${typeof value} cannot be precompiled: make it a parameter.`);
    return { constant: value as string | number | boolean | null };
  });
  return { sql: query.sql, slots };
}

function isRawBuilder(value: unknown): value is RawBuilder<unknown> {
  return typeof value === 'object' && value !== null && (value as { isRawBuilder?: boolean }).isRawBuilder === true;
}

function bindParam(
  dialect: Dialect,
  { param, list }: { param: string; list: KeyType | null },
  params: Record<string, unknown>,
): unknown {
  if (!(param in params)) throw new Error(`Parameter ${param} is missing.`);
  const value = params[param];
  if (list) {
    if (!Array.isArray(value)) throw new Error(`Parameter ${param} is a list.`);
    return dialect === 'sqlite' ? JSON.stringify(value) : value;
  }
  return value;
}

/**
 * The statements compiled by the build, and the fingerprint of the built modules they were
 * compiled from: a build changed since (a bare `tsc`) no longer matches, and its statements
 * compile on first use instead.
 */
export interface PrecompiledStatements {
  /** The built modules the statements were compiled from, relative to the file's folder's parent. */
  readonly sources: readonly string[];
  readonly fingerprint: string;
  readonly statements: Record<string, Partial<Record<Dialect, CompiledStatement>>>;
}

export const PRECOMPILED_FILE = path.join(__dirname, 'statements.compiled.json');

let precompiledStatements: PrecompiledStatements['statements'] | null | undefined;

function precompiled(): PrecompiledStatements['statements'] | null {
  if (precompiledStatements === undefined) precompiledStatements = readPrecompiled(PRECOMPILED_FILE);
  return precompiledStatements;
}

/** The statements of a precompiled file, or null when there is none or it is stale. */
export function readPrecompiled(file: string): PrecompiledStatements['statements'] | null {
  if (!fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as PrecompiledStatements;
  const root = path.dirname(path.dirname(file));
  return fingerprintOf(root, stored.sources) === stored.fingerprint ? stored.statements : null;
}

/** Every statement compiled for each dialect it is written for, with the fingerprint of `sources`. */
export function precompileAll(root: string, sources: readonly string[]): PrecompiledStatements {
  const statements: PrecompiledStatements['statements'] = {};
  for (const defined of allStatements())
    statements[defined.name] = Object.fromEntries(
      defined.dialects.map((dialect) => [dialect, defined.compileFromSource(dialect)]),
    );
  return { sources, fingerprint: fingerprintOf(root, sources), statements };
}

function fingerprintOf(root: string, sources: readonly string[]): string {
  const hash = createHash('sha256');
  for (const source of sources) {
    const file = path.join(root, source);
    hash
      .update(source)
      .update('\0')
      .update(fs.existsSync(file) ? fs.readFileSync(file) : 'missing')
      .update('\0');
  }
  return hash.digest('hex');
}
