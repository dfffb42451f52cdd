import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  BREAK,
  execute,
  type DocumentNode,
  GraphQLError,
  visit,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
  getOperationAST,
  getVariableValues,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompileQueries } from '../config';

/**
 * Executes queries through graphql-jit once they repeat, everything else through graphql-js.
 *
 * graphql-js interprets each query field by field: for a large document such as the article
 * page that is a large share of a request's CPU (getArgumentValues for every field, path and
 * info objects, a promise per object). graphql-jit compiles a document once into a function
 * that does only what that document needs, which runs it much faster.
 *
 * What stays with graphql-js, on purpose:
 * - the first execution of a document: compiling a document costs more than running it once,
 *   and a client sending a stream of distinct documents must not make the server compile each
 *   one;
 * - mutations (their serial execution and error paths are the reviewers' guarantees, and they
 *   are a small share of requests) and subscriptions (served by graphql-ws, not here);
 * - invalid variables: the errors are graphql-js's own, so clients see the same messages and
 *   Apollo the same BAD_USER_INPUT classification whichever executor runs the document;
 * - documents with string literals (`article(slug: "x")`; variables are fine). graphql-jit 0.8
 *   writes literal arguments into the generated code and then rewrites marker strings in it
 *   (its stand-in for Date values) with a regular expression: a string literal that starts with
 *   the marker becomes JavaScript the server runs. Text reaches compiled code only as variables.
 *   The check finds string literals anywhere, inside input objects and lists too.
 */
export class CompiledExecutor {
  /**
   * Per operation of a parsed document (Apollo keeps one document per query text in its store).
   * Keyed by the operation node, never by a client-chosen name: unknown names record nothing.
   */
  private readonly operations = new WeakMap<OperationDefinitionNode, Compiled>();
  /**
   * Documents with a compiled operation, by the query text Apollo parsed them from: what the
   * compiled-query lane (src/http/compiled-query-lane.ts) looks requests up in. Bounded, oldest
   * out: the texts are the clients'.
   */
  private readonly bySource = new Map<string, DocumentNode>();
  /** Documents compiled, for tests and metrics. */
  compiledCount = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly mode: CompileQueries = 'repeated',
  ) {}

  execute(args: {
    document: DocumentNode;
    source?: string;
    operationName?: string | null;
    variables?: Record<string, unknown>;
    context: unknown;
  }): Promise<ExecutionResult> | ExecutionResult {
    const { document, context } = args;
    const operationName = args.operationName ?? undefined;
    const variables = args.variables ?? {};
    const compiled = this.compiledFor(document, operationName);
    if (!compiled)
      return execute({
        schema: this.schema,
        document,
        operationName,
        variableValues: variables,
        contextValue: context,
      });
    if (args.source !== undefined) this.remember(args.source, document);
    // graphql-jit coerces variables too, but with messages of its own: refuse bad ones here.
    const coercion = getVariableValues(this.schema, compiled.variableDefinitions, variables, { maxErrors: 50 });
    if (coercion.errors) return { errors: coercion.errors };
    const result = compiled.query.query(undefined, context, variables);
    return isPromise(result) ? result.then(withGraphqlJsErrors) : withGraphqlJsErrors(result);
  }

  /** Apollo's executor hook (the gateway interface): the schema as given, our execution. */
  asGateway(): GatewayInterface {
    const schema = this.schema;
    const executor: GatewayExecutor = (request) =>
      this.execute({
        document: request.document,
        source: request.source,
        // As the client sent it: Apollo's own field is the resolved operation's name.
        operationName: request.request.operationName,
        variables: request.request.variables,
        context: request.context,
      }) as ReturnType<GatewayExecutor>;
    return {
      async load() {
        return { schema, executor };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => {};
      },
      async stop() {},
    };
  }

  /**
   * The compiled operation of a query text Apollo has parsed, validated and run before, or
   * null (never seen, not compiled, or no such operation in it).
   */
  compiledForSource(source: string, operationName: string | undefined): CompiledOperation | null {
    const document = this.bySource.get(source);
    if (!document) return null;
    const operation = getOperationAST(document, operationName);
    const entry = operation ? this.operations.get(operation) : undefined;
    if (!operation || entry?.kind !== 'compiled') return null;
    return {
      document,
      operation,
      operationName: operation.name?.value,
      query: entry.query,
      variableDefinitions: entry.variableDefinitions,
    };
  }

  private remember(source: string, document: DocumentNode): void {
    if (this.bySource.get(source) === document) return;
    this.bySource.delete(source);
    this.bySource.set(source, document);
    if (this.bySource.size > MAX_REMEMBERED_SOURCES) this.bySource.delete(this.bySource.keys().next().value as string);
  }

  /** The compiled query once the operation has run before, or null to run it with graphql-js. */
  private compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQueryState | null {
    if (this.mode === 'off') return null;
    const operation = getOperationAST(document, operationName);
    if (!operation) return null;
    const entry = this.operations.get(operation);
    if (!entry && this.mode === 'repeated') {
      this.operations.set(operation, { kind: 'seen' });
      return null;
    }
    if (entry?.kind === 'compiled') return entry;
    if (entry?.kind === 'interpreted') return null;
    // Second execution: compile, or settle for graphql-js if this is not a query graphql-jit takes.
    const query =
      operation.operation === 'query' && !hasStringLiteral(document) && !hasReservedVariableName(operation)
        ? tryCompile(this.schema, document, operation)
        : null;
    if (!query) {
      this.operations.set(operation, { kind: 'interpreted' });
      return null;
    }
    this.compiledCount += 1;
    const state: CompiledQueryState = {
      kind: 'compiled',
      query,
      variableDefinitions: operation.variableDefinitions ?? [],
    };
    this.operations.set(operation, state);
    return state;
  }
}

/** A compiled query, or null where graphql-jit refuses or fails: graphql-js answers those. */
function tryCompile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CompiledQuery | null {
  try {
    const query = compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: true });
    return isCompiledQuery(query) ? query : null;
  } catch {
    return null;
  }
}

/**
 * `$__proto__` and kin: graphql-jit reads variables as plain object properties, graphql-js
 * through its own coercion, and the two disagree on such names. graphql-js keeps them.
 */
function hasReservedVariableName(operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((definition) => definition.variable.name.value.startsWith('__'));
}

function hasStringLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * graphql-jit's errors only look like graphql-js's: without `extensions` unless the original
 * error had some (Apollo reads `error.extensions.code` and fails on them). The same error as
 * graphql-js would have reported: message, path, locations, original error and its extensions.
 */
function withGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) => {
    const converted = new GraphQLError(error.message, {
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
    (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
    return converted;
  });
  return { ...result, errors };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/** Query texts the lane can find: more distinct documents than real clients send. */
const MAX_REMEMBERED_SOURCES = 1000;

export interface CompiledOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
  query: CompiledQuery;
  variableDefinitions: readonly VariableDefinitionNode[];
}

interface CompiledQueryState {
  kind: 'compiled';
  query: CompiledQuery;
  variableDefinitions: readonly VariableDefinitionNode[];
}

type Compiled = { kind: 'seen' } | { kind: 'interpreted' } | CompiledQueryState;
