import { fromSqlDate } from '../../src/db/sql-dates';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/modules/auth/api-token';
import { Role } from '../../src/modules/user/user.entity';
import { inspectRow, inspectRows } from '../helpers/inspect';
import { MAIN_JS } from '../helpers/service-process';
import { type SignedIn, startTestServer, type TestServer } from '../helpers/test-app';

const execFileAsync = promisify(execFile);

describe('API tokens', () => {
  let server: TestServer;
  let admin: SignedIn;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.signIn(Role.ADMIN, 'Ada Admin');
  });
  afterAll(() => server.close());

  it('a valid token signs the request in, and lastUsedAt is kept', async () => {
    const lastUsed = async () =>
      (await inspectRow(
        server.db,
        sql<{
          last_used_at: string | null;
        }>`SELECT last_used_at FROM api_tokens WHERE token_hash = ${hashToken(admin.token)}`,
      ))!.last_used_at;
    expect(await lastUsed()).toBeNull();
    const requestedAt = Date.now();
    const result = await server.gql<{ viewer: { name: string; role: string } }>(
      '{ viewer { name role } }',
      {},
      admin.token,
    );
    expect(result.data).toEqual({ viewer: { name: 'Ada Admin', role: 'ADMIN' } });
    await server.db.writes.drain();
    const stamp = await lastUsed();
    expect(stamp).not.toBeNull();
    // Stored in UTC with milliseconds; within the request's second or later.
    expect(fromSqlDate(stamp)!.getTime()).toBeGreaterThanOrEqual(requestedAt - 1000);
    expect((await server.gql('{ viewer { name } }')).data).toEqual({ viewer: null });
  });

  it('tokens are opaque, prefixed, 32 random bytes, stored only as a hash', async () => {
    expect(admin.token).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(admin.token.slice(3), 'base64url')).toHaveLength(32);
    const dump = JSON.stringify(await inspectRows(server.db, sql`SELECT * FROM api_tokens`));
    expect(dump).not.toContain(admin.token);
    expect(dump).not.toContain(admin.token.slice(10));
    expect(dump).toContain(hashToken(admin.token));
  });

  it.each([
    ['an unknown token', `Bearer fl_${'A'.repeat(43)}`],
    ['a malformed token', 'Bearer not-a-token'],
    ['a malformed header', 'Token abc'],
    ['an empty bearer', 'Bearer '],
  ])('%s is UNAUTHENTICATED (401), never anonymous', async (_name, header) => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: header },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('an ADMIN creates and revokes tokens; a revoked token is refused', async () => {
    const user = await server.gql<{ createUser: { id: string } }>(
      'mutation { createUser(input: { name: "Rita", role: REVIEWER }) { id } }',
      {},
      admin.token,
    );
    const created = await server.gql<{
      createToken: {
        secret: string;
        token: { id: string; label: string; tokenPrefix: string; revokedAt: string | null };
      };
    }>(
      'mutation($u: ID!) { createToken(input: { userId: $u, label: "laptop" }) { secret token { id label tokenPrefix revokedAt } } }',
      { u: user.data!.createUser.id },
      admin.token,
    );
    const { secret, token } = created.data!.createToken;
    expect(token).toMatchObject({ label: 'laptop', revokedAt: null });
    expect(secret.startsWith(token.tokenPrefix)).toBe(true);
    expect((await server.gql('{ viewer { name } }', {}, secret)).data).toEqual({ viewer: { name: 'Rita' } });
    const revoked = await server.gql<{ revokeToken: { revokedAt: string } }>(
      'mutation($id: ID!) { revokeToken(input: { id: $id }) { revokedAt } }',
      { id: token.id },
      admin.token,
    );
    expect(revoked.data!.revokeToken.revokedAt).toBeTruthy();
    const refused = await server.gql('{ viewer { name } }', {}, secret);
    expect(refused.status).toBe(401);
    expect(refused.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('npm run token creates a user and token, and revokes it', async () => {
    const env = { ...process.env, ...server.db.env };
    const script = path.join(path.dirname(MAIN_JS), 'cli', 'token.js');
    // Run without blocking this process, which serves the test's requests: a blocked event loop
    // lets the server's keep-alive timers expire under the client's pooled connections.
    const run = async (...args: string[]) => {
      await server.db.writes.drain();
      return (await execFileAsync(process.execPath, [script, ...args], { env, encoding: 'utf8' })).stdout;
    };
    const secret = (await run('create', '--name', 'Ana', '--role', 'reviewer')).trim();
    expect(secret).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
    expect((await server.gql('{ viewer { name role } }', {}, secret)).data).toEqual({
      viewer: { name: 'Ana', role: 'REVIEWER' },
    });
    const row = await inspectRow(
      server.db,
      sql<{ id: number }>`SELECT id FROM api_tokens WHERE token_hash = ${hashToken(secret)}`,
    );
    const id = Buffer.from(`ApiToken:${row!.id}`).toString('base64url');
    expect(await run('revoke', id)).toContain('revoked');
    expect((await server.gql('{ viewer { name } }', {}, secret)).status).toBe(401);
    await expect(run('create', '--name', 'Bo', '--role', 'chief')).rejects.toThrow(/--role must be/);
  });
});
