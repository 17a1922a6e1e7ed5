import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DialectName } from './platform/db/database.js';
import type { SessionStore } from './platform/auth/sessions.js';
import type { FileStore } from './platform/files/files.js';
import type { PiiCipher } from './platform/crypto/pii.js';
import type { Mailer } from './platform/mail/mail.js';
import type { Database } from './schema.js';

/** What every module's routes are given: nothing is global. */
export interface AppContext {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  sessions: SessionStore;
  /** Uploaded files (attachments), under DATA_DIR/files. */
  files: FileStore;
  /** SM4 encryption of applicants' personal data. */
  pii: PiiCipher;
  /** Outgoing e-mail, or null when no SMTP server is configured. */
  mail: Mailer | null;
}
