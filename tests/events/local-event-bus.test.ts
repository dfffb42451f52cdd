import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChangeEvent,
  LocalEventBus,
  MAX_PENDING_EVENTS,
  SubscriberTooSlowError,
} from '../../src/events/change-events';

const published = (articleId: number, annotationId: number): ChangeEvent => ({
  type: 'annotationPublished',
  articleId,
  annotationId,
});
const verdict = (articleId: number, claimId: number): ChangeEvent => ({
  type: 'claimVerdictChanged',
  articleId,
  claimId,
});

async function drain<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('LocalEventBus', () => {
  it('delivers to each subscriber exactly the events of its type and article, in order', async () => {
    const event = fc.oneof(
      fc.record({
        type: fc.constant('annotationPublished' as const),
        articleId: fc.integer({ min: 1, max: 3 }),
        annotationId: fc.nat(),
      }),
      fc.record({
        type: fc.constant('claimVerdictChanged' as const),
        articleId: fc.integer({ min: 1, max: 3 }),
        claimId: fc.nat(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(event, { maxLength: 5 }), { maxLength: 20 }), async (batches) => {
        const bus = new LocalEventBus();
        const subscribers = [1, 2, 3].flatMap((articleId) =>
          (['annotationPublished', 'claimVerdictChanged'] as const).map((type) => ({
            type,
            articleId,
            iterator: bus.subscribe(type, articleId),
          })),
        );
        for (const batch of batches) bus.publish(batch);
        bus.close();
        for (const { type, articleId, iterator } of subscribers) {
          const expected = batches.flat().filter((e) => e.type === type && e.articleId === articleId);
          expect(await drain(iterator, expected.length + 1)).toEqual(expected);
        }
        expect(bus.subscriberCount).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('ends a subscription waiting for its next event at once when it is returned', async () => {
    const bus = new LocalEventBus();
    const iterator = bus.subscribe('annotationPublished', 1);
    const pending = iterator.next();
    expect(bus.subscriberCount).toBe(1);
    await iterator.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(0);
    bus.publish([published(1, 1)]);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it(`cuts off a subscriber more than ${MAX_PENDING_EVENTS} events behind, and only that one`, async () => {
    const bus = new LocalEventBus();
    const slow = bus.subscribe('claimVerdictChanged', 7);
    const keeping = bus.subscribe('claimVerdictChanged', 7);
    for (let i = 0; i <= MAX_PENDING_EVENTS; i += 1) {
      bus.publish([verdict(7, i)]);
      if (i < MAX_PENDING_EVENTS) expect((await keeping.next()).value).toEqual(verdict(7, i));
    }
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect((await keeping.next()).value).toEqual(verdict(7, MAX_PENDING_EVENTS));
    expect(bus.subscriberCount).toBe(1);
  });

  it('closing ends every subscription after what is queued, and later ones at once', async () => {
    const bus = new LocalEventBus();
    const iterator = bus.subscribe('annotationPublished', 2);
    bus.publish([published(2, 9)]);
    bus.close();
    expect(await iterator.next()).toEqual({ value: published(2, 9), done: false });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(await bus.subscribe('annotationPublished', 2).next()).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(0);
  });
});
