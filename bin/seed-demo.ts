import { openContext } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';

/** `npm run seed-demo`: fills an empty database with the Sanming demo units, accounts and (DEMO_CONTENT) content (npm start does this by default). */
const config = loadConfig();
const { handle, seeded } = await openContext({ ...config, demoData: true }, { log: (m) => console.log(m) });
if (!seeded) console.log('数据库中已有单位，未导入演示数据');
await handle.close();
