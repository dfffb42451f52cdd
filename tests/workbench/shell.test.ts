import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbenchManifest } from '../../src/http/workbench/workbench-assets';
import { WORKBENCH_CSP } from '../../src/http/workbench/workbench.router';
import { startTestServer, type TestServer } from '../helpers/test-app';

/** The workbench's shell and bundle over real HTTP: what the browser is given before any GraphQL. */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
});

afterAll(async () => {
  await server?.close();
});

describe('the workbench shell', () => {
  it('serves one shell for every page under /review, with a CSP that allows no inline script or eval', async () => {
    for (const path of ['/review', '/review/', '/review/articles/QXJ0aWNsZTox', '/review/admin/users']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(WORKBENCH_CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      // No inline script runs: the only script elements are the bundle and a JSON data block.
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map(([, attributes]) => attributes.trim())).toEqual([
        expect.stringMatching(/^type="module" src="\/review\/assets\/app-[A-Z0-9]+\.js"$/),
        'type="application/json" id="workbench-settings"',
      ]);
      expect(JSON.parse(scripts[1][2])).toEqual({ organisation: 'factline test desk', signInMethods: ['password'] });
    }
    expect(WORKBENCH_CSP).toContain("script-src 'self'");
    expect(WORKBENCH_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('serves the hashed bundle for good and nothing else under its assets', async () => {
    const manifest = readWorkbenchManifest();
    expect(manifest).not.toBeNull();
    for (const name of [manifest!.script, manifest!.stylesheet]) {
      const response = await fetch(`${server.url}/review/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const name of ['manifest.json', '..%2Fmanifest.json', 'app.js']) {
      expect((await fetch(`${server.url}/review/assets/${name}`)).status, name).toBe(404);
    }
  });

  it('keeps the first load within 300 KB of compressed JavaScript', () => {
    const manifest = readWorkbenchManifest()!;
    expect(manifest.scriptGzipBytes).toBeGreaterThan(10_000);
    expect(manifest.scriptGzipBytes).toBeLessThanOrEqual(300 * 1024);
  });
});
