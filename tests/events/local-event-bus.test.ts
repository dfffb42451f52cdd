import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChangeEventType,
  LocalEventBus,
  type LoggedEvent,
  MAX_PENDING_EVENTS,
  SubscriberTooSlowError,
} from '../../src/events/change-events';

let nextId = 1;
const logged = (type: ChangeEventType, articleId: number | null, claimId: number | null = null): LoggedEvent => ({
  eventId: nextId++,
  type,
  articleId,
  claimId,
  annotationId: null,
  appearanceId: null,
  details: {},
  isPublic: true,
  occurredAt: new Date(0).toISOString(),
});
const published = (articleId: number) => logged('annotationPublished', articleId);
const verdict = (articleId: number, claimId: number) => logged('claimVerdictChanged', articleId, claimId);

async function drain<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

const TYPES: ChangeEventType[] = ['annotationPublished', 'claimVerdictChanged', 'articlePublished'];

describe('LocalEventBus', () => {
  it('delivers to each subscriber exactly the events of its types and article (or every article), once, in order', async () => {
    const event = fc
      .record({ type: fc.constantFrom(...TYPES), articleId: fc.option(fc.integer({ min: 1, max: 3 })) })
      .map(({ type, articleId }) => logged(type, articleId));
    const filter = fc.record({
      types: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1 }),
      articleId: fc.option(fc.integer({ min: 1, max: 3 })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(event, { maxLength: 5 }), { maxLength: 20 }),
        fc.array(filter, { minLength: 1, maxLength: 6 }),
        async (batches, filters) => {
          const bus = new LocalEventBus();
          const subscribers = filters.map((f) => ({ filter: f, iterator: bus.subscribe(f) }));
          for (const batch of batches) bus.publish(batch);
          bus.close();
          for (const { filter: f, iterator } of subscribers) {
            const expected = batches
              .flat()
              .filter((e) => f.types.includes(e.type) && (f.articleId === null || e.articleId === f.articleId));
            expect(await drain(iterator, expected.length + 1)).toEqual(expected);
          }
          expect(bus.subscriberCount).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('ends a subscription waiting for its next event at once when it is returned', async () => {
    const bus = new LocalEventBus();
    const iterator = bus.subscribe({ types: ['annotationPublished', 'claimVerdictChanged'], articleId: 1 });
    const pending = iterator.next();
    expect(bus.subscriberCount).toBe(1);
    await iterator.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(0);
    bus.publish([published(1)]);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it(`cuts off a subscriber more than ${MAX_PENDING_EVENTS} events behind, and only that one`, async () => {
    const bus = new LocalEventBus();
    const slow = bus.subscribe({ types: ['claimVerdictChanged'], articleId: 7 });
    const keeping = bus.subscribe({ types: ['claimVerdictChanged'], articleId: null });
    const sent: LoggedEvent[] = [];
    for (let i = 0; i <= MAX_PENDING_EVENTS; i += 1) {
      sent.push(verdict(7, i));
      bus.publish([sent[i]]);
      if (i < MAX_PENDING_EVENTS) expect((await keeping.next()).value).toEqual(sent[i]);
    }
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect((await keeping.next()).value).toEqual(sent[MAX_PENDING_EVENTS]);
    expect(bus.subscriberCount).toBe(1);
  });

  it('closing ends every subscription after what is queued, and later ones at once', async () => {
    const bus = new LocalEventBus();
    const iterator = bus.subscribe({ types: ['annotationPublished'], articleId: 2 });
    const event = published(2);
    bus.publish([event]);
    bus.close();
    expect(await iterator.next()).toEqual({ value: event, done: false });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(await bus.subscribe({ types: ['annotationPublished'], articleId: 2 }).next()).toEqual({
      value: undefined,
      done: true,
    });
    expect(bus.subscriberCount).toBe(0);
  });
});
