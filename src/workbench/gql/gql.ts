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
    "\n  fragment StaffSessionFields on Session {\n    id\n    createdAt\n    lastSeenAt\n    expiresAt\n    method\n    userAgent\n    current\n  }\n": typeof types.StaffSessionFieldsFragmentDoc,
    "\n  fragment StaffApiTokenFields on ApiToken {\n    id\n    label\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.StaffApiTokenFieldsFragmentDoc,
    "\n  fragment StaffAccountFields on User {\n    id\n    name\n    email\n    role\n    sessions {\n      ...StaffSessionFields\n    }\n    apiTokens {\n      ...StaffApiTokenFields\n    }\n  }\n": typeof types.StaffAccountFieldsFragmentDoc,
    "\n  mutation StaffRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n": typeof types.StaffRevokeSessionDocument,
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
    "\n  query AdminUsers {\n    users {\n      ...StaffAccountFields\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": typeof types.AdminSetUserRoleDocument,
    "\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        ...StaffApiTokenFields\n      }\n    }\n  }\n": typeof types.AdminCreateTokenDocument,
    "\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      ...StaffApiTokenFields\n    }\n  }\n": typeof types.AdminRevokeTokenDocument,
    "\n  query AdminWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      status\n      eventTypes\n      createdAt\n      deliveredThroughEventId\n      failedAttempts\n      failingSince\n      nextAttemptAt\n      deliveries(first: 20) {\n        id\n        eventId\n        attempt\n        attemptedAt\n        statusCode\n        error\n        succeeded\n        redelivery\n        latencyMs\n      }\n    }\n  }\n": typeof types.AdminWebhookEndpointsDocument,
    "\n  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": typeof types.AdminCreateWebhookEndpointDocument,
    "\n  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        description\n        status\n        eventTypes\n      }\n    }\n  }\n": typeof types.AdminUpdateWebhookEndpointDocument,
    "\n  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n": typeof types.AdminDeleteWebhookEndpointDocument,
    "\n  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AdminRedeliverWebhookEventDocument,
    "\n  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      id\n      status\n      deliveredThroughEventId\n    }\n  }\n": typeof types.AdminReplayWebhookEventsDocument,
    "\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.ArticleAddAppearanceDocument,
    "\n  fragment ExistingClaimFields on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n  }\n": typeof types.ExistingClaimFieldsFragmentDoc,
    "\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n": typeof types.FactCheckEditorFieldsFragmentDoc,
    "\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n": typeof types.FactCheckEditorDocument,
    "\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": typeof types.FactCheckEditorSaveDocument,
    "\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": typeof types.FactCheckEditorSubmitDocument,
    "\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FactCheckEditorSourcesDocument,
    "\n  query AccountViewer {\n    viewer {\n      ...StaffAccountFields\n    }\n  }\n": typeof types.AccountViewerDocument,
    "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n": typeof types.AccountChangePasswordDocument,
    "\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          ...ExistingClaimFields\n        }\n      }\n    }\n  }\n": typeof types.ArticleForWorkbenchDocument,
    "\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        ...ExistingClaimFields\n      }\n    }\n  }\n": typeof types.ArticleClaimMatchesDocument,
    "\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ArticleClaimantsDocument,
    "\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n": typeof types.ArticleCreateClaimDocument,
    "\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n": typeof types.ArticleDismissSuggestionDocument,
    "\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n": typeof types.ArticlesForWorkbenchDocument,
    "\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n": typeof types.ClaimForWorkbenchDocument,
    "\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n": typeof types.ClaimMergeCandidatesDocument,
    "\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n": typeof types.ClaimMergeLookupDocument,
    "\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClaimMergeSideFragmentDoc,
    "\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n": typeof types.ClaimCreateFactCheckDocument,
    "\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n": typeof types.ClaimMergeDocument,
    "\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n": typeof types.ClaimConfirmAnchorDocument,
    "\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n": typeof types.ClaimReattachDocument,
    "\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n": typeof types.QueueFactCheckFieldsFragmentDoc,
    "\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n": typeof types.QueueFactChecksDocument,
    "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n": typeof types.QueueClaimFieldsFragmentDoc,
    "\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n": typeof types.QueueStaleVerdictsDocument,
    "\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueueLostAnchorsDocument,
    "\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QueueSuggestionsDocument,
    "\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n": typeof types.QueueEventsDocument,
    "\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReviewFactCheckDocument,
    "\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.ReviewPublishDocument,
    "\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n": typeof types.ReviewReturnDocument,
    "\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n": typeof types.ReviewRetractDocument,
};
const documents: Documents = {
    "\n  fragment StaffSessionFields on Session {\n    id\n    createdAt\n    lastSeenAt\n    expiresAt\n    method\n    userAgent\n    current\n  }\n": types.StaffSessionFieldsFragmentDoc,
    "\n  fragment StaffApiTokenFields on ApiToken {\n    id\n    label\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.StaffApiTokenFieldsFragmentDoc,
    "\n  fragment StaffAccountFields on User {\n    id\n    name\n    email\n    role\n    sessions {\n      ...StaffSessionFields\n    }\n    apiTokens {\n      ...StaffApiTokenFields\n    }\n  }\n": types.StaffAccountFieldsFragmentDoc,
    "\n  mutation StaffRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n": types.StaffRevokeSessionDocument,
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
    "\n  query AdminUsers {\n    users {\n      ...StaffAccountFields\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n": types.AdminSetUserRoleDocument,
    "\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        ...StaffApiTokenFields\n      }\n    }\n  }\n": types.AdminCreateTokenDocument,
    "\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      ...StaffApiTokenFields\n    }\n  }\n": types.AdminRevokeTokenDocument,
    "\n  query AdminWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      status\n      eventTypes\n      createdAt\n      deliveredThroughEventId\n      failedAttempts\n      failingSince\n      nextAttemptAt\n      deliveries(first: 20) {\n        id\n        eventId\n        attempt\n        attemptedAt\n        statusCode\n        error\n        succeeded\n        redelivery\n        latencyMs\n      }\n    }\n  }\n": types.AdminWebhookEndpointsDocument,
    "\n  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": types.AdminCreateWebhookEndpointDocument,
    "\n  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        description\n        status\n        eventTypes\n      }\n    }\n  }\n": types.AdminUpdateWebhookEndpointDocument,
    "\n  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n": types.AdminDeleteWebhookEndpointDocument,
    "\n  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {\n    redeliverWebhookEvent(input: $input) {\n      id\n      status\n    }\n  }\n": types.AdminRedeliverWebhookEventDocument,
    "\n  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      id\n      status\n      deliveredThroughEventId\n    }\n  }\n": types.AdminReplayWebhookEventsDocument,
    "\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.ArticleAddAppearanceDocument,
    "\n  fragment ExistingClaimFields on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n  }\n": types.ExistingClaimFieldsFragmentDoc,
    "\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n": types.FactCheckEditorFieldsFragmentDoc,
    "\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n": types.FactCheckEditorDocument,
    "\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": types.FactCheckEditorSaveDocument,
    "\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n": types.FactCheckEditorSubmitDocument,
    "\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FactCheckEditorSourcesDocument,
    "\n  query AccountViewer {\n    viewer {\n      ...StaffAccountFields\n    }\n  }\n": types.AccountViewerDocument,
    "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n": types.AccountChangePasswordDocument,
    "\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          ...ExistingClaimFields\n        }\n      }\n    }\n  }\n": types.ArticleForWorkbenchDocument,
    "\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        ...ExistingClaimFields\n      }\n    }\n  }\n": types.ArticleClaimMatchesDocument,
    "\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ArticleClaimantsDocument,
    "\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n": types.ArticleCreateClaimDocument,
    "\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n": types.ArticleDismissSuggestionDocument,
    "\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n": types.ArticlesForWorkbenchDocument,
    "\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n": types.ClaimForWorkbenchDocument,
    "\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n": types.ClaimMergeCandidatesDocument,
    "\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n": types.ClaimMergeLookupDocument,
    "\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ClaimMergeSideFragmentDoc,
    "\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n": types.ClaimCreateFactCheckDocument,
    "\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n": types.ClaimMergeDocument,
    "\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n": types.ClaimConfirmAnchorDocument,
    "\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n": types.ClaimReattachDocument,
    "\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n": types.QueueFactCheckFieldsFragmentDoc,
    "\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n": types.QueueFactChecksDocument,
    "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n": types.QueueClaimFieldsFragmentDoc,
    "\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n": types.QueueStaleVerdictsDocument,
    "\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueueLostAnchorsDocument,
    "\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QueueSuggestionsDocument,
    "\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n": types.QueueEventsDocument,
    "\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n": types.ReviewFactCheckDocument,
    "\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.ReviewPublishDocument,
    "\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n": types.ReviewReturnDocument,
    "\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n": types.ReviewRetractDocument,
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
export function graphql(source: "\n  fragment StaffSessionFields on Session {\n    id\n    createdAt\n    lastSeenAt\n    expiresAt\n    method\n    userAgent\n    current\n  }\n"): (typeof documents)["\n  fragment StaffSessionFields on Session {\n    id\n    createdAt\n    lastSeenAt\n    expiresAt\n    method\n    userAgent\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffApiTokenFields on ApiToken {\n    id\n    label\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment StaffApiTokenFields on ApiToken {\n    id\n    label\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffAccountFields on User {\n    id\n    name\n    email\n    role\n    sessions {\n      ...StaffSessionFields\n    }\n    apiTokens {\n      ...StaffApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  fragment StaffAccountFields on User {\n    id\n    name\n    email\n    role\n    sessions {\n      ...StaffSessionFields\n    }\n    apiTokens {\n      ...StaffApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StaffRevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      id\n    }\n  }\n"];
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
export function graphql(source: "\n  query AdminUsers {\n    users {\n      ...StaffAccountFields\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers {\n    users {\n      ...StaffAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      id\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        ...StaffApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      secret\n      token {\n        ...StaffApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      ...StaffApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeToken($input: RevokeTokenInput!) {\n    revokeToken(input: $input) {\n      ...StaffApiTokenFields\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {\n    addClaimAppearance(input: $input) {\n      id\n      ... on ArticleAppearance {\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExistingClaimFields on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment ExistingClaimFields on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FactCheckEditorFields on Annotation {\n    id\n    status\n    version\n    summary\n    body\n    verdict\n    updatedAt\n    publishedAt\n    retractedAt\n    retractionReason\n    reviewComment\n    rating {\n      label\n      colour\n      description\n      imported\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      quote\n      article {\n        id\n        headline\n      }\n    }\n    citations {\n      excerpt\n      stance\n      source {\n        id\n        url\n        title\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n"): (typeof documents)["\n  query FactCheckEditor($id: ID!) {\n    annotation(id: $id) {\n      ...FactCheckEditorFields\n    }\n    ratingScale {\n      id\n      label\n      description\n      verdict\n      colour\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"): (typeof documents)["\n  mutation FactCheckEditorSave($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"): (typeof documents)["\n  mutation FactCheckEditorSubmit($input: AnnotationTransitionInput!) {\n    submitAnnotation(input: $input) {\n      ...FactCheckEditorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FactCheckEditorSources($after: String) {\n    sources(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          url\n          title\n          kind\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountViewer {\n    viewer {\n      ...StaffAccountFields\n    }\n  }\n"): (typeof documents)["\n  query AccountViewer {\n    viewer {\n      ...StaffAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          ...ExistingClaimFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleForWorkbench($id: ID!) {\n    article(id: $id) {\n      id\n      headline\n      standfirst\n      slug\n      status\n      body\n      revision\n      appearances {\n        id\n        quote\n        anchorStatus\n        anchorScore\n        verdictStale\n        selector {\n          start\n          end\n        }\n        claim {\n          id\n          text\n          verdict\n          article {\n            id\n            headline\n          }\n          claimant {\n            id\n            name\n          }\n          annotations {\n            id\n            status\n          }\n        }\n      }\n      suggestedClaims {\n        score\n        sentence {\n          text\n          start\n          end\n        }\n        claim {\n          ...ExistingClaimFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        ...ExistingClaimFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleClaimMatches($text: String!) {\n    claimMatches(text: $text, first: 5) {\n      score\n      claim {\n        ...ExistingClaimFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleClaimants {\n    claimants(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n"): (typeof documents)["\n  mutation ArticleCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {\n    dismissClaimSuggestion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlesForWorkbench($status: ArticleStatus) {\n    articles(first: 100, filter: { status: $status }) {\n      totalCount\n      edges {\n        node {\n          id\n          headline\n          status\n          publishedAt\n          claimCount\n          section\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n"): (typeof documents)["\n  query ClaimForWorkbench($id: ID!) {\n    claim(id: $id) {\n      id\n      text\n      language\n      verdict\n      verdictStale\n      claimant {\n        id\n        name\n      }\n      article {\n        id\n        headline\n        status\n      }\n      topics {\n        id\n        name\n      }\n      appearances(first: 100) {\n        totalCount\n        edges {\n          node {\n            __typename\n            id\n            ... on ArticleAppearance {\n              quote\n              anchorStatus\n              anchorScore\n              verdictStale\n              checkedRevision\n              article {\n                id\n                headline\n                status\n              }\n            }\n            ... on OutsideAppearance {\n              url\n              title\n              publisher\n              appearedAt\n            }\n          }\n        }\n      }\n      annotations {\n        id\n        status\n        summary\n        verdict\n        updatedAt\n        publishedAt\n        rating {\n          label\n        }\n        author {\n          id\n          name\n        }\n        revisions {\n          version\n          change\n          createdAt\n          note\n          actor {\n            name\n          }\n        }\n      }\n      corrections {\n        kind\n        createdAt\n        note\n        previousText\n        newText\n        previousVerdict\n        newVerdict\n      }\n    }\n    ratingScale {\n      id\n      label\n      verdict\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClaimMergeCandidates($text: String!) {\n    claimMatches(text: $text, first: 6) {\n      score\n      claim {\n        ...ClaimMergeSide\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n"): (typeof documents)["\n  query ClaimMergeLookup($id: ID!) {\n    claim(id: $id) {\n      ...ClaimMergeSide\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ClaimMergeSide on Claim {\n    id\n    text\n    verdict\n    article {\n      id\n      headline\n    }\n    annotations {\n      id\n      status\n    }\n    appearances(first: 100) {\n      totalCount\n      edges {\n        node {\n          __typename\n          id\n          ... on ArticleAppearance {\n            article {\n              id\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimMerge($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {\n    confirmClaimAnchor(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimReattach($input: ReattachClaimInput!) {\n    reattachClaim(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment QueueFactCheckFields on Annotation {\n    id\n    status\n    summary\n    verdict\n    updatedAt\n    reviewComment\n    rating {\n      label\n    }\n    author {\n      id\n      name\n    }\n    claim {\n      id\n      text\n      article {\n        id\n        headline\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueFactChecks($filter: AnnotationFilter!) {\n    annotations(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueFactCheckFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n"): (typeof documents)["\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    verdict\n    verdictStale\n    article {\n      id\n      headline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueStaleVerdicts {\n    claims(filter: { verdictStale: true }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueLostAnchors {\n    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {\n      totalCount\n      edges {\n        node {\n          ...QueueClaimFields\n          appearances(first: 20) {\n            edges {\n              node {\n                ... on ArticleAppearance {\n                  anchorStatus\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueSuggestions($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          id\n          headline\n          suggestedClaims {\n            score\n            sentence {\n              start\n              text\n            }\n            claim {\n              id\n              text\n              verdict\n              article {\n                id\n                headline\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n"): (typeof documents)["\n  subscription QueueEvents($types: [NewsroomEventType!]) {\n    events(types: $types) {\n      eventId\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewFactCheck($id: ID!) {\n    annotation(id: $id) {\n      id\n      status\n      version\n      verdict\n      summary\n      body\n      rating {\n        label\n        description\n      }\n      citations {\n        stance\n        excerpt\n        source {\n          id\n          title\n          url\n          publisher\n        }\n      }\n      claim {\n        id\n        text\n        article {\n          id\n          headline\n          slug\n        }\n        appearances(first: 1) {\n          edges {\n            node {\n              ... on ArticleAppearance {\n                quote\n              }\n            }\n          }\n        }\n      }\n      author {\n        id\n        name\n      }\n      contributors {\n        id\n        name\n      }\n      reviewComment\n      retractionReason\n      retractedAt\n      publishedAt\n      updatedAt\n      viewerCanPublish\n      publishBlockedReason\n      revisions {\n        version\n        change\n        status\n        createdAt\n        note\n        verdict\n        summary\n        body\n        actor {\n          name\n        }\n        rating {\n          label\n        }\n        citations {\n          stance\n          excerpt\n          source {\n            title\n            url\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewPublish($input: PublishAnnotationInput!) {\n    publishAnnotation(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewReturn($input: ReturnAnnotationInput!) {\n    returnAnnotation(input: $input) {\n      id\n      status\n      version\n      reviewComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewRetract($input: RetractAnnotationInput!) {\n    retractAnnotation(input: $input) {\n      id\n      status\n      version\n      retractionReason\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;