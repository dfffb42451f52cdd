import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLList,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Fields only staff may read: anonymous callers are refused (UNAUTHENTICATED) rather than
 * answered, so everyField leaves them out and the oracles read them on their own, as staff.
 */
export const STAFF_ONLY_FIELDS: ReadonlySet<string> = new Set(['Article.suggestedClaims']);

/**
 * A selection of every field of `typeName`, and of the objects under it, generated from the
 * schema: a field added tomorrow is read by the oracles without anyone listing it. A type
 * already on the path is not entered again, and the walk stops at `depth` levels. A field
 * below the root that needs an argument fails loudly: a new read path the oracle cannot call
 * must be given a way to be called.
 */
export function everyField(
  schema: GraphQLSchema,
  typeName: string,
  depth: number,
  path: string[] = [],
  aliasPrefix = '',
): string {
  const type = schema.getType(typeName);
  if (!type) throw new Error(`no type ${typeName}`);
  if (isAbstractType(type)) {
    // Each possible type's fields under aliases of their own: the same name may have another type elsewhere.
    const parts = schema
      .getPossibleTypes(type)
      .map(
        (possible) =>
          `... on ${possible.name} { ${everyField(schema, possible.name, depth, path, `${possible.name}_`)} }`,
      );
    return `__typename ${parts.join(' ')}`;
  }
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const selections: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (STAFF_ONLY_FIELDS.has(`${typeName}.${field.name}`)) continue;
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (required.length > 0)
      throw new Error(
        `${typeName}.${field.name} needs arguments (${required.map((arg) => arg.name).join(', ')}): teach the oracle how to call it`,
      );
    const named = getNamedType(field.type);
    const name = aliasPrefix ? `${aliasPrefix}${field.name}: ${field.name}` : field.name;
    if (isLeafType(named)) {
      selections.push(name);
      continue;
    }
    if (depth <= 1 || path.includes(named.name)) continue;
    selections.push(`${name} { ${everyField(schema, named.name, depth - 1, [...path, typeName])} }`);
  }
  return selections.join(' ');
}

/** Every string in a JSON answer, for the oracles to look for markers in. */
export function textOf(value: unknown): string {
  return JSON.stringify(value);
}

/** `Type.field` for every field a document selects, fragments on abstract types included. */
export function selectedFields(schema: GraphQLSchema, document: string): Set<string> {
  const typeInfo = new TypeInfo(schema);
  const fields = new Set<string>();
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) fields.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return fields;
}

/** `Type.field` for every field of every object type a reader can reach from the query and subscription roots. */
export function reachableFields(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  const seen = new Set<string>();
  const enter = (typeName: string) => {
    if (seen.has(typeName)) return;
    seen.add(typeName);
    const type = schema.getType(typeName);
    if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) enter(possible.name);
    if (!isObjectType(type)) return;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('__')) continue;
      fields.add(`${typeName}.${field.name}`);
      const named = getNamedType(field.type);
      if (!isLeafType(named)) enter(named.name);
    }
  };
  for (const root of [schema.getQueryType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const named = getNamedType(field.type);
      if (!isLeafType(named)) enter(named.name);
    }
  }
  return fields;
}

/**
 * `Type.field(argument)` for every argument of every read path (the query and subscription
 * roots and every field a reader can reach), and `Type.field(argument.field)` for each field
 * of an input object, nested ones too: an argument narrows or reorders what is answered, often
 * with SQL of its own, so each is a read path the oracles must take.
 */
export function everyArgument(schema: GraphQLSchema): Set<string> {
  const found = new Set<string>();
  const enterInput = (prefix: string, type: GraphQLInputType, seen: string[]) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.includes(named.name)) return;
    for (const field of Object.values(named.getFields())) {
      found.add(`${prefix}.${field.name}`);
      enterInput(`${prefix}.${field.name}`, field.type, [...seen, named.name]);
    }
  };
  const enterField = (typeName: string, field: GraphQLField<unknown, unknown>) => {
    for (const arg of field.args) {
      const prefix = `${typeName}.${field.name}(${arg.name}`;
      found.add(`${prefix})`);
      enterInput(prefix, arg.type, []);
    }
  };
  for (const root of [schema.getQueryType(), schema.getSubscriptionType()])
    for (const field of Object.values(root?.getFields() ?? {})) enterField(root!.name, field);
  for (const name of reachableFields(schema)) {
    const [typeName, fieldName] = name.split('.');
    enterField(typeName, (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]);
  }
  return new Set([...found].map((key) => (key.endsWith(')') ? key : `${key})`)));
}

/** The arguments (as everyArgument names them) an operation gives a value other than null. */
export function argumentsGiven(
  schema: GraphQLSchema,
  document: string,
  variables: Record<string, unknown> = {},
): Set<string> {
  const given = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const walkValue = (prefix: string, type: GraphQLInputType, value: unknown) => {
    if (value === null || value === undefined) return;
    given.add(`${prefix})`);
    if (isListType(type) || (isNonNullType(type) && isListType(type.ofType))) {
      const item = (isNonNullType(type) ? (type.ofType as GraphQLList<GraphQLInputType>) : type).ofType;
      for (const element of value as unknown[]) walkValue(prefix, item, element);
      return;
    }
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const field = named.getFields()[key];
      if (field) walkValue(`${prefix}.${key}`, field.type, inner);
    }
  };
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const arg = typeInfo.getArgument();
        if (!parent || !field || !arg) return;
        walkValue(`${parent.name}.${field.name}(${arg.name}`, arg.type, valueFromAST(node.value, arg.type, variables));
      },
    }),
  );
  return given;
}
