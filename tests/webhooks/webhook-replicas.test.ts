import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/db/postgres';
import type { Database } from '../../src/db/database';
import { Role } from '../../src/modules/user/user.entity';
import { WebhookService } from '../../src/modules/webhook/webhook.service';
import { WebhookDispatcher } from '../../src/webhooks/dispatcher';
import { DatasetService } from '../../src/modules/dataset/dataset.service';
import { readDemoDataset } from '../../src/modules/dataset/demo-dataset';
import { createTestDatabase, TEST_DATABASE_URL } from '../helpers/test-app';
import { eventually, Receiver } from './receiver';

const ADMIN = { user: { id: 1, name: 'Admin', role: Role.ADMIN }, tokenId: null };

/** Two replicas over one PostgreSQL database, both delivering: each event reaches each endpoint once. */
describe.runIf(TEST_DATABASE_URL)('webhooks from two replicas', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('deliver each event to each endpoint once, in order, whichever replica commits it', async () => {
    const first = await createTestDatabase();
    cleanups.push(() => first.close());
    await new DatasetService({ db: first }).import(readDemoDataset());
    const second = await openPostgresDatabase({
      url: TEST_DATABASE_URL!,
      poolSize: 4,
      schema: first.env.DATABASE_SCHEMA,
      migrate: false,
    });
    cleanups.push(() => second.close());
    const receivers = [await new Receiver().open(), await new Receiver().open()];
    cleanups.push(async () => {
      await Promise.all(receivers.map((receiver) => receiver.close()));
    });
    const webhooks = new WebhookService({ db: first, policy: { allowHttp: true } });
    for (const receiver of receivers)
      await webhooks.create(ADMIN, { url: receiver.url, eventTypes: ['articleCorrected'] });
    for (const db of [first, second]) {
      const dispatcher = new WebhookDispatcher(db, {
        publicUrl: 'http://factline.test',
        allowPrivate: true,
        pollMs: 50,
      }).start();
      cleanups.push(() => dispatcher.stop());
    }
    const commit = (db: Database, n: number) =>
      db.writes.run(async (_manager, outbox) => {
        outbox.push({ type: 'articleCorrected', articleId: 1, details: { note: `Correction ${n}` } });
      });
    await Promise.all(Array.from({ length: 30 }, (_, n) => commit(n % 2 === 0 ? first : second, n)));

    for (const receiver of receivers) {
      await eventually(
        () => receiver.received.length >= 30,
        () => `${receiver.received.length} received`,
        20_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = receiver.events().map((event) => Number(event.data.eventId));
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });
});
