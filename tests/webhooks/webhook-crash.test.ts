import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db/database';
import { DatasetService } from '../../src/modules/dataset/dataset.service';
import { readDemoDataset } from '../../src/modules/dataset/demo-dataset';
import { Role } from '../../src/modules/user/user.entity';
import { WebhookService } from '../../src/modules/webhook/webhook.service';
import { endpointById } from '../../src/modules/webhook/webhook.queries';
import { killLeftoverServices, startTestService } from '../helpers/service-process';
import { eventually, Receiver } from './receiver';

const ADMIN = { user: { id: 1, name: 'Admin', role: Role.ADMIN }, tokenId: null };

/**
 * The built service killed (SIGKILL) while a webhook delivery is in flight: nothing was
 * recorded as delivered, so once the lease of the dead process runs out the next one delivers
 * the event again, with the same webhook-id. At least once, never lost.
 */
describe('a service killed mid-delivery', () => {
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await killLeftoverServices();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });

  it('delivers the event again after a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-webhook-crash-'));
    const file = path.join(dir, 'service.db');
    const hooks = await new Receiver().open();
    receivers.push(hooks);
    hooks.answer = (_request, index) => (index === 0 ? 'hang' : { status: 200 });

    // Before the service starts: the demo data, an endpoint, then one public event in the log.
    const db = await openSqliteDatabase({ path: file });
    await new DatasetService({ db }).import(readDemoDataset());
    const { id } = await new WebhookService({ db, policy: { allowHttp: true } }).create(ADMIN, {
      url: hooks.url,
      eventTypes: ['articleCorrected'],
    });
    await db.writes.run(async (_manager, outbox) => {
      outbox.push({ type: 'articleCorrected', articleId: 1, details: { note: 'A correction.' } });
    });
    const [event] = await db.eventLog.after(0, 1_000).then((events) => events.filter((e) => e.isPublic));
    expect(event).toBeDefined();
    await db.close();

    const env = { SEED_DEMO: '0', WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_LEASE_SECONDS: '1' };
    const first = await startTestService(file, env);
    await eventually(
      () => hooks.received.length === 1,
      () => 'the first attempt',
      20_000,
    );
    expect(await first.stop('SIGKILL')).toBe(null);

    await startTestService(file, env);
    await eventually(
      () => hooks.received.length >= 2,
      () => `${hooks.received.length} received`,
      20_000,
    );
    expect(hooks.received.map((request) => request.headers['webhook-id'])).toEqual([
      `evt_${event.eventId}`,
      `evt_${event.eventId}`,
    ]);
    const reader = await openSqliteDatabase({ path: file, migrate: false });
    try {
      await eventually(
        async () => Number((await reader.reader.row(endpointById, { id }))?.deliveredThrough) === event.eventId,
        () => 'recorded as delivered',
        10_000,
      );
    } finally {
      await reader.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
