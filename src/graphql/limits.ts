import {
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './relay/connection';

/**
 * Abuse limits on GraphQL documents. Every refusal names its limit in
 * `extensions.limit` with `max` and `actual`; the formatter turns `limit` back into the
 * code below (Apollo overwrites validation codes with GRAPHQL_VALIDATION_FAILED).
 */
export const QUERY_LIMITS = {
  /** Fields on the longest path: Relay nesting (article > claims > fact-checks > citations > source) needs 8. */
  depth: 12,
  /**
   * Paths through `__schema`/`__type`: exactly what graphql-js's getIntrospectionQuery()
   * needs (`__schema types fields args type` then `ofType` nine deep). The schema is in
   * memory and holds no data, so a separate cap costs nothing and deeper is an attack.
   */
  introspectionDepth: 15,
  /** Estimated objects loaded (see `estimator`); a full 20-claim article costs ~850. */
  cost: 5000,
  /** Aliases written in the document. */
  aliases: 30,
  /** Directives written in the document (@skip/@include are the only executable ones). */
  directives: 10,
  /**
   * Fields, fragment spreads and inline fragments after expanding fragments: the
   * introspection query has 240; 500 copies of one field are an attack.
   */
  selections: 400,
  /** Parser tokens: the full introspection query has 184, the playground's examples fewer. */
  tokens: 3000,
  /**
   * Mutation fields in one operation (aliases make one request carry many): each is a write
   * and spends from the rate limit on its own (src/http/rate-limit.ts).
   */
  mutationFields: 10,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

/** The error code of each limit, as clients see it in `extensions.code`. */
export const QUERY_LIMIT_CODES: Readonly<Record<QueryLimit, string>> = {
  depth: 'QUERY_TOO_DEEP',
  introspectionDepth: 'QUERY_TOO_DEEP',
  cost: 'QUERY_TOO_COMPLEX',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  selections: 'TOO_MANY_FIELDS',
  tokens: 'QUERY_TOO_LARGE',
  mutationFields: 'TOO_MANY_MUTATIONS',
};

/** The parser stops at this many tokens: a huge document costs nothing to refuse. */
export const MAX_TOKENS = QUERY_LIMITS.tokens;

const LABELS: Record<QueryLimit, string> = {
  depth: 'Query depth',
  introspectionDepth: 'Introspection depth',
  cost: 'Query cost',
  aliases: 'Alias count',
  directives: 'Directive count',
  selections: 'Selection count',
  tokens: 'Token count',
  mutationFields: 'Mutation count',
};

const HINTS: Partial<Record<QueryLimit, string>> = {
  cost: ` Lists count once per item: ask for fewer items with \`first\` (a \`first\` from a variable counts as its maximum, ${MAX_PAGE_SIZE}) or for fewer nested lists.`,
  selections: ' Fields, fragment spreads and inline fragments count, after expanding fragments.',
  mutationFields: ' Send the changes in separate requests.',
};

export function isQueryLimit(value: unknown): value is QueryLimit {
  return typeof value === 'string' && Object.hasOwn(QUERY_LIMITS, value);
}

function limitError(limit: QueryLimit, actual: number, nodes?: ASTNode): GraphQLError {
  const max = QUERY_LIMITS[limit];
  return new GraphQLError(`${LABELS[limit]} ${actual} exceeds the limit of ${max}.${HINTS[limit] ?? ''}`, {
    nodes,
    extensions: { code: QUERY_LIMIT_CODES[limit], limit, max, actual },
  });
}

/**
 * One rule checks every limit when the document is entered, so its error comes first and
 * is still reported if graphql-js aborts validation later (it does on huge documents).
 * Only the first limit exceeded is reported: one clear error, not a cascade.
 */
export function queryLimitRules(schema: GraphQLSchema): ValidationRule[] {
  const rule: ValidationRule = (context) => ({
    Document(document) {
      const error = firstLimitExceeded(schema, document);
      if (error) context.reportError(error);
      return false;
    },
  });
  return [rule];
}

function firstLimitExceeded(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
    Directive() {
      directives += 1;
    },
  });
  if (aliases > QUERY_LIMITS.aliases) return limitError('aliases', aliases);
  if (directives > QUERY_LIMITS.directives) return limitError('directives', directives);

  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = fragmentsOf(document);
  for (const operation of operations) {
    const mutations = mutationFieldCount(operation, fragments);
    if (mutations > QUERY_LIMITS.mutationFields) return limitError('mutationFields', mutations, operation);
  }
  const shapes = operations.map((operation) => ({ operation, ...measure(operation.selectionSet, fragments) }));
  // NoFragmentCycles refuses cycles with a clear message; sizes measured around a cycle mean
  // nothing, and costing every path around one could take forever.
  if (shapes.some((shape) => shape.cyclic)) return null;
  for (const { operation, ...shape } of shapes) {
    if (shape.selections > QUERY_LIMITS.selections) return limitError('selections', shape.selections, operation);
    if (shape.depth > QUERY_LIMITS.depth) return limitError('depth', shape.depth, operation);
    if (shape.introspectionDepth > QUERY_LIMITS.introspectionDepth)
      return limitError('introspectionDepth', shape.introspectionDepth, operation);
  }
  for (const operation of operations) {
    const cost = worstCaseCost(schema, document, operation.name?.value);
    if (cost !== null && cost > QUERY_LIMITS.cost) return limitError('cost', cost, operation);
  }
  return null;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

/**
 * The mutation fields an operation runs at most: its top-level response keys after expanding
 * fragments (fields under one key merge into one execution), `__typename` aside, whatever
 * @skip/@include say. 0 for queries and subscriptions.
 */
export function mutationFieldCount(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  if (operation.operation !== 'mutation') return 0;
  const keys = new Set<string>();
  const expanded = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!expanded.has(selection.name.value)) {
        // Once each: a fragment spread again adds no field, and a cycle ends here.
        expanded.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return keys.size;
}

/** The mutation fields of the operation a request runs (see mutationFieldCount). */
export function operationMutationCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  return mutationFieldCount(operation, fragmentsOf(document));
}

// ---------------------------------------------------------------------------------------
// Shape: selections, depth, introspection depth — by name, never by operation or
// fragment name (a fragment called `__schema` gets no special treatment).

interface Shape {
  /** Selections after expanding fragments (capped so it stays a finite number). */
  selections: number;
  /** Fields on the longest path not entering `__schema`/`__type`. */
  depth: number;
  /** Fields on the longest path through `__schema`/`__type` (0: none). */
  introspectionDepth: number;
  cyclic: boolean;
}

/** The fields whose subtrees are introspection: matched by field name, never by alias. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Walks the operation expanding fragments. Each fragment is measured once (memo), so a
 * fragment spread a thousand times, or fragments spreading each other in a fan, cost one
 * walk; a fragment already on the path is a cycle and counts as empty, so the walk ends.
 */
function measure(root: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
  const memo = new Map<string, Shape>();
  const onPath = new Set<string>();
  let cyclic = false;
  const empty: Shape = { selections: 0, depth: 0, introspectionDepth: 0, cyclic: false };

  const spread = (name: string): Shape => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return empty; // KnownFragmentNames reports it
    if (onPath.has(name)) {
      cyclic = true;
      return empty;
    }
    onPath.add(name);
    const shape = walk(fragment.selectionSet);
    onPath.delete(name);
    memo.set(name, shape);
    return shape;
  };

  const walk = (set: SelectionSetNode): Shape => {
    const total = { ...empty };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const sub = selection.selectionSet ? walk(selection.selectionSet) : empty;
        total.selections += sub.selections;
        if (INTROSPECTION_FIELDS.has(selection.name.value)) {
          total.introspectionDepth = Math.max(
            total.introspectionDepth,
            1 + Math.max(sub.depth, sub.introspectionDepth),
          );
        } else {
          total.depth = Math.max(total.depth, 1 + sub.depth);
          if (sub.introspectionDepth > 0)
            total.introspectionDepth = Math.max(total.introspectionDepth, 1 + sub.introspectionDepth);
        }
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT ? walk(selection.selectionSet) : spread(selection.name.value);
        total.selections += inner.selections;
        total.depth = Math.max(total.depth, inner.depth);
        total.introspectionDepth = Math.max(total.introspectionDepth, inner.introspectionDepth);
      }
      total.selections = Math.min(total.selections + 1, Number.MAX_SAFE_INTEGER);
    }
    return total;
  };

  const shape = walk(root);
  return { ...shape, cyclic };
}

// ---------------------------------------------------------------------------------------
// Cost: graphql-query-complexity with estimates of how many objects the server may load.

/** Expected sizes of the lists that have no `first`: estimates for a busy newsroom, on the high side. */
const LIST_SIZES: Readonly<Record<string, number>> = {
  'Article.claims': 20,
  'Article.revisions': 5,
  'Article.corrections': 5,
  'Article.verdictSummary': 8, // one per verdict at most
  'Claim.annotations': 3,
  'Claim.corrections': 5,
  'Annotation.citations': 5,
  'Annotation.revisions': 5,
  'AnnotationRevision.citations': 5,
  'Snippet.highlights': 5,
};
const DEFAULT_LIST_SIZE = 10;

/** What one object of a field costs beyond 1: full-text search is heavier than a keyset page. */
const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.search': 10,
};

function variableArgument(node: FieldNode, name: string): boolean {
  return node.arguments?.some((arg) => arg.name.value === name && arg.value.kind === Kind.VARIABLE) ?? false;
}

/** `first` as the resolver will use it (pageSize() refuses anything outside 0..100). */
function clampPage(first: unknown): number {
  if (typeof first !== 'number') return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
}

/**
 * Scalars cost 0 (they come with their object); each object costs 1 (plus FIELD_COSTS);
 * a list multiplies its items' cost by its size: `first` for connections (their `edges`
 * then count once), the ids of `nodes`, LIST_SIZES otherwise. Introspection is in memory:
 * its lists count once. In `worstCase` (validation, before variables are known) a
 * `first` or `ids` given by a variable counts as the maximum a client could send.
 */
function estimator(worstCase: boolean): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    const key = `${type.name}.${field.name}`;
    const own = FIELD_COSTS[key] ?? 1;
    if (named.name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first')) {
      const first = worstCase && variableArgument(node, 'first') ? MAX_PAGE_SIZE : clampPage(args.first);
      return own + first * childComplexity;
    }
    if (!isListType(getNullableType(field.type))) return own + childComplexity;
    let size: number;
    if (named.name.startsWith('__') || (type.name.endsWith('Connection') && field.name === 'edges')) size = 1;
    else if (key === 'Query.nodes')
      size =
        worstCase && variableArgument(node, 'ids')
          ? MAX_PAGE_SIZE
          : Math.min(Array.isArray(args.ids) ? args.ids.length : 0, MAX_PAGE_SIZE);
    else size = LIST_SIZES[key] ?? DEFAULT_LIST_SIZE;
    return size * (own + childComplexity);
  };
}

function complexity(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  worstCase: boolean,
): number | null {
  try {
    return getComplexity({
      schema,
      query,
      operationName,
      variables,
      estimators: [estimator(worstCase)],
      // The selection limit is checked first; this only guards direct callers.
      maxQueryNodes: 10 * QUERY_LIMITS.selections,
    });
  } catch {
    // Arguments or variables that do not coerce: graphql-js's own rules refuse the document.
    return null;
  }
}

/**
 * The cost of an operation with its variables, for the rate limiter ("is this query
 * expensive?"). Variables that do not coerce (execution will refuse them) fall back to the
 * worst case validation uses; 0 when the document itself cannot be costed (it is invalid).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
): number {
  return (
    complexity(schema, document, operationName ?? undefined, variables ?? {}, false) ??
    worstCaseCost(schema, document, operationName ?? undefined) ??
    0
  );
}

/**
 * The cost whatever the variables: Apollo validates a document once and caches it for
 * every later request, so validation cannot depend on this request's variables. A
 * variable `first` counts as 100, a @skip/@include on a variable as included; other
 * variables get placeholder values of their type so the arguments coerce.
 */
export function worstCaseCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): number | null {
  // Apollo parses and validates a query string once and hands the same document to every
  // later request: the rate limiter's per-request question then costs a lookup.
  let bySchema = worstCaseMemo.get(schema);
  if (!bySchema) worstCaseMemo.set(schema, (bySchema = new WeakMap()));
  let byOperation = bySchema.get(document);
  if (!byOperation) bySchema.set(document, (byOperation = new Map()));
  const key = operationName ?? '';
  if (!byOperation.has(key)) byOperation.set(key, computeWorstCaseCost(schema, document, operationName));
  return byOperation.get(key) ?? null;
}

const worstCaseMemo = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number | null>>>();

function computeWorstCaseCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): number | null {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
  );
  if (!operation) return null;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && !definition.defaultValue) variables[definition.variable.name.value] = placeholder(type);
  }
  const included = visit(document, {
    Directive(node) {
      const condition = node.arguments?.find((arg) => arg.name.value === 'if');
      if ((node.name.value === 'skip' || node.name.value === 'include') && condition?.value.kind === Kind.VARIABLE)
        return null;
      return undefined;
    },
  });
  return complexity(schema, included, operationName, variables, true);
}

/** Some value `type` accepts; which one does not matter, only that arguments coerce. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const needed = type.isOneOf
      ? fields.slice(0, 1)
      : fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(needed.map((f) => [f.name, placeholder(f.type)]));
  }
  if (isScalarType(type)) {
    for (const candidate of [0, '', false, new Date(0).toISOString(), {}]) {
      try {
        if (type.parseValue(candidate) !== undefined) return candidate;
      } catch {
        // not this one
      }
    }
  }
  return null;
}
