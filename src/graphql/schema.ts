import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnnotationResolver } from '../modules/annotation/annotation.resolver';
import { ArticleResolver } from '../modules/article/article.resolver';
import { ClaimResolver } from '../modules/claim/claim.resolver';
import { SourceResolver } from '../modules/source/source.resolver';
import { NodeResolver } from './relay/node.resolver';

export const RESOLVERS = [NodeResolver, ArticleResolver, ClaimResolver, AnnotationResolver, SourceResolver] as const;

export async function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}

/** The SDL as committed: sorted, so reordering code does not count as drift. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
