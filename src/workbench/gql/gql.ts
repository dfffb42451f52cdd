/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminUnmappedImportedRatings {\n    unmappedImportedRatings {\n      alternateName\n      factChecks\n      firstSeenAt\n    }\n  }\n": typeof types.AdminUnmappedImportedRatingsDocument,
    "\n  mutation AdminSetImportedRatingMapping($input: SetImportedRatingMappingInput!) {\n    setImportedRatingMapping(input: $input) {\n      alternateName\n      verdict\n      factChecks\n    }\n  }\n": typeof types.AdminSetImportedRatingMappingDocument,
    "\n  query AdminRatingScale {\n    ratingScale {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n": typeof types.AdminRatingScaleDocument,
    "\n  mutation AdminCreateRating($input: CreateRatingInput!) {\n    createRating(input: $input) {\n      id\n      label\n    }\n  }\n": typeof types.AdminCreateRatingDocument,
    "\n  mutation AdminUpdateRating($input: UpdateRatingInput!) {\n    updateRating(input: $input) {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n": typeof types.AdminUpdateRatingDocument,
    "\n  mutation AdminDeleteRating($input: DeleteRatingInput!) {\n    deleteRating(input: $input) {\n      deletedRatingId\n      ratingScale {\n        id\n        position\n      }\n    }\n  }\n": typeof types.AdminDeleteRatingDocument,
    "\n  mutation AdminReorderRatings($input: ReorderRatingsInput!) {\n    reorderRatings(input: $input) {\n      id\n      position\n    }\n  }\n": typeof types.AdminReorderRatingsDocument,
    "\n  query AdminTopics($after: String) {\n    topics(first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.AdminTopicsDocument,
    "\n  mutation AdminCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.AdminCreateTopicDocument,
    "\n  mutation AdminUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n      updatedAt\n    }\n  }\n": typeof types.AdminUpdateTopicDocument,
    "\n  mutation AdminDeleteTopic($input: DeleteTopicInput!) {\n    deleteTopic(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AdminDeleteTopicDocument,
    "\n  query AdminUsers {\n    users {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminRevokeSessionDocument,
    "\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": typeof types.AdminSetUserRoleDocument,
    "\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.AdminCreateTokenDocument,
    "\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      id\n      label\n      tokenPrefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.AdminRevokeTokenDocument,
    "\n  query AdminWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      status\n      eventTypes\n      createdAt\n      deliveredThroughEventId\n      failedAttempts\n      failingSince\n      nextAttemptAt\n      deliveries(first: 20) {\n        id\n        eventId\n        attempt\n        attemptedAt\n        statusCode\n        error\n        succeeded\n        redelivery\n        latencyMs\n      }\n    }\n  }\n": typeof types.AdminWebhookEndpointsDocument,
    "\n  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": typeof types.AdminCreateWebhookEndpointDocument,
    "\n  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        description\n        status\n        eventTypes\n      }\n    }\n  }\n": typeof types.AdminUpdateWebhookEndpointDocument,
    "\n  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n": typeof types.AdminDeleteWebhookEndpointDocument,
    "\n  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AdminRedeliverWebhookEventDocument,
    "\n  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      id\n      status\n      deliveredThroughEventId\n    }\n  }\n": typeof types.AdminReplayWebhookEventsDocument,
    "\n  query AccountViewer {\n    viewer {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.AccountViewerDocument,
    "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n": typeof types.AccountChangePasswordDocument,
    "\n  mutation AccountRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n": typeof types.AccountRevokeSessionDocument,
    "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": typeof types.QueueViewerDocument,
};
const documents: Documents = {
    "\n  query AdminUnmappedImportedRatings {\n    unmappedImportedRatings {\n      alternateName\n      factChecks\n      firstSeenAt\n    }\n  }\n": types.AdminUnmappedImportedRatingsDocument,
    "\n  mutation AdminSetImportedRatingMapping($input: SetImportedRatingMappingInput!) {\n    setImportedRatingMapping(input: $input) {\n      alternateName\n      verdict\n      factChecks\n    }\n  }\n": types.AdminSetImportedRatingMappingDocument,
    "\n  query AdminRatingScale {\n    ratingScale {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n": types.AdminRatingScaleDocument,
    "\n  mutation AdminCreateRating($input: CreateRatingInput!) {\n    createRating(input: $input) {\n      id\n      label\n    }\n  }\n": types.AdminCreateRatingDocument,
    "\n  mutation AdminUpdateRating($input: UpdateRatingInput!) {\n    updateRating(input: $input) {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n": types.AdminUpdateRatingDocument,
    "\n  mutation AdminDeleteRating($input: DeleteRatingInput!) {\n    deleteRating(input: $input) {\n      deletedRatingId\n      ratingScale {\n        id\n        position\n      }\n    }\n  }\n": types.AdminDeleteRatingDocument,
    "\n  mutation AdminReorderRatings($input: ReorderRatingsInput!) {\n    reorderRatings(input: $input) {\n      id\n      position\n    }\n  }\n": types.AdminReorderRatingsDocument,
    "\n  query AdminTopics($after: String) {\n    topics(first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          updatedAt\n        }\n      }\n    }\n  }\n": types.AdminTopicsDocument,
    "\n  mutation AdminCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": types.AdminCreateTopicDocument,
    "\n  mutation AdminUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n      updatedAt\n    }\n  }\n": types.AdminUpdateTopicDocument,
    "\n  mutation AdminDeleteTopic($input: DeleteTopicInput!) {\n    deleteTopic(input: $input) {\n      id\n      name\n    }\n  }\n": types.AdminDeleteTopicDocument,
    "\n  query AdminUsers {\n    users {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n": types.AdminRevokeSessionDocument,
    "\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": types.AdminSetUserRoleDocument,
    "\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.AdminCreateTokenDocument,
    "\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      id\n      label\n      tokenPrefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.AdminRevokeTokenDocument,
    "\n  query AdminWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      status\n      eventTypes\n      createdAt\n      deliveredThroughEventId\n      failedAttempts\n      failingSince\n      nextAttemptAt\n      deliveries(first: 20) {\n        id\n        eventId\n        attempt\n        attemptedAt\n        statusCode\n        error\n        succeeded\n        redelivery\n        latencyMs\n      }\n    }\n  }\n": types.AdminWebhookEndpointsDocument,
    "\n  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": types.AdminCreateWebhookEndpointDocument,
    "\n  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        description\n        status\n        eventTypes\n      }\n    }\n  }\n": types.AdminUpdateWebhookEndpointDocument,
    "\n  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n": types.AdminDeleteWebhookEndpointDocument,
    "\n  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      id\n      status\n    }\n  }\n": types.AdminRedeliverWebhookEventDocument,
    "\n  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      id\n      status\n      deliveredThroughEventId\n    }\n  }\n": types.AdminReplayWebhookEventsDocument,
    "\n  query AccountViewer {\n    viewer {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.AccountViewerDocument,
    "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n": types.AccountChangePasswordDocument,
    "\n  mutation AccountRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n": types.AccountRevokeSessionDocument,
    "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": types.QueueViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUnmappedImportedRatings {\n    unmappedImportedRatings {\n      alternateName\n      factChecks\n      firstSeenAt\n    }\n  }\n"): (typeof documents)["\n  query AdminUnmappedImportedRatings {\n    unmappedImportedRatings {\n      alternateName\n      factChecks\n      firstSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetImportedRatingMapping($input: SetImportedRatingMappingInput!) {\n    setImportedRatingMapping(input: $input) {\n      alternateName\n      verdict\n      factChecks\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetImportedRatingMapping($input: SetImportedRatingMappingInput!) {\n    setImportedRatingMapping(input: $input) {\n      alternateName\n      verdict\n      factChecks\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRatingScale {\n    ratingScale {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n"): (typeof documents)["\n  query AdminRatingScale {\n    ratingScale {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateRating($input: CreateRatingInput!) {\n    createRating(input: $input) {\n      id\n      label\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateRating($input: CreateRatingInput!) {\n    createRating(input: $input) {\n      id\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateRating($input: UpdateRatingInput!) {\n    updateRating(input: $input) {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateRating($input: UpdateRatingInput!) {\n    updateRating(input: $input) {\n      id\n      position\n      label\n      description\n      colour\n      verdict\n      value\n      best\n      worst\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteRating($input: DeleteRatingInput!) {\n    deleteRating(input: $input) {\n      deletedRatingId\n      ratingScale {\n        id\n        position\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeleteRating($input: DeleteRatingInput!) {\n    deleteRating(input: $input) {\n      deletedRatingId\n      ratingScale {\n        id\n        position\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReorderRatings($input: ReorderRatingsInput!) {\n    reorderRatings(input: $input) {\n      id\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReorderRatings($input: ReorderRatingsInput!) {\n    reorderRatings(input: $input) {\n      id\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTopics($after: String) {\n    topics(first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          updatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTopics($after: String) {\n    topics(first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          updatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteTopic($input: DeleteTopicInput!) {\n    deleteTopic(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeleteTopic($input: DeleteTopicInput!) {\n    deleteTopic(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers {\n    users {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers {\n    users {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      id\n      label\n      tokenPrefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      id\n      label\n      tokenPrefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      status\n      eventTypes\n      createdAt\n      deliveredThroughEventId\n      failedAttempts\n      failingSince\n      nextAttemptAt\n      deliveries(first: 20) {\n        id\n        eventId\n        attempt\n        attemptedAt\n        statusCode\n        error\n        succeeded\n        redelivery\n        latencyMs\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      status\n      eventTypes\n      createdAt\n      deliveredThroughEventId\n      failedAttempts\n      failingSince\n      nextAttemptAt\n      deliveries(first: 20) {\n        id\n        eventId\n        attempt\n        attemptedAt\n        statusCode\n        error\n        succeeded\n        redelivery\n        latencyMs\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        description\n        status\n        eventTypes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        description\n        status\n        eventTypes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      id\n      status\n      deliveredThroughEventId\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      id\n      status\n      deliveredThroughEventId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountViewer {\n    viewer {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountViewer {\n    viewer {\n      id\n      name\n      email\n      role\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        method\n        userAgent\n        current\n      }\n      apiTokens {\n        id\n        label\n        tokenPrefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AccountRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query QueueViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;