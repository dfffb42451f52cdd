import {
  getNamedType,
  type GraphQLSchema,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  TypeInfo,
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
