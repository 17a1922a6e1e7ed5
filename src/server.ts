import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { openContext, type Started } from './bootstrap.js';
import { loadConfig, type Config } from './config.js';
import { indexPending } from './modules/documents/search.js';
import { publishDue } from './modules/documents/service.js';
import { closeUnsupplemented } from './modules/requests/replies.js';
import { sendDueReminders } from './modules/requests/reminders.js';
import { eraseExpiredCases } from './modules/requests/retention.js';

const log = (msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, ...extra, msg }));

/**
 * Background jobs. Each is safe to run in several processes at once (work is claimed in the database),
 * but in one cluster only the first worker runs them.
 */
function startJobs(started: Started, app: Awaited<ReturnType<typeof buildApp>>, config: Config): () => void {
  const { ctx } = started;
  // A run is skipped while the previous one is still going (indexing a large import takes minutes).
  const every = (ms: number, name: string, job: () => Promise<number>, options: { now?: boolean } = {}) => {
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      void job().then((n) => n && app.log.info({ job: name, count: n }, `${name} done`)).catch((err) => app.log.error({ err, job: name }, `${name} failed`)).finally(() => (running = false));
    };
    const timer = setInterval(run, ms);
    timer.unref();
    if (options.now) run();
    return timer;
  };
  const timers = [
    every(10 * 60_000, 'session purge', async () => (await ctx.sessions.purgeExpired(), 0)),
    // 定时发布: scheduled documents go public within JOB_INTERVAL_SECONDS of their time.
    every(config.jobIntervalSeconds * 1000, 'scheduled publishing', () => publishDue(ctx.db)),
    // 检索索引: public documents not yet indexed (after an interrupted import, or an upgrade that rebuilt the index).
    every(config.jobIntervalSeconds * 1000, 'search indexing', () => indexPending(ctx.db), { now: true }),
    // 逾期不补正: cases past their supplement deadline close as 其他处理 1.
    every(3600_000, 'supplement watch', () => closeUnsupplemented(ctx.db)),
    // 到期提醒: e-mails before a reply is due and when it is overdue (once per case and due date).
    every(3600_000, 'deadline reminders', () => sendDueReminders(ctx)),
    // 保存期限: archived cases past REQUEST_RETENTION_YEARS lose their personal data.
    every(6 * 3600_000, 'retention', () => eraseExpiredCases(ctx)),
  ];
  if (ctx.mail) setTimeout(() => void sendDueReminders(ctx).catch(() => undefined), 60_000).unref();
  return () => timers.forEach(clearInterval);
}

/** One server process: serve, run the jobs if asked, shut down gracefully on SIGTERM/SIGINT. */
async function serve(config: Config, started: Started, jobs: boolean) {
  const { ctx, handle } = started;
  const app = await buildApp(ctx);
  app.log.info({ database: handle.describe, demoData: config.demoData, jobs }, 'database ready');
  const stopJobs = jobs ? startJobs(started, app, config) : () => undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    stopJobs();
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
  // Printed whatever LOG_LEVEL is: people and scripts wait for this line.
  log(`门户 http://localhost:${port}/  管理端 http://localhost:${port}/admin  接口文档 http://localhost:${port}/api/docs`);
}

/**
 * `npm start`: the primary process migrates and seeds once, then runs WORKERS server processes on the same
 * port (one per core by default); a worker that dies is replaced. WORKERS=1 serves in this process.
 */
async function main() {
  const config = loadConfig();
  if (cluster.isWorker) {
    const started = await openContext({ ...config, demoData: false });
    return serve(config, started, process.env.GONGKAI_JOBS === '1');
  }
  const started = await openContext(config, { log: (m) => log(m) });
  if (config.workers <= 1) return serve(config, started, true);
  await started.handle.close();
  log(`启动 ${config.workers} 个服务进程`, { workers: config.workers });
  let closing = false;
  const spawn = (jobs: boolean) => cluster.fork({ GONGKAI_JOBS: jobs ? '1' : '0' });
  const jobWorkers = new Set<number>();
  for (let i = 0; i < config.workers; i++) {
    const w = spawn(i === 0);
    if (i === 0) jobWorkers.add(w.id);
  }
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return;
    log('服务进程退出，重新启动', { worker: worker.process.pid, code, signal });
    const wasJobs = jobWorkers.delete(worker.id);
    const replacement = spawn(wasJobs);
    if (wasJobs) jobWorkers.add(replacement.id);
  });
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log('shutting down workers', { signal });
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    let left = alive.length;
    if (!left) process.exit(0);
    for (const w of alive) {
      w!.on('exit', () => {
        left -= 1;
        if (left === 0) {
          log('shutdown complete');
          process.exit(0);
        }
      });
      w!.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(JSON.stringify({ level: 60, time: Date.now(), msg: 'startup failed', err: { message: String(err?.message ?? err) } }));
  process.exit(1);
});
