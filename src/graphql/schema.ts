import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AnnotationMutations } from '../modules/annotation/annotation.mutations';
import { AnnotationResolver } from '../modules/annotation/annotation.resolver';
import { AnnotationRevisionResolver, CorrectionResolver } from '../modules/annotation/history.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { ApiTokenResolver, UserResolver } from '../modules/user/user.resolver';
import { ArticleResolver } from '../modules/article/article.resolver';
import { ClaimResolver } from '../modules/claim/claim.resolver';
import { SourceResolver } from '../modules/source/source.resolver';
import { authChecker } from './auth-checker';
import { NodeResolver } from './relay/node.resolver';

export const RESOLVERS = [
  NodeResolver,
  ArticleResolver,
  ClaimResolver,
  AnnotationResolver,
  AnnotationMutations,
  AnnotationRevisionResolver,
  CorrectionResolver,
  SourceResolver,
  UserResolver,
  ApiTokenResolver,
  SearchResolver,
  LiveResolver,
] as const;

/**
 * type-graphql refuses to build subscriptions without a PubSub, even when, as here, each one
 * brings its own `subscribe` reading the event bus of the context's database (a schema serves
 * any database). This one is never used.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('factline publishes through Database.events, not type-graphql topics');
  },
  subscribe() {
    throw new Error('factline subscriptions read Database.events, not type-graphql topics');
  },
};

export async function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub: NO_TOPICS,
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
  });
}

/** The SDL as committed: sorted, so reordering code does not count as drift. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
