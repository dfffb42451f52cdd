import path from 'node:path';

/** Configuration read once from the environment, typed and checked. */
export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  production: boolean;
  /** Load the demo dataset when the database is empty. */
  seedDemo: boolean;
  /** Base url of this service as readers reach it: links in reader pages and ClaimReview. */
  publicUrl: string;
  /** The publisher of the fact-checks (ClaimReview author). */
  organisation: { name: string; url: string };
}

/** A bad setting: main prints the message on one line and exits non-zero. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

function readPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 4000;
  if (!/^\d+$/.test(raw)) throw new ConfigError('PORT', `expected an integer from 0 to 65535, got "${raw}"`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError('PORT', `expected an integer from 0 to 65535, got "${raw}"`);
  return port;
}

function readFlag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected 1/true/yes/on or 0/false/no/off, got "${raw}"`);
}

function readUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(name, `expected an http(s) url, got "${raw}"`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databasePath = env.DATABASE_PATH?.trim() || path.join('data', 'factline.db');
  const port = readPort(env);
  const publicUrl = readUrl(env, 'PUBLIC_URL', `http://localhost:${port || 4000}`);
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databasePath: path.resolve(databasePath),
    production: env.NODE_ENV === 'production',
    seedDemo: readFlag(env, 'SEED_DEMO', true),
    publicUrl,
    organisation: { name: env.ORGANISATION_NAME?.trim() || 'factline', url: readUrl(env, 'ORGANISATION_URL', publicUrl) },
  };
}

/**
 * loadConfig for a process entry point: a bad setting prints one line naming the variable,
 * prefixed with the program's name, and exits with `exitCode`.
 */
export function loadConfigOrExit(program: string, exitCode: number, env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${program}: ${error.message}`);
    process.exit(exitCode);
  }
}
