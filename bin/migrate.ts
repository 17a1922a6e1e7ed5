import { loadConfig } from '../src/config.js';
import { migrate, openDatabase } from '../src/platform/db/database.js';
import { migrations, type Database } from '../src/schema.js';

/** `npm run migrate`: brings the configured database to the latest schema (npm start does this too). */
const config = loadConfig();
const handle = await openDatabase<Database>({ url: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(handle.db, migrations, handle.schema, (message) => console.log(message));
console.log(applied.length ? `已执行迁移 ${applied.length} 个：${applied.join(', ')}（${handle.describe}）` : `数据库已是最新（${handle.describe}）`);
await handle.close();
