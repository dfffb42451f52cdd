import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const MAIN_JS = path.resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `node dist/src/main.js` with `env`, its stdout and stderr collected together. */
function spawnService(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [MAIN_JS], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** Runs `node dist/src/main.js` with `env`, resolving once it listens (or rejecting with its output). */
export function startService(env: Record<string, string>, timeoutMs = 20_000): Promise<ServiceProcess> {
  const { child, output } = spawnService({ PORT: '0', ...env });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not start in ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        child,
        port,
        url: `http://127.0.0.1:${port}`,
        output,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening:\n${output()}`));
    });
  });
}

/** Runs the service expecting it to stop at once; returns its exit code and output. */
export function runServiceToExit(
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnService(env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not exit in ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    });
  });
}

/**
 * The env of a service under test, on the SQLite file `databasePath`, with the demo data
 * seeded, then `overrides`.
 */
export function testServiceEnv(databasePath: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
    SEED_DEMO: '1',
    NODE_ENV: 'test',
    // Rate limiting would turn the flood into refusals; these tests are about the writes.
    RATE_LIMIT_MUTATIONS: '0',
    RATE_LIMIT_EXPENSIVE: '0',
    // Stops begin at once unless a test is about the delay before them.
    SHUTDOWN_DELAY_MS: '0',
    ...overrides,
  };
}

/** Services started by startTestService and not yet reaped by killLeftoverServices. */
const started: ServiceProcess[] = [];

/** startService with testServiceEnv, remembered so that killLeftoverServices can reap it. */
export async function startTestService(
  databasePath: string,
  overrides: Record<string, string> = {},
): Promise<ServiceProcess> {
  const service = await startService(testServiceEnv(databasePath, overrides));
  started.push(service);
  return service;
}

/** For afterEach: SIGKILLs every service from startTestService still running, whatever the test did. */
export async function killLeftoverServices(): Promise<void> {
  for (const service of started.splice(0)) {
    if (service.child.exitCode === null && service.child.signalCode === null) await service.stop('SIGKILL');
  }
}

/** The demo reviewer's token, printed on the first start only (stdout, which may trail the log line). */
export async function demoReviewerToken(service: ServiceProcess): Promise<string> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const match = /Demo Reviewer \(REVIEWER\):\s+\{"Authorization": "Bearer (fl_[\w-]+)"\}/.exec(service.output());
    if (match) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no demo reviewer token in the output:\n${service.output()}`);
}

/** POST /graphql to `service`, as `token` if given: the HTTP status and the JSON answer. */
export async function gql<Data>(
  service: ServiceProcess,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; data?: Data; errors?: unknown[] }> {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: Data; errors?: unknown[] }) };
}
