import path from 'node:path';

/** Configuration read once from the environment, typed and checked. */
export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  production: boolean;
  /** Load the demo dataset when the database is empty. */
  seedDemo: boolean;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databasePath = env.DATABASE_PATH?.trim() || path.join('data', 'factline.db');
  return {
    port: readPort(env),
    host: env.HOST?.trim() || '0.0.0.0',
    databasePath: path.resolve(databasePath),
    production: env.NODE_ENV === 'production',
    seedDemo: readFlag(env, 'SEED_DEMO', true),
  };
}
