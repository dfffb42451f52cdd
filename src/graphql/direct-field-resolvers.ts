import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Metadata = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Metadata['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
/** A resolver class instance: its methods by name. */
type ResolverInstance = Record<string, unknown>;
type ResolverClass = new () => ResolverInstance;

/**
 * Calls plain field resolvers without type-graphql's per-call wrapper.
 *
 * type-graphql resolves each field through a generic handler that, on every call, allocates
 * its arguments, sorts and maps the parameter list and runs the middleware chain, empty or not.
 * An article page calls field resolvers hundreds of times. Where a field resolver has no
 * middleware and no role, and takes only the parent as it is (`@Root()` of no class type), the
 * context and the resolve info, this calls the same method of the resolver class with the
 * same arguments directly. Everything else (arguments, which type-graphql converts and
 * validates; roles; a `@Root()` converted to a class) keeps type-graphql's handler.
 */
export function callPlainFieldResolversDirectly(schema: GraphQLSchema): number {
  const metadata = getMetadataStorage();
  const instances = new Map<ResolverClass, ResolverInstance>();
  let replaced = 0;
  for (const resolver of metadata.fieldResolvers) {
    const typeName = objectTypeNameOf(metadata, resolver);
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[resolver.schemaName];
    if (!field?.resolve) continue;
    const direct = directResolver(resolver, instances);
    if (!direct) continue;
    field.resolve = direct;
    replaced += 1;
  }
  return replaced;
}

function objectTypeNameOf(metadata: Metadata, resolver: FieldResolverMetadata): string | undefined {
  const target = resolver.getObjectType?.();
  return metadata.objectTypes.find((objectType) => objectType.target === target)?.name;
}

function directResolver(
  resolver: FieldResolverMetadata,
  instances: Map<ResolverClass, ResolverInstance>,
): GraphQLFieldResolver<unknown, unknown> | null {
  if (resolver.kind !== 'external' || (resolver.middlewares?.length ?? 0) > 0 || resolver.roles) return null;
  const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
  if (!params.every(isPlainParam)) return null;
  const target = resolver.target as ResolverClass;
  let instance = instances.get(target);
  if (!instance) instances.set(target, (instance = new target()));
  const method = instance[resolver.methodName];
  if (typeof method !== 'function') return null;
  const bound = (method as (...values: unknown[]) => unknown).bind(instance);
  const kinds = params.map((param) => param.kind).join(',');
  // The shapes the service's resolvers take, spelled out so each call is a plain call.
  if (kinds === 'root') return (root) => bound(root);
  if (kinds === 'root,context') return (root, _args, context) => bound(root, context);
  if (kinds === 'context,root') return (root, _args, context) => bound(context, root);
  return (root, _args, context, info) =>
    bound(...params.map((param) => (param.kind === 'root' ? root : param.kind === 'context' ? context : info)));
}

/** The parent as it is, the whole context, or the resolve info: nothing type-graphql converts. */
function isPlainParam(param: ParamMetadata): boolean {
  if (param.kind === 'info') return true;
  if (param.kind === 'context') return !param.propertyName;
  if (param.kind === 'root') return !param.propertyName && !param.getType;
  return false;
}
