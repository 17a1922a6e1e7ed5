import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../src/config.js';
import { migrate, openDatabase, type DbHandle } from '../src/platform/db/database.js';
import { migrations, type Database } from '../src/schema.js';

/** Shared start of the command-line tools: configuration from the environment, a migrated database. */
export async function openForCli(): Promise<{ config: Config; handle: DbHandle<Database> }> {
  const config = loadConfig();
  const handle = await openDatabase<Database>({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrate(handle.db, migrations, handle.schema);
  return { config, handle };
}

export function fail(message: string): never {
  console.error(`错误：${message}`);
  process.exit(1);
}

export { parseArgs };
