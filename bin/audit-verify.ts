import { verifyAuditChain } from '../src/platform/audit/audit.js';
import { openForCli } from './cli.js';

/** `npm run audit:verify`: walks the SM3 chain of the audit log and reports the first broken link (exit 1). */
const { handle } = await openForCli();
const started = Date.now();
const result = await verifyAuditChain(handle.db, (n) => process.stderr.write(`\r已校验 ${n} 条…`));
process.stderr.write('\n');
await handle.close();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (result.ok) {
  console.log(`审计日志完整：共 ${result.checked} 条记录，哈希链无断点（${handle.describe}，用时 ${seconds} 秒）`);
} else {
  console.log(`审计日志被篡改：第 ${result.broken!.seq} 条起哈希链断开 —— ${result.broken!.reason}（此前 ${result.checked} 条完好）`);
  process.exit(1);
}
