import { indexPending, rebuildSearchIndex } from '../src/modules/documents/search.js';
import { openForCli } from './cli.js';

/**
 * `npm run search:index`: indexes the documents waiting in the search queue (after an upgrade that
 * re-queued the index, or an interrupted import) in bulk, faster than the server's background job.
 * `-- --rebuild` empties the index and indexes every public document again (after a restore, or to repair).
 */
const rebuild = process.argv.includes('--rebuild');
const { handle } = await openForCli();
const started = Date.now();
const waiting = Number((await handle.db.selectFrom('search_pending').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const show = (n: number) => {
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`\r已建检索索引 ${n.toLocaleString()}${rebuild ? '' : ` / ${waiting.toLocaleString()}`}（${Math.round(n / Math.max(seconds, 0.001))} 份/秒）\x1b[K`);
};
const indexed = rebuild ? await rebuildSearchIndex(handle.db, show) : await indexPending(handle.db, show, { bulk: true });
process.stderr.write('\n');
await handle.close();
console.log(`${rebuild ? '重建' : '补建'}检索索引完成：${indexed.toLocaleString()} 份文件，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
