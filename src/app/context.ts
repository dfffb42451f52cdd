import type { EventBus } from '../events/change-events';
import type { EventLog } from '../events/event-log';
import type { RequestInfo } from '../http/observability';
import type { PointInTimeLoaders } from '../modules/article/point-in-time.loaders';
import type { Viewer } from '../modules/auth/viewer';
import type { Visibility } from '../modules/auth/visibility';
import type { AnnotationLoaders } from '../modules/annotation/annotation.loaders';
import type { AnnotationService } from '../modules/annotation/annotation.service';
import type { HistoryLoaders } from '../modules/annotation/history.loaders';
import type { ArticleHistoryLoaders } from '../modules/article/article-history.loaders';
import type { ArticleLoaders } from '../modules/article/article.loaders';
import type { ArticleEditService } from '../modules/article/article-edit.service';
import type { ArticleService } from '../modules/article/article.service';
import type { AuthService } from '../modules/auth/auth.service';
import type { SignInService } from '../modules/auth/sign-in.service';
import type { AppearanceLoaders } from '../modules/appearance/appearance.loaders';
import type { ClaimLoaders } from '../modules/claim/claim.loaders';
import type { ClaimService } from '../modules/claim/claim.service';
import type { ClaimantLoaders } from '../modules/claimant/claimant.loaders';
import type { ClaimantService } from '../modules/claimant/claimant.service';
import type { MatchingService } from '../modules/matching/matching.service';
import type { SearchService } from '../modules/search/search.service';
import type { SourceLoaders } from '../modules/source/source.loaders';
import type { SourceService } from '../modules/source/source.service';
import type { RatingLoaders } from '../modules/rating/rating.loaders';
import type { RatingService } from '../modules/rating/rating.service';
import type { TopicLoaders } from '../modules/topic/topic.loaders';
import type { TopicService } from '../modules/topic/topic.service';
import type { WebhookService } from '../modules/webhook/webhook.service';
import type { UserLoaders } from '../modules/user/user.loaders';
import type { UserService } from '../modules/user/user.service';

export type Loaders = ArticleLoaders &
  ArticleHistoryLoaders &
  ClaimLoaders &
  AppearanceLoaders &
  ClaimantLoaders &
  AnnotationLoaders &
  HistoryLoaders &
  SourceLoaders &
  RatingLoaders &
  UserLoaders &
  TopicLoaders;

export interface Services {
  auth: AuthService;
  signIn: SignInService;
  articles: ArticleService;
  articleEdits: ArticleEditService;
  claims: ClaimService;
  claimants: ClaimantService;
  ratings: RatingService;
  sources: SourceService;
  annotations: AnnotationService;
  users: UserService;
  search: SearchService;
  matching: MatchingService;
  topics: TopicService;
  webhooks: WebhookService;
}

/** What every resolver receives. Loaders are per request and never shared between requests. */
export interface AppContext {
  viewer: Viewer;
  visibility: Visibility;
  loaders: Loaders;
  /** Loaders of point-in-time reads, one set per moment asked for in the request. */
  at(asOf: Date): PointInTimeLoaders;
  services: Services;
  /** Committed changes as they commit, for subscriptions. */
  events: EventBus;
  /** Committed changes kept, for subscriptions resuming from an earlier event. */
  eventLog: EventLog;
  /**
   * Fresh loaders, same viewer. A subscription keeps one context for its lifetime and calls
   * this before each event, so no event is answered from rows cached for an earlier one.
   */
  renew(): void;
  /** The HTTP request this operation came in (absent when executed without HTTP). */
  request?: RequestInfo;
}
