import { seedDemo } from '../src/demo.js';
import { openForCli } from './cli.js';

/** `npm run seed-demo`: fills an empty database with the Sanming demo units and accounts (npm start does this by default). */
const { config, handle } = await openForCli();
const seeded = await seedDemo(handle.db, (m) => console.log(m), { content: config.demoContent });
if (!seeded) console.log('数据库中已有单位，未导入演示数据');
await handle.close();
