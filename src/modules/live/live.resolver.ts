import { Arg, ID, Resolver, Root, type SubscribeResolverData, Subscription } from 'type-graphql';
import {
  CHANGE_EVENT_TYPES,
  type ChangeEventType,
  type EventFilter,
  type LoggedEvent,
  STAFF_EVENT_TYPES,
} from '../../events/change-events';
import { resumeEvents } from '../../events/event-log';
import type { AppContext } from '../../app/context';
import { badUserInput, DomainError, notFound, unauthenticated } from '../../domain/errors';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import { Annotation } from '../annotation/annotation.types';
import type { AnnotationRow } from '../annotation/annotation.rows';
import type { Verdict } from '../annotation/verdict';
import { claimAtPlace, toArticleAppearanceRow } from '../appearance/appearance.rows';
import { ClaimType } from '../claim/claim.types';
import type { ClaimRow } from '../claim/claim.rows';
import { API_EVENT_TYPE, LOG_EVENT_TYPE, NewsroomEvent, NewsroomEventType } from './live.types';

const ARTICLE_ID_FIELD = 'articleId';
const AFTER_FIELD = 'after';
const TYPES_FIELD = 'types';
const RESUME =
  'The `eventId` of the last event received: the subscription first delivers every matching event after it that the log still keeps (a reconnect loses nothing), then live ones.';
const DEPRECATED_FOR_EVENTS = 'Use `events`, whose events carry the `eventId` to resume from.';

const TOKEN_REVOKED =
  'The sign-in of this subscription was revoked, ended or its role changed: subscribe again with a valid one.';

type Data = SubscribeResolverData<unknown, Record<string, unknown>, AppContext>;

/** An `after` argument as a log id (decimal digits), checked against what the log keeps. */
async function resumeFrom(context: AppContext, value: unknown): Promise<number | null> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value))
    throw badUserInput('`after` is the eventId of an event received: decimal digits.', AFTER_FIELD);
  const after = Number(value);
  await context.eventLog.checkResumable(after, AFTER_FIELD);
  return after;
}

/**
 * The events matching `filter` (after `after`, then live), each turned by `load` into what it
 * announces as the subscriber's viewer sees it at delivery; events that viewer may not see are
 * skipped, and anonymous subscribers hear only events that were public when they committed.
 * Once the subscriber's token is revoked, the next event is an UNAUTHENTICATED error (the
 * resolver throws what it is given) and the stream ends.
 */
async function visibleEvents<Out>(
  { args, context }: Data,
  filter: EventFilter,
  load: (context: AppContext, event: LoggedEvent) => Promise<Out | null>,
): Promise<AsyncIterableIterator<Out | DomainError>> {
  if (filter.articleId !== null && !(await context.loaders.articleById.load(filter.articleId)))
    throw notFound('No such article.', ARTICLE_ID_FIELD);
  const after = await resumeFrom(context, args[AFTER_FIELD]);
  const source = resumeEvents(context.events, context.eventLog, filter, after);
  const anonymous = !context.viewer.user;
  // Hand-written, like the bus's own iterator: return() must end a subscription that is
  // waiting for its next event at once.
  const iterator: AsyncIterableIterator<Out | DomainError> = {
    async next(): Promise<IteratorResult<Out | DomainError>> {
      for (;;) {
        const event = await source.next();
        if (event.done) return { value: undefined, done: true };
        if (anonymous && !event.value.isPublic) continue;
        context.renew();
        if (!(await context.services.auth.stillSignedIn(context.viewer))) {
          // Ended here, so the next call finds the source done.
          await source.return?.();
          return { value: unauthenticated(TOKEN_REVOKED), done: false };
        }
        const row = await load(context, event.value);
        if (row) return { value: row, done: false };
      }
    },
    async return(): Promise<IteratorResult<Out>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function articleOf(args: Record<string, unknown>, required: boolean): number | null {
  const value = args[ARTICLE_ID_FIELD];
  if (value === undefined || value === null) {
    if (required) throw badUserInput('Name the article.', ARTICLE_ID_FIELD);
    return null;
  }
  return fromGlobalIdOf('Article', value as string, ARTICLE_ID_FIELD);
}

const verdictOf = (value: unknown) => (typeof value === 'string' ? (value as Verdict) : null);

/**
 * What an event is about as the subscriber's viewer sees it now, or null when that viewer may
 * not see what it is about (its article, claim, fact-check or new place). A withdrawal is
 * delivered without its article, which readers may no longer see, as the notice readers get.
 */
async function loadEvent(context: AppContext, event: LoggedEvent): Promise<NewsroomEvent | null> {
  const { loaders } = context;
  const [article, claim, annotation] = await Promise.all([
    event.articleId === null ? null : loaders.articleById.load(event.articleId),
    event.claimId === null ? null : loaders.claimById.load(event.claimId),
    event.annotationId === null ? null : loaders.annotationById.load(event.annotationId),
  ]);
  if (event.articleId !== null && !article && event.type !== 'articleWithdrawn') return null;
  if ((event.claimId !== null && !claim) || (event.annotationId !== null && !annotation)) return null;
  // The review workflow's events are a draft's history: its author's and the editors', even
  // once the fact-check is published and everyone may see it (an editor's comment stays theirs).
  if (
    STAFF_EVENT_TYPES.has(event.type) &&
    context.visibility.level !== 'editor' &&
    (annotation === null || annotation.authorId !== context.viewer.user?.id)
  )
    return null;
  let appearance: { __typename: string } | null = null;
  if (event.appearanceId !== null) {
    if (event.details.appearance === 'outside')
      appearance = await loaders.outsideAppearanceById.load(event.appearanceId);
    else {
      const place = await loaders.furtherPlaceById.load(event.appearanceId);
      appearance = place && claim ? toArticleAppearanceRow(claimAtPlace(claim, place)) : null;
    }
    if (!appearance) return null;
  }
  const { details } = event;
  return {
    eventId: String(event.eventId),
    type: API_EVENT_TYPE[event.type],
    occurredAt: event.occurredAt,
    article,
    claim,
    annotation,
    appearance,
    verdict: verdictOf(details.verdict),
    previousVerdict: verdictOf(details.previousVerdict),
    note: typeof details.note === 'string' ? details.note : typeof details.reason === 'string' ? details.reason : null,
  };
}

/** Live updates over WebSocket (graphql-ws on the GraphQL path; src/http/websocket.ts), read from the event log. */
@Resolver()
export class LiveResolver {
  @Subscription(() => NewsroomEvent, {
    description:
      'Changes from the event log as they commit: on one article (`articleId`) or the whole newsroom, of the `types` given (all by default). Anonymous subscribers hear only of what readers may see.',
    subscribe: (data: Data) => {
      const wanted = data.args[TYPES_FIELD] as NewsroomEventType[] | null | undefined;
      if (wanted && wanted.length === 0)
        throw badUserInput('Name at least one type, or leave `types` out.', TYPES_FIELD);
      const types: ChangeEventType[] = wanted ? wanted.map((type) => LOG_EVENT_TYPE[type]) : [...CHANGE_EVENT_TYPES];
      return visibleEvents(data, { types, articleId: articleOf(data.args, false) }, loadEvent);
    },
  })
  events(
    @Root() event: NewsroomEvent | DomainError,
    @Arg(ARTICLE_ID_FIELD, () => ID, { nullable: true }) _articleId: string | null,
    @Arg(TYPES_FIELD, () => [NewsroomEventType], { nullable: true }) _types: NewsroomEventType[] | null,
    @Arg(AFTER_FIELD, () => String, { nullable: true, description: RESUME }) _after: string | null,
  ): NewsroomEvent {
    if (event instanceof DomainError) throw event;
    return event;
  }

  @Subscription(() => Annotation, {
    description:
      "Each fact-check on one of the article's claims, as an editor publishes it. Anonymous subscribers follow published articles only.",
    deprecationReason: DEPRECATED_FOR_EVENTS,
    subscribe: (data: Data) =>
      visibleEvents(data, { types: ['annotationPublished'], articleId: articleOf(data.args, true) }, (ctx, event) =>
        ctx.loaders.annotationById.load(event.annotationId!),
      ),
  })
  annotationPublished(
    @Root() annotation: AnnotationRow | DomainError,
    @Arg(ARTICLE_ID_FIELD, () => ID) _articleId: string,
    @Arg(AFTER_FIELD, () => String, { nullable: true, description: RESUME }) _after: string | null,
  ): AnnotationRow {
    if (annotation instanceof DomainError) throw annotation;
    return annotation;
  }

  @Subscription(() => ClaimType, {
    description: 'Each claim of the article whose verdict changes: a fact-check published, corrected or retracted.',
    deprecationReason: DEPRECATED_FOR_EVENTS,
    subscribe: (data: Data) =>
      visibleEvents(data, { types: ['claimVerdictChanged'], articleId: articleOf(data.args, true) }, (ctx, event) =>
        ctx.loaders.claimById.load(event.claimId!),
      ),
  })
  claimVerdictChanged(
    @Root() claim: ClaimRow | DomainError,
    @Arg(ARTICLE_ID_FIELD, () => ID) _articleId: string,
    @Arg(AFTER_FIELD, () => String, { nullable: true, description: RESUME }) _after: string | null,
  ): ClaimRow {
    if (claim instanceof DomainError) throw claim;
    return claim;
  }
}
