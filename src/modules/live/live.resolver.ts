import { Arg, ID, Resolver, Root, type SubscribeResolverData, Subscription } from 'type-graphql';
import type { ChangeEvent, ChangeEventType } from '../../events/change-events';
import type { AppContext } from '../../app/context';
import { DomainError, notFound, unauthenticated } from '../../domain/errors';
import { fromGlobalIdOf } from '../../graphql/relay/global-id';
import { Annotation } from '../annotation/annotation.types';
import type { AnnotationRow } from '../annotation/annotation.rows';
import { ClaimType } from '../claim/claim.types';
import type { ClaimRow } from '../claim/claim.rows';

const ARTICLE_ID_FIELD = 'articleId';

const TOKEN_REVOKED = 'The API token of this subscription was revoked: reconnect with a valid one.';

/**
 * The events of `type` on the article named by the `articleId` argument, each turned into the
 * row it announces as the subscriber's viewer sees it now; events whose row that viewer may
 * not see are skipped. Refused with NOT_FOUND when the viewer cannot see the article itself.
 * Once the subscriber's token is revoked, the next event is an UNAUTHENTICATED error (the
 * resolver throws what it is given) and the stream ends.
 */
async function visibleEvents<T extends ChangeEventType, Row>(
  { args, context }: SubscribeResolverData<unknown, Record<string, unknown>, AppContext>,
  type: T,
  load: (context: AppContext, event: Extract<ChangeEvent, { type: T }>) => Promise<Row | null>,
): Promise<AsyncIterableIterator<Row | DomainError>> {
  const articleId = fromGlobalIdOf('Article', args[ARTICLE_ID_FIELD] as string, ARTICLE_ID_FIELD);
  if (!(await context.loaders.articleById.load(articleId))) throw notFound('No such article.', ARTICLE_ID_FIELD);
  const source = context.events.subscribe(type, articleId);
  // Hand-written, like the bus's own iterator: return() must end a subscription that is
  // waiting for its next event at once.
  const iterator: AsyncIterableIterator<Row | DomainError> = {
    async next(): Promise<IteratorResult<Row | DomainError>> {
      for (;;) {
        const event = await source.next();
        if (event.done) return { value: undefined, done: true };
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
    async return(): Promise<IteratorResult<Row>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Live updates over WebSocket (graphql-ws on the GraphQL path; src/http/websocket.ts). */
@Resolver()
export class LiveResolver {
  @Subscription(() => Annotation, {
    description:
      "Each fact-check on one of the article's claims, as an editor publishes it. Anonymous subscribers follow published articles only.",
    subscribe: (data: SubscribeResolverData<unknown, Record<string, unknown>, AppContext>) =>
      visibleEvents(data, 'annotationPublished', (ctx, event) => ctx.loaders.annotationById.load(event.annotationId)),
  })
  annotationPublished(
    @Root() annotation: AnnotationRow | DomainError,
    @Arg(ARTICLE_ID_FIELD, () => ID) _articleId: string,
  ): AnnotationRow {
    if (annotation instanceof DomainError) throw annotation;
    return annotation;
  }

  @Subscription(() => ClaimType, {
    description: 'Each claim of the article whose verdict changes: a fact-check published, corrected or retracted.',
    subscribe: (data: SubscribeResolverData<unknown, Record<string, unknown>, AppContext>) =>
      visibleEvents(data, 'claimVerdictChanged', (ctx, event) => ctx.loaders.claimById.load(event.claimId)),
  })
  claimVerdictChanged(
    @Root() claim: ClaimRow | DomainError,
    @Arg(ARTICLE_ID_FIELD, () => ID) _articleId: string,
  ): ClaimRow {
    if (claim instanceof DomainError) throw claim;
    return claim;
  }
}
