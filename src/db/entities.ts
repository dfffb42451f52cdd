import { AnnotationRevisionEntity } from '../modules/annotation/annotation-revision.entity';
import { AnnotationMoveEntity } from '../modules/annotation/annotation-move.entity';
import { ImportedRatingMappingEntity } from '../modules/rating/imported-rating-mapping.entity';
import { RatingEntity } from '../modules/rating/rating.entity';
import { AnnotationEntity } from '../modules/annotation/annotation.entity';
import { CorrectionEntity } from '../modules/annotation/correction.entity';
import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { SessionEntity, SignInThrottleEntity } from '../modules/auth/session.entity';
import { CitationEntity } from '../modules/annotation/citation.entity';
import { ArticleRevisionEntity } from '../modules/article/article-revision.entity';
import { ArticleStatusChangeEntity } from '../modules/article/article-status-change.entity';
import { ArticleEntity } from '../modules/article/article.entity';
import { ClaimAnchorEntity } from '../modules/claim/claim-anchor.entity';
import { ClaimEntity } from '../modules/claim/claim.entity';
import { ClaimantEntity } from '../modules/claimant/claimant.entity';
import { OutsideAppearanceEntity } from '../modules/appearance/outside-appearance.entity';
import { ClaimSuggestionDismissalEntity } from '../modules/matching/claim-suggestion-dismissal.entity';
import { SourceEntity } from '../modules/source/source.entity';
import { ArticleTopicEntity, ClaimTopicEntity, TopicEntity } from '../modules/topic/topic.entity';
import { UserEntity } from '../modules/user/user.entity';
import { EventLogEntity, EventRetentionEntity } from '../events/event-log.entity';
import {
  WebhookAttemptEntity,
  WebhookEndpointEntity,
  WebhookRedeliveryEntity,
} from '../modules/webhook/webhook.entity';

/** Every table of the service; migrations must match these exactly (npm run check). */
export const ENTITIES = [
  UserEntity,
  ApiTokenEntity,
  ArticleEntity,
  ClaimEntity,
  SourceEntity,
  AnnotationEntity,
  CitationEntity,
  AnnotationRevisionEntity,
  AnnotationMoveEntity,
  RatingEntity,
  ImportedRatingMappingEntity,
  CorrectionEntity,
  ArticleRevisionEntity,
  ArticleStatusChangeEntity,
  ClaimAnchorEntity,
  ClaimantEntity,
  ClaimSuggestionDismissalEntity,
  OutsideAppearanceEntity,
  EventLogEntity,
  EventRetentionEntity,
  WebhookEndpointEntity,
  WebhookAttemptEntity,
  WebhookRedeliveryEntity,
  TopicEntity,
  ArticleTopicEntity,
  ClaimTopicEntity,
  SessionEntity,
  SignInThrottleEntity,
];
