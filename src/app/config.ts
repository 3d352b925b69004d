/**
 * The server's configuration: every setting an operator can change, read from the environment in
 * this one place and checked before anything starts. A bad value stops the start with one line per
 * problem naming the variable, what it must be and what it got (never a stack trace).
 * docs/production.md lists every variable.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Limits {
  /** PDFs printed at the same time, by one shared browser. */
  pdfConcurrency: number;
  /** PDF requests that may wait for a free slot; beyond this: 503 with Retry-After. */
  pdfQueue: number;
  /** Longest a PDF may take before it is given up (ms). */
  pdfTimeoutMs: number;
  /** Requests per minute per client; 0 turns the limit off. */
  pdfPerMinute: number;
  searchPerMinute: number;
  assessPerMinute: number;
  /** Result pages kept in memory after they are made (the same link again); 0 turns it off. */
  pageCacheEntries: number;
}

export interface Config {
  port: number;
  host: string;
  /** Where the app writes what it makes at run time (never the code directory, never node_modules). */
  dataDir: string;
  logLevel: LogLevel;
  /** Send Strict-Transport-Security: only when the app is reached over HTTPS (usually a TLS proxy). */
  hsts: boolean;
  /** Fastify's trustProxy: false, true, a hop count, or a comma-separated list of addresses/CIDRs. */
  trustProxy: boolean | number | string;
  /** The Chromium that prints PDFs; undefined: the usual Debian/Ubuntu paths are tried. */
  chromiumPath: string | undefined;
  limits: Limits;
  /** The case desk's PostgreSQL (DATABASE_URL); undefined: SQLite in the data directory. */
  databaseUrl: string | undefined;
  /** Send the desk's session cookie only over HTTPS (on when HSTS is on, or DESK_SECURE_COOKIE=on). */
  secureCookie: boolean;
  /** Erase desk people whose record has not changed for this many days; 0 keeps them (the default). */
  retentionDays: number;
}

/** The project root: the folder with package.json, whether this runs from src/app or from dist/. */
export const PROJECT_ROOT = findRoot(fileURLToPath(new URL('.', import.meta.url)));

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'content'))) return dir;
    const up = resolve(dir, '..');
    if (up === dir) return resolve(from, '..', '..');
    dir = up;
  }
}

export const DEFAULT_LIMITS: Limits = {
  pdfConcurrency: 2,
  pdfQueue: 8,
  pdfTimeoutMs: 20_000,
  pdfPerMinute: 10,
  searchPerMinute: 120,
  assessPerMinute: 300,
  pageCacheEntries: 100,
};

/** The configuration when nothing is set: what tests and `npm start` on a laptop get. */
export function defaultConfig(root: string = PROJECT_ROOT): Config {
  return {
    port: 3000,
    host: '127.0.0.1',
    dataDir: join(root, 'data'),
    logLevel: 'info',
    hsts: false,
    trustProxy: false,
    chromiumPath: undefined,
    limits: { ...DEFAULT_LIMITS },
    databaseUrl: undefined,
    secureCookie: false,
    retentionDays: 0,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `the configuration has ${problems.length === 1 ? 'an error' : 'errors'}:\n  ${problems.join('\n  ')}`,
    );
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks the configuration; throws one ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env, root: string = PROJECT_ROOT): Config {
  const problems: string[] = [];
  const base = defaultConfig(root);
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['on', 'true', '1', 'yes'].includes(raw)) return true;
    if (['off', 'false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}: must be on or off (got "${read(name)}")`);
    return fallback;
  };

  const port = int('PORT', base.port, 0, 65535);

  const host = read('HOST') ?? base.host;
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    problems.push(`HOST: must be a host name or an IP address such as 127.0.0.1 or 0.0.0.0 (got "${host}")`);

  // WEGWIJS_DATA_DIR is the name in spec/desk-api.md; DATA_DIR is kept as an alias.
  const rawDataDir = read('WEGWIJS_DATA_DIR') ?? read('DATA_DIR');
  const dataDir = rawDataDir === undefined ? base.dataDir : resolve(root, rawDataDir);
  if (dataDir.split(sep).includes('node_modules'))
    problems.push(`DATA_DIR: must not be inside node_modules (got "${rawDataDir}")`);
  else if (isInside(dataDir, join(root, 'src')) || isInside(dataDir, join(root, 'dist')))
    problems.push(`DATA_DIR: must not be inside the code (src/ or dist/) (got "${rawDataDir}")`);

  const rawLevel = read('LOG_LEVEL')?.toLowerCase();
  let logLevel = base.logLevel;
  if (rawLevel !== undefined) {
    if ((LOG_LEVELS as readonly string[]).includes(rawLevel)) logLevel = rawLevel as LogLevel;
    else problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got "${read('LOG_LEVEL')}")`);
  }

  const hsts = flag('HSTS', base.hsts);
  const trustProxy = parseTrustProxy(read('TRUST_PROXY'), problems);

  const chromiumPath = read('CHROMIUM_PATH');
  if (chromiumPath !== undefined && !existsSync(chromiumPath))
    problems.push(`CHROMIUM_PATH: no such file (got "${chromiumPath}")`);

  const d = DEFAULT_LIMITS;
  const limits: Limits = {
    pdfConcurrency: int('PDF_CONCURRENCY', d.pdfConcurrency, 1, 32),
    pdfQueue: int('PDF_QUEUE', d.pdfQueue, 0, 1000),
    pdfTimeoutMs: int('PDF_TIMEOUT_MS', d.pdfTimeoutMs, 1000, 300_000),
    pdfPerMinute: int('RATE_LIMIT_PDF', d.pdfPerMinute, 0, 100_000),
    searchPerMinute: int('RATE_LIMIT_SEARCH', d.searchPerMinute, 0, 100_000),
    assessPerMinute: int('RATE_LIMIT_ASSESS', d.assessPerMinute, 0, 100_000),
    pageCacheEntries: int('PAGE_CACHE_ENTRIES', d.pageCacheEntries, 0, 10_000),
  };

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL (leave it unset for SQLite)');
  const secureCookie = flag('DESK_SECURE_COOKIE', hsts);
  const retentionDays = int('DESK_RETENTION_DAYS', base.retentionDays, 0, 36500);

  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir,
    logLevel,
    hsts,
    trustProxy,
    chromiumPath,
    limits,
    databaseUrl,
    secureCookie,
    retentionDays,
  };
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const ADDRESS = /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/;

function parseTrustProxy(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  if (['off', 'false', 'no'].includes(lower)) return false;
  if (['on', 'true', 'yes'].includes(lower)) return true;
  if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 10) return Number(raw);
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.every((p) => ADDRESS.test(p) || ['loopback', 'linklocal', 'uniquelocal'].includes(p)))
    return parts.join(',');
  problems.push(
    `TRUST_PROXY: must be off, on, a number of proxies from 1 to 10, or addresses/CIDRs separated by commas (got "${raw}")`,
  );
  return false;
}
