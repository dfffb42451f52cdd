import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { pruneLog } from './event-log';

/** How often the log is pruned. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the events older than `retentionDays` (one write); the id pruned through, or null. */
export function pruneEventLog(db: Database, retentionDays: number, now = new Date()): Promise<number | null> {
  return db.writes.run((manager) => pruneLog(manager, new Date(now.getTime() - retentionDays * DAY_MS)));
}

/** Prunes the log now and every hour until stopped. On PostgreSQL each replica prunes; the work is idempotent. */
export function startEventLogPruning(db: Database, retentionDays: number, logger: Logger): { stop(): void } {
  const prune = () =>
    pruneEventLog(db, retentionDays).then(
      (through) => {
        if (through !== null) logger.info('pruned the event log', { through, retentionDays });
      },
      (error: unknown) =>
        logger.warn('Could not prune the event log; retrying in an hour', {
          code: error instanceof Error && 'code' in error ? String(error.code) : undefined,
        }),
    );
  void prune();
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
