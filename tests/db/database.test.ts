import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserEntity, Role } from '../../src/modules/user/user.entity';
import { nativeConnection } from '../../src/db/database';
import { inspectRows } from '../helpers/inspect';
import { createTestDatabase, onPostgres } from '../helpers/test-app';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe('data sources', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.close());

  it.skipIf(onPostgres)(
    'SQLite runs with WAL, synchronous NORMAL, busy_timeout 5000 and foreign keys on both connections',
    () => {
      for (const connection of [nativeConnection(db.write), nativeConnection(db.read)]) {
        expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(connection.pragma('synchronous', { simple: true })).toBe(1);
        expect(connection.pragma('busy_timeout', { simple: true })).toBe(5000);
        expect(connection.pragma('foreign_keys', { simple: true })).toBe(1);
      }
      expect(nativeConnection(db.read).pragma('query_only', { simple: true })).toBe(1);
    },
  );

  it('200 concurrent write transactions all land exactly once, even when some fail', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        db.writes.run(async (manager) => {
          await manager.insert(UserEntity, { name: `user-${i}`, role: Role.REVIEWER });
          // Yield between statements, as real mutations do, to invite interleaving.
          await new Promise((resolve) => setImmediate(resolve));
          await manager.insert(UserEntity, { name: `user-${i}-second`, role: Role.REVIEWER });
          if (i % 10 === 0) throw new Error(`rejected ${i}`);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(20);
    const names = (await inspectRows(db, sql<{ name: string }>`SELECT name FROM users ORDER BY id`)).map(
      (row) => row.name,
    );
    const expected = Array.from({ length: 200 }, (_, i) => i)
      .filter((i) => i % 10 !== 0)
      .flatMap((i) => [`user-${i}`, `user-${i}-second`]);
    expect(names.sort()).toEqual(expected.sort());
    expect(db.writes.depth).toBe(0);
  });

  it('a read racing a write transaction that later fails never sees its rows', async () => {
    let release!: () => void;
    const written = new Promise<void>((resolve) => {
      release = resolve;
    });
    let letItFail!: () => void;
    const failing = db.writes.run(async (manager) => {
      await manager.insert(UserEntity, { name: 'ghost', role: Role.EDITOR });
      release();
      await new Promise<void>((resolve) => {
        letItFail = resolve;
      });
      throw new Error('mutation fails after its first write');
    });
    await written;
    // The insert has run on the write connection, inside an open transaction.
    expect(await inspectRows(db, sql`SELECT * FROM users WHERE name = ${'ghost'}`)).toEqual([]);
    letItFail();
    await expect(failing).rejects.toThrow('mutation fails');
    expect(await inspectRows(db, sql`SELECT * FROM users WHERE name = ${'ghost'}`)).toEqual([]);
  });

  // On PostgreSQL reads and writes share one pool: nothing to refuse.
  it.skipIf(onPostgres)('the SQLite read connection refuses writes', async () => {
    await expect(db.read.query("INSERT INTO users (name, role) VALUES ('x', 'ADMIN')")).rejects.toThrow(
      /readonly|read-only|query_only/i,
    );
  });
});
