import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import { nowIso } from '../db/database.js';

/**
 * Server-side sessions kept in the database, so any number of server processes share them.
 * The cookie carries a random token; only its SHA-256 is stored.
 */
export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
}

export interface SessionTables {
  session: SessionTable;
}

export const sessionMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
    await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();
  },
};

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const TOUCH_EVERY_MS = 60_000;

export class SessionStore {
  constructor(
    private readonly executor: Kysely<any>,
    private readonly idleMinutes: number,
  ) {}

  private get db() {
    return this.executor as Kysely<SessionTables>;
  }

  private expiry(from: Date) {
    return new Date(from.getTime() + this.idleMinutes * 60_000).toISOString();
  }

  /** Creates a session and returns the token for the cookie (inside the caller's transaction when given). */
  async create(userId: number, ip: string | null, executor?: Kysely<any>): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await ((executor ?? this.executor) as Kysely<SessionTables>)
      .insertInto('session')
      .values({ id: digest(token), user_id: userId, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: this.expiry(now), ip })
      .execute();
    return token;
  }

  /** The session's user, or undefined when unknown or idle too long; extends the idle window. */
  async resolve(token: string): Promise<{ userId: number; sessionId: string } | undefined> {
    const id = digest(token);
    const row = await this.db.selectFrom('session').select(['user_id', 'last_seen_at', 'expires_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const now = new Date();
    if (row.expires_at <= now.toISOString()) {
      await this.db.deleteFrom('session').where('id', '=', id).execute();
      return undefined;
    }
    if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
      await this.db.updateTable('session').set({ last_seen_at: now.toISOString(), expires_at: this.expiry(now) }).where('id', '=', id).execute();
    }
    return { userId: row.user_id, sessionId: id };
  }

  async destroy(token: string) {
    await this.db.deleteFrom('session').where('id', '=', digest(token)).execute();
  }

  /** Ends every session of a user (after a password change or when the account is disabled). */
  async destroyAllFor(userId: number, exceptToken?: string) {
    let q = this.db.deleteFrom('session').where('user_id', '=', userId);
    if (exceptToken) q = q.where('id', '!=', digest(exceptToken));
    await q.execute();
  }

  async purgeExpired() {
    await this.db.deleteFrom('session').where('expires_at', '<=', nowIso()).execute();
  }
}

/**
 * CSRF tokens (signed double-submit): the token is random plus an HMAC with the server secret; it is
 * sent in a readable cookie and must come back in a header or form field on every unsafe request.
 */
export function createCsrfToken(secret: string): string {
  const nonce = randomBytes(18).toString('base64url');
  return `${nonce}.${createHmac('sha256', secret).update(nonce).digest('base64url')}`;
}

export function isValidCsrfToken(secret: string, token: string | undefined): boolean {
  if (!token) return false;
  const [nonce, mac] = token.split('.');
  if (!nonce || !mac) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(nonce).digest('base64url'));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
