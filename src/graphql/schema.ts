import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnnotationMutations } from '../modules/annotation/annotation.mutations';
import { AnnotationResolver } from '../modules/annotation/annotation.resolver';
import { AnnotationRevisionResolver, CorrectionResolver } from '../modules/annotation/history.resolver';
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
] as const;

export async function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
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
