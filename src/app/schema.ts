import { callPlainFieldResolversDirectly } from '../graphql/direct-field-resolvers';
import { type GraphQLSchema, isAbstractType } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { CONNECTION_RESOLVERS } from '../graphql/relay/connection';
import { NodeResolver } from './node.resolver';
import { typeNameOf } from '../graphql/relay/node.type';
import { AnnotationMutations } from '../modules/annotation/annotation.mutations';
import { AnnotationResolver } from '../modules/annotation/annotation.resolver';
import { AnnotationRevisionResolver, CorrectionResolver } from '../modules/annotation/history.resolver';
import { ArticleResolver } from '../modules/article/article.resolver';
import { authChecker } from '../modules/auth/auth-checker';
import {
  ArticleAppearanceResolver,
  ArticleAppearancesResolver,
  ClaimAppearancesResolver,
  OutsideAppearanceResolver,
} from '../modules/appearance/appearance.resolver';
import { ClaimResolver } from '../modules/claim/claim.resolver';
import { ClaimantResolver } from '../modules/claimant/claimant.resolver';
import { RatingResolver } from '../modules/rating/rating.resolver';
import { ArticleSuggestionsResolver, MatchingResolver } from '../modules/matching/matching.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import { SearchHitResolver, SearchResolver } from '../modules/search/search.resolver';
import { SourceResolver } from '../modules/source/source.resolver';
import { ArticleTopicsResolver, ClaimTopicsResolver, TopicResolver } from '../modules/topic/topic.resolver';
import { WebhookResolver } from '../modules/webhook/webhook.resolver';
import { ApiTokenResolver, SessionResolver, UserResolver } from '../modules/user/user.resolver';

/** The API's schema: every module's resolvers, composed here. */
export const RESOLVERS = [
  NodeResolver,
  ArticleResolver,
  ClaimResolver,
  ClaimAppearancesResolver,
  ArticleAppearanceResolver,
  OutsideAppearanceResolver,
  ArticleAppearancesResolver,
  ClaimantResolver,
  RatingResolver,
  AnnotationResolver,
  AnnotationMutations,
  AnnotationRevisionResolver,
  CorrectionResolver,
  SourceResolver,
  UserResolver,
  ApiTokenResolver,
  SessionResolver,
  SearchResolver,
  SearchHitResolver,
  LiveResolver,
  MatchingResolver,
  ArticleSuggestionsResolver,
  TopicResolver,
  ArticleTopicsResolver,
  ClaimTopicsResolver,
  WebhookResolver,
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
  const schema = await buildSchema({
    // The connection types are declared as the resolvers above load, and with them their resolvers.
    resolvers: [...RESOLVERS, ...CONNECTION_RESOLVERS],
    pubSub: NO_TOPICS,
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
  });
  // type-graphql wraps every resolveType in an async function: a promise per abstract value,
  // and one graphql-jit cannot take. Rows carry their type name, read synchronously.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = typeNameOf;
  }
  callPlainFieldResolversDirectly(schema);
  return schema;
}
