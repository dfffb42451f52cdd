import type { ChangeEventType, LoggedEvent, StaffEventType } from '../events/change-events';
import { toGlobalId } from '../graphql/relay/global-id';

/**
 * The event types as webhooks name them (Standard Webhooks' dotted `type`): the public ones
 * (the review workflow's staff events are never public, so never delivered).
 */
export const WEBHOOK_EVENT_TYPE: Record<Exclude<ChangeEventType, StaffEventType>, string> = {
  annotationPublished: 'fact_check.published',
  annotationCorrected: 'fact_check.corrected',
  annotationRetracted: 'fact_check.retracted',
  claimVerdictChanged: 'claim.verdict_changed',
  articlePublished: 'article.published',
  articleCorrected: 'article.corrected',
  articleWithdrawn: 'article.withdrawn',
  appearanceAdded: 'claim.appearance_added',
};

/** The id a delivery carries (`webhook-id`): the same for every attempt at one event, so receivers can drop repeats. */
export function webhookId(event: LoggedEvent): string {
  return `evt_${event.eventId}`;
}

/**
 * A delivery's body: `type`, `timestamp` (when the change committed) and `data`, the event's
 * public facts: global ids of what it is about (as the GraphQL API names them), links to the
 * claim's page, and its verdicts and note. Only public events are delivered, so all of it is
 * what readers could see when it committed.
 */
export function webhookBody(event: LoggedEvent, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const data: Record<string, unknown> = { eventId: String(event.eventId) };
  if (event.articleId !== null) data.article = { id: toGlobalId('Article', event.articleId) };
  if (event.claimId !== null) {
    const id = toGlobalId('Claim', event.claimId);
    data.claim = { id, url: `${base}/claims/${id}` };
  }
  if (event.annotationId !== null) data.factCheck = { id: toGlobalId('Annotation', event.annotationId) };
  if (event.appearanceId !== null)
    data.appearance = {
      id: toGlobalId(
        event.details.appearance === 'outside' ? 'OutsideAppearance' : 'ArticleAppearance',
        event.appearanceId,
      ),
      ...(typeof event.details.url === 'string' ? { url: event.details.url } : {}),
    };
  for (const key of ['verdict', 'previousVerdict', 'note', 'reason', 'rating', 'revision'] as const)
    if (event.details[key] !== undefined) data[key === 'reason' ? 'note' : key] = event.details[key];
  const type = WEBHOOK_EVENT_TYPE[event.type as Exclude<ChangeEventType, StaffEventType>];
  if (!type) throw new Error(`${event.type} events are never delivered: they are never public.`);
  return JSON.stringify({ type, timestamp: event.occurredAt, data });
}
