import { buildApp } from './app.js';
import { openContext } from './bootstrap.js';
import { loadConfig } from './config.js';
import { publishDue } from './modules/documents/service.js';
import { closeUnsupplemented } from './modules/requests/replies.js';
import { sendDueReminders } from './modules/requests/reminders.js';
import { eraseExpiredCases } from './modules/requests/retention.js';

/** `npm start`: migrate, seed demo data on an empty database, serve, and shut down gracefully. */
async function main() {
  const config = loadConfig();
  const { ctx, handle } = await openContext(config, { log: (m) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg: m })) });
  const app = await buildApp(ctx);
  app.log.info({ database: handle.describe, demoData: config.demoData }, 'database ready');
  const purge = setInterval(() => void ctx.sessions.purgeExpired().catch((err) => app.log.error({ err }, 'session purge failed')), 10 * 60_000);
  purge.unref();
  // 定时发布: scheduled documents go public within half a minute of their time.
  const scheduler = setInterval(() => void publishDue(ctx.db).then((n) => n && app.log.info({ published: n }, 'scheduled documents published')).catch((err) => app.log.error({ err }, 'scheduled publishing failed')), 30_000);
  scheduler.unref();
  // 逾期不补正: cases past their supplement deadline close as 其他处理 1 (checked hourly).
  const supplementWatch = setInterval(() => void closeUnsupplemented(ctx.db).then((n) => n && app.log.info({ closed: n }, 'unsupplemented cases closed')).catch((err) => app.log.error({ err }, 'supplement watch failed')), 3600_000);
  supplementWatch.unref();
  // 到期提醒: e-mails to handlers before a reply is due and when it is overdue (hourly, once per case and due date).
  const remind = () => void sendDueReminders(ctx).then((n) => n && app.log.info({ reminders: n }, 'deadline reminders sent')).catch((err) => app.log.error({ err }, 'deadline reminders failed'));
  const reminders = setInterval(remind, 3600_000);
  reminders.unref();
  if (ctx.mail) setTimeout(remind, 60_000).unref();
  // 保存期限: archived cases past REQUEST_RETENTION_YEARS lose their personal data (checked every six hours).
  const retention = setInterval(() => void eraseExpiredCases(ctx).then((n) => n && app.log.info({ erased: n }, 'expired cases erased')).catch((err) => app.log.error({ err }, 'retention job failed')), 6 * 3600_000);
  retention.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    clearInterval(purge);
    clearInterval(scheduler);
    clearInterval(supplementWatch);
    clearInterval(reminders);
    clearInterval(retention);
    const force = setTimeout(() => {
      app.log.error('shutdown timed out after 10 s');
      process.exit(1);
    }, 10_000);
    force.unref();
    await app.close();
    await handle.close();
    app.log.info('shutdown complete');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info(`门户 http://localhost:${port}/  管理端 http://localhost:${port}/admin  接口文档 http://localhost:${port}/api/docs`);
}

main().catch((err) => {
  console.error(JSON.stringify({ level: 60, time: Date.now(), msg: 'startup failed', err: { message: String(err?.message ?? err) } }));
  process.exit(1);
});
