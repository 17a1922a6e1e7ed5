import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';

/** Runtime configuration, read once from environment variables (documented in README). */
export interface Config {
  port: number;
  host: string;
  /** `postgres://…` for PostgreSQL; absent for the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /** Fill an empty database with the Sanming demo units and accounts. */
  demoData: boolean;
  /** With the demo data, also publish demo documents and a demo catalogue. */
  demoContent: boolean;
  /** Idle minutes after which a session expires. */
  sessionIdleMinutes: number;
  /** Mark cookies Secure (set when served over HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** 索引号 pattern, e.g. `{unitCode}/{yyyy}-{seq:05}`. */
  indexNoPattern: string;
  /** How many reviewers must approve a document before it can be published (1–3). */
  reviewSteps: number;
  /** Login attempts allowed per client IP per minute. */
  loginRateLimit: number;
  /** SM4 key (32 hex characters) for applicants' personal data at rest. */
  piiKey: string;
  /** Whether waiting for an information-processing fee stops the reply clock (rule unconfirmed, so a setting). */
  feePausesClock: boolean;
  /** SMTP server for e-mail reminders (`smtp://user:pass@host:587`); none: reminders in the admin app only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Remind handlers this many working days before a reply is due. */
  reminderWorkdays: number;
  /** The site's public address, for links in e-mails (e.g. `https://xxgk.sm.gov.cn`). */
  publicUrl: string;
  /** Years an archived request keeps its applicant's personal data before it is erased (rule unconfirmed, so a setting). */
  requestRetentionYears: number;
  /** Rendered public pages kept in memory per process (0 turns the cache off). */
  pageCacheEntries: number;
  /** Server processes `npm start` runs on the port (default: one per core). */
  workers: number;
  /** How often scheduled publishing looks for due documents (seconds). */
  jobIntervalSeconds: number;
  /** Online applications accepted per client address per hour (the API and the form each). */
  submitRateLimit: number;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** Reads SESSION_SECRET, or keeps a generated one in DATA_DIR so that restarts keep sessions valid. */
function sessionSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  if (env.SESSION_SECRET) {
    if (env.SESSION_SECRET.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    return env.SESSION_SECRET;
  }
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Reads PII_KEY, or keeps a generated one in DATA_DIR (back it up: without it the data cannot be read). */
function piiKey(env: NodeJS.ProcessEnv, dataDir: string): string {
  if (env.PII_KEY) return env.PII_KEY;
  const file = join(dataDir, 'pii-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(16).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

function boundedInt(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}: ${value}`);
  return n;
}

function reviewSteps(value: string | undefined): number {
  const n = Number(value ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 3) throw new Error(`REVIEW_STEPS must be 1, 2 or 3: ${value}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a valid port: ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sessionSecret: sessionSecret(env, dataDir),
    demoData: bool(env.DEMO_DATA, true),
    demoContent: bool(env.DEMO_CONTENT, true),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    secureCookies: bool(env.SECURE_COOKIES, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: bool(env.TRUST_PROXY, false),
    indexNoPattern: env.INDEX_NO_PATTERN || '{unitCode}/{yyyy}-{seq:05}',
    reviewSteps: reviewSteps(env.REVIEW_STEPS),
    loginRateLimit: Math.max(1, Number(env.LOGIN_RATE_LIMIT ?? 20) || 20),
    piiKey: piiKey(env, dataDir),
    feePausesClock: bool(env.FEE_PAUSES_CLOCK, false),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || '政务公开平台 <noreply@localhost>',
    reminderWorkdays: boundedInt('REMINDER_WORKDAYS', env.REMINDER_WORKDAYS, 3, 1, 20),
    workers: boundedInt('WORKERS', env.WORKERS, availableParallelism(), 1, 256),
    submitRateLimit: boundedInt('SUBMIT_RATE_LIMIT', env.SUBMIT_RATE_LIMIT, 5, 1, 10_000_000),
    jobIntervalSeconds: boundedInt('JOB_INTERVAL_SECONDS', env.JOB_INTERVAL_SECONDS, 30, 1, 3600),
    pageCacheEntries: boundedInt('PAGE_CACHE_ENTRIES', env.PAGE_CACHE_ENTRIES, 2000, 0, 100000),
    requestRetentionYears: boundedInt('REQUEST_RETENTION_YEARS', env.REQUEST_RETENTION_YEARS, 10, 1, 100),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
