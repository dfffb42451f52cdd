import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { ChangeEventType, LoggedEvent } from '../../events/change-events';
import { DateTime } from '../../graphql/date-time';
import { Annotation } from '../annotation/annotation.types';
import type { AnnotationRow } from '../annotation/annotation.rows';
import { Verdict } from '../annotation/verdict';
import { ClaimAppearance } from '../appearance/appearance.types';
import { Article } from '../article/article.types';
import type { ArticleRow } from '../article/article.rows';
import { ClaimType } from '../claim/claim.types';
import type { ClaimRow } from '../claim/claim.rows';

/** The event types as the API names them. */
export enum NewsroomEventType {
  FACT_CHECK_PUBLISHED = 'FACT_CHECK_PUBLISHED',
  FACT_CHECK_CORRECTED = 'FACT_CHECK_CORRECTED',
  FACT_CHECK_RETRACTED = 'FACT_CHECK_RETRACTED',
  CLAIM_VERDICT_CHANGED = 'CLAIM_VERDICT_CHANGED',
  ARTICLE_PUBLISHED = 'ARTICLE_PUBLISHED',
  ARTICLE_CORRECTED = 'ARTICLE_CORRECTED',
  ARTICLE_WITHDRAWN = 'ARTICLE_WITHDRAWN',
  APPEARANCE_ADDED = 'APPEARANCE_ADDED',
  FACT_CHECK_SUBMITTED = 'FACT_CHECK_SUBMITTED',
  FACT_CHECK_RETURNED = 'FACT_CHECK_RETURNED',
}

registerEnumType(NewsroomEventType, {
  name: 'NewsroomEventType',
  description: 'A kind of change the event log records.',
  valuesConfig: {
    FACT_CHECK_SUBMITTED: {
      description:
        'Staff only: a fact-check sent for review (its author and editors hear of it; never anonymous subscribers or webhooks).',
    },
    FACT_CHECK_RETURNED: {
      description:
        "Staff only: an editor sent a fact-check IN_REVIEW back to its author as a DRAFT; `note` is the editor's comment (its author and editors hear of it; never anonymous subscribers or webhooks).",
    },
  },
});

export const API_EVENT_TYPE: Record<ChangeEventType, NewsroomEventType> = {
  annotationPublished: NewsroomEventType.FACT_CHECK_PUBLISHED,
  annotationCorrected: NewsroomEventType.FACT_CHECK_CORRECTED,
  annotationRetracted: NewsroomEventType.FACT_CHECK_RETRACTED,
  claimVerdictChanged: NewsroomEventType.CLAIM_VERDICT_CHANGED,
  articlePublished: NewsroomEventType.ARTICLE_PUBLISHED,
  articleCorrected: NewsroomEventType.ARTICLE_CORRECTED,
  articleWithdrawn: NewsroomEventType.ARTICLE_WITHDRAWN,
  appearanceAdded: NewsroomEventType.APPEARANCE_ADDED,
  annotationSubmitted: NewsroomEventType.FACT_CHECK_SUBMITTED,
  annotationReturned: NewsroomEventType.FACT_CHECK_RETURNED,
};

export const LOG_EVENT_TYPE = Object.fromEntries(
  Object.entries(API_EVENT_TYPE).map(([logType, apiType]) => [apiType, logType]),
) as Record<NewsroomEventType, ChangeEventType>;

/** An event with what it is about, as the subscriber's viewer sees it when it is delivered. */
export interface NewsroomEventRow {
  event: LoggedEvent;
  article: ArticleRow | null;
  claim: ClaimRow | null;
  annotation: AnnotationRow | null;
  appearance: { __typename: string } | null;
}

@ObjectType('NewsroomEvent', {
  description:
    'A committed change from the event log. Resume a subscription after a reconnect by passing the last `eventId` received as `after`.',
})
export class NewsroomEvent {
  @Field(() => String, { description: 'Its place in the log: ids grow in commit order.' })
  eventId: string;

  @Field(() => NewsroomEventType)
  type: NewsroomEventType;

  @Field(() => DateTime)
  occurredAt: string;

  @Field(() => Article, {
    nullable: true,
    description: 'The article it happened on, as you may see it now (null once you may not, as after a withdrawal).',
  })
  article: ArticleRow | null;

  @Field(() => ClaimType, { nullable: true })
  claim: ClaimRow | null;

  @Field(() => Annotation, { nullable: true, description: 'The fact-check, for FACT_CHECK_* events.' })
  annotation: AnnotationRow | null;

  @Field(() => ClaimAppearance, { nullable: true, description: 'The new place, for APPEARANCE_ADDED.' })
  appearance: { __typename: string } | null;

  @Field(() => Verdict, {
    nullable: true,
    description: "The verdict the change made: the fact-check's, or the claim's (null: no verdict any more).",
  })
  verdict: Verdict | null;

  @Field(() => Verdict, { nullable: true, description: 'The verdict before the change, where it changed one.' })
  previousVerdict: Verdict | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The public note of a correction, retraction or withdrawal; for FACT_CHECK_RETURNED, the editor's comment to the author.",
  })
  note: string | null;
}
