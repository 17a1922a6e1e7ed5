import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { seedDemo } from './demo.js';
import { seedDemoActivity } from './demo-activity.js';
import { SessionStore } from './platform/auth/sessions.js';
import { FileStore } from './platform/files/files.js';
import { PiiCipher } from './platform/crypto/pii.js';
import { createMailer } from './platform/mail/mail.js';
import { join } from 'node:path';
import { migrate, openDatabase, type DbHandle } from './platform/db/database.js';
import { migrations, type Database } from './schema.js';

export interface Started {
  ctx: AppContext;
  handle: DbHandle<Database>;
  applied: string[];
  seeded: boolean;
}

/** Opens the configured database, migrates it, and fills an empty one with demo data when enabled. */
export async function openContext(config: Config, options: { schema?: string; log?: (m: string) => void } = {}): Promise<Started> {
  const handle = await openDatabase<Database>({ url: config.databaseUrl, dataDir: config.dataDir, ...(options.schema ? { schema: options.schema } : {}) });
  const applied = await migrate(handle.db, migrations, handle.schema, options.log);
  if (applied.length) options.log?.(`数据库迁移完成：${applied.join(', ')}`);
  const seeded = config.demoData ? await seedDemo(handle.db, options.log, { content: config.demoContent }) : false;
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, sessions: new SessionStore(handle.db, config.sessionIdleMinutes), files: new FileStore(join(config.dataDir, 'files')), pii: new PiiCipher(config.piiKey), mail: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }) };
  if (seeded && config.demoContent) await seedDemoActivity(ctx, options.log);
  return { ctx, handle, applied, seeded };
}
