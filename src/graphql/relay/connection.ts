import type { ClassType } from 'type-graphql';
import { ArgsType, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../domain/errors';
import { encodeCursor, type KeysetPosition } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Checks `first` and returns the page size. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0) throw badUserInput('`first` must not be negative.', 'first');
  if (first > MAX_PAGE_SIZE)
    throw badUserInput(`\`first\` must be at most ${MAX_PAGE_SIZE}.`, 'first', { max: MAX_PAGE_SIZE });
  return first;
}

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Always false: lists page forward only.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when asked for: called by the connection type's field resolver. */
  totalCount: () => Promise<number>;
}

/**
 * The field resolvers of every connection type, for buildSchema. A field whose value is a
 * function must have a resolver that calls it: graphql-js's default resolver would call it,
 * the compiled executor (graphql-jit) reads fields without a resolver as plain values.
 */
export const CONNECTION_RESOLVERS: ClassType[] = [];

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionType<T extends object>(name: string, nodeType: ClassType<T>): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Items in the whole list, all pages.' })
    totalCount: number;
  }

  @Resolver(() => ConnectionType)
  class ConnectionResolver {
    @FieldResolver()
    totalCount(@Root() connection: Connection<T>): Promise<number> {
      return connection.totalCount();
    }
  }
  CONNECTION_RESOLVERS.push(ConnectionResolver);
  return ConnectionType as unknown as ClassType<Connection<T>>;
}

/**
 * Builds a page from SQL rows fetched with LIMIT size + 1: the extra row only tells whether a
 * next page exists. Cursors come from the SQL row (raw sort values), nodes from `toNode`.
 */
export function toConnection<SqlRow, Node>(
  rows: SqlRow[],
  size: number,
  scope: string,
  positionOf: (row: SqlRow) => KeysetPosition,
  toNode: (row: SqlRow) => Node,
  totalCount: () => Promise<number>,
): Connection<Node> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(scope, positionOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
