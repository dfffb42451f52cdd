import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServiceProcess, startService } from '../helpers/service-process';

async function gql(service: ServiceProcess, query: string, token?: string) {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] };
}

describe('demo accounts', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  afterEach(async () => {
    for (const service of services.splice(0)) await service.stop('SIGKILL');
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDb = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-demo-'));
    dirs.push(dir);
    return path.join(dir, 'factline.db');
  };

  it('the first start prints working tokens and workbench sign-ins for a demo reviewer, editor and admin, once', async () => {
    const file = tempDb();
    const first = await startService({ DATABASE_PATH: file });
    services.push(first);
    const tokens = [
      ...first
        .output()
        .matchAll(/Demo (Reviewer|Editor|Admin) \((\w+)\):\s+\{"Authorization": "Bearer (fl_[\w-]+)"\}/g),
    ].map((m) => ({ role: m[2], token: m[3] }));
    expect(tokens.map((t) => t.role)).toEqual(['REVIEWER', 'EDITOR', 'ADMIN']);
    const signIns = [
      ...first.output().matchAll(/Demo (?:Reviewer|Editor|Admin) \((\w+)\):\s+email (\S+)\s+password (\S+)/g),
    ].map((m) => ({ role: m[1], email: m[2], password: m[3] }));
    expect(signIns.map((s) => s.role)).toEqual(['REVIEWER', 'EDITOR', 'ADMIN']);
    for (const { role, email, password } of signIns) {
      const response = await fetch(`${first.url}/review/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { user: { role: string } }).user.role).toBe(role);
    }
    for (const { role, token } of tokens) {
      expect((await gql(first, '{ viewer { role } }', token)).data).toEqual({ viewer: { role } });
    }
    expect(await first.stop()).toBe(0);
    const second = await startService({ DATABASE_PATH: file });
    services.push(second);
    expect(second.output()).not.toContain('Demo Reviewer');
    // The tokens printed the first time still work.
    expect((await gql(second, '{ viewer { role } }', tokens[0].token)).data).toEqual({ viewer: { role: 'REVIEWER' } });
  });

  it('in production the demo data loads without demo accounts', async () => {
    const service = await startService({ DATABASE_PATH: tempDb(), NODE_ENV: 'production' });
    services.push(service);
    expect(service.output()).not.toMatch(/Bearer fl_/);
    expect(service.output()).not.toMatch(/password/);
    // PUBLIC_URL left at its http default: told that sign-in cookies cannot be Secure.
    expect(service.output()).toContain('PUBLIC_URL is not https: staff sign-in cookies will not be marked Secure');
    expect((await gql(service, '{ articles { totalCount } }')).data).toEqual({ articles: { totalCount: 1 } });
  });
});
