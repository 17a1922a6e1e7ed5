import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { importDocuments } from '../src/modules/documents/import.js';
import { fail, openForCli } from './cli.js';

/**
 * `npm run import -- <file.jsonl>`: loads documents from an old site (format: docs/import.md). Safe to
 * repeat: lines are matched by 索引号 and unchanged ones are skipped. Bad lines are listed, not fatal.
 */
const file = process.argv[2];
if (!file) fail('用法：npm run import -- <文件.jsonl>');
if (!existsSync(file)) fail(`文件不存在：${file}`);

const { handle } = await openForCli();
const started = Date.now();
const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
const report = await importDocuments(handle.db, lines, {
  actorName: `系统（导入 ${basename(file)}）`,
  source: basename(file),
  onProgress: (r) => process.stderr.write(`\r已读 ${r.lines} 行：新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，出错 ${r.failed.length}${r.indexing ? `；已建检索索引 ${r.indexed} / ${r.created}` : ''}\x1b[K`),
});
process.stderr.write('\n');
await handle.close();
const seconds = (Date.now() - started) / 1000;
for (const f of report.failed.slice(0, 50)) console.log(`第 ${f.line} 行${f.indexNo ? `（${f.indexNo}）` : ''}：${f.error}`);
if (report.failed.length > 50) console.log(`……另有 ${report.failed.length - 50} 行出错`);
console.log(`导入完成：共 ${report.lines} 行，新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}，出错 ${report.failed.length}；检索索引新增 ${report.indexed}；用时 ${seconds.toFixed(1)} 秒（${Math.round((report.created + report.updated + report.unchanged) / Math.max(seconds, 0.001))} 条/秒）`);
process.exit(report.failed.length ? 2 : 0);
