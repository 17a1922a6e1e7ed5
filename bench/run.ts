/**
 * `npm run bench` (1,000,000 documents) and `npm run bench -- --quick` (100,000): a city-sized corpus loaded
 * through the real import path, then pages, search, online applications and memory measured against the
 * running server, on SQLite and (with --pg URL or BENCH_DATABASE_URL) on PostgreSQL. Machine-dependent
 * figures are also given as ratios to baselines measured in the same run: nginx serving the same document
 * page as a static file, and Gongkai's own /healthz. Prints a Markdown table and writes
 * bench/results/<date>-<mode>.json (or into --out DIR). Method: docs/performance.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openContext } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { importDocuments } from '../src/modules/documents/import.js';
import { startServerProcess, type ServerProcess } from '../test/process.js';
import { corpusLines, rng } from './corpus.js';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    docs: { type: 'string' },
    texts: { type: 'string' },
    pg: { type: 'string' },
    'pg-only': { type: 'boolean', default: false },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '64' },
    keep: { type: 'boolean', default: false },
    'search-only': { type: 'string' },
    out: { type: 'string' },
  },
});
const mode = opts.quick ? 'quick' : 'full';
const DOCS = Number(opts.docs ?? (opts.quick ? 100_000 : 1_000_000));
const SECONDS = Number(opts.seconds ?? (opts.quick ? 8 : 20));
const CONNECTIONS = Number(opts.connections);
const PG_URL = opts.pg ?? process.env.BENCH_DATABASE_URL;
const say = (m: string) => process.stderr.write(`${m}\n`);
const progress = (m: string) => process.stderr.write(`\r${m}\x1b[K`);

interface Load { rps: number; p50: number; p99: number; errors: number; non2xx: number }
/** `slowest`: the three slowest queries of the class, to look into. */
interface Latency { p50: number; p95: number; p99: number; n: number; slowest: Array<{ q: string; ms: number }> }
interface Result {
  database: string;
  docs: number;
  importSeconds: number;
  importPerSecond: number;
  /** Until every line was stored (documents public), before the search index was built. */
  storePerSecond: number;
  indexPerSecond: number;
  dbBytes: number;
  /** SQLite: of dbBytes, the write-ahead log (kept at its largest size until the next truncating checkpoint). */
  walBytes?: number;
  pages: Record<string, Load>;
  nginx: Load | null;
  search: Record<string, Latency>;
  submissions: { perSecond: number; acknowledged: number; stored: number; errors: number };
  rssMb: { max: number; total: number; processes: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(url: string, extra: Partial<autocannon.Options> = {}): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...extra });
  // A rate of error pages says nothing about the page: stop instead of reporting it.
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors under load`);
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Peak resident memory (VmHWM) of a process and its children (cluster workers), in MB. */
function peakRss(pid: number) {
  const pids = [pid, ...spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number)];
  const mb = pids.map((p) => {
    try {
      const m = readFileSync(`/proc/${p}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  }).filter((x) => x > 0);
  return { max: Math.round(Math.max(0, ...mb)), total: Math.round(mb.reduce((a, b) => a + b, 0)), processes: mb.length };
}

function nginxBinary() {
  return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? (spawnSync('nginx', ['-v']).status === 0 ? 'nginx' : null);
}

/** nginx serving one file from a temporary prefix on a free port. */
async function startNginx(html: string): Promise<{ url: string; stop: () => void } | null> {
  const bin = nginxBinary();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-nginx-'));
  mkdirSync(join(dir, 'www'));
  mkdirSync(join(dir, 'tmp'));
  writeFileSync(join(dir, 'www', 'doc.html'), html);
  // nginx workers run as an unprivileged user: mkdtemp's 0700 would make every answer a 403.
  for (const d of [dir, join(dir, 'www')]) chmodSync(d, 0o755);
  chmodSync(join(dir, 'www', 'doc.html'), 0o644);
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(join(dir, 'nginx.conf'), `worker_processes auto; pid nginx.pid; error_log error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path tmp/b; proxy_temp_path tmp/p; fastcgi_temp_path tmp/f; uwsgi_temp_path tmp/u; scgi_temp_path tmp/s;
  types { text/html html; } keepalive_requests 100000;
  server { listen 127.0.0.1:${port}; root ${join(dir, 'www')}; location / { } } }`);
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/doc.html`;
  const stop = () => { child.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); };
  for (let i = 0; ; i++) {
    const res = await fetch(url).catch(() => null);
    if (res?.status === 200 && (await res.text()) === html) break;
    if (res || i >= 50) {
      stop();
      throw new Error(`nginx did not serve the page (${res ? `HTTP ${res.status}` : 'no answer'}): see its error log`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}

/** Search queries taken from the corpus: 1-, 2- and 4-character words, two terms, and 文号. */
function searchQueries(bodies: string[], docNos: string[], random: () => number) {
  const cjk = (n: number) => {
    for (;;) {
      const b = bodies[Math.floor(random() * bodies.length)]!;
      const at = Math.floor(random() * Math.max(1, b.length - n));
      const w = b.slice(at, at + n);
      if (w.length === n && /^[\u4e00-\u9fa5]+$/.test(w)) return w;
    }
  };
  const each = 40;
  return {
    '1 字': Array.from({ length: each }, () => cjk(1)),
    '2 字': Array.from({ length: each }, () => cjk(2)),
    '4 字': Array.from({ length: each }, () => cjk(4)),
    '两个词': Array.from({ length: each }, () => `${cjk(2)} ${cjk(2)}`),
    '文号': Array.from({ length: each }, () => docNos[Math.floor(random() * docNos.length)]!),
  };
}

/** Search latency per query class: 200 queries taken from the corpus, one at a time, each sorted both ways. */
async function measureSearch(base: string, bodies: string[], docNos: string[]) {
  say('检索：200 个查询 × 两种排序');
  const queries = searchQueries(bodies, docNos, rng(11));
  const search: Record<string, Latency> = {};
  let done = 0;
  for (const [cls, qs] of Object.entries(queries)) {
    for (const sort of ['relevance', 'date']) {
      const timed: Array<{ q: string; ms: number }> = [];
      for (const q of qs) {
        const t = performance.now();
        const res = await fetch(`${base}/api/v1/public/search?q=${encodeURIComponent(q)}&sort=${sort}`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`search ${q}: ${res.status}`);
        timed.push({ q, ms: +(performance.now() - t).toFixed(1) });
        progress(`检索 ${++done} / ${Object.values(queries).flat().length * 2}`);
      }
      const times = timed.map((x) => x.ms).sort((a, b) => a - b);
      search[`${cls}（${sort === 'date' ? '按日期' : '按相关度'}）`] = {
        p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1), p99: +percentile(times, 99).toFixed(1), n: times.length,
        slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, 3),
      };
    }
  }
  progress('');
  return search;
}

/** The corpus's import lines, with the bodies and 文号 that search queries are taken from. */
function corpus(units: string[]) {
  const bodies: string[] = [];
  const docNos: string[] = [];
  let i = 0;
  function* lines() {
    for (const d of corpusLines({ count: DOCS, units, textsDir: opts.texts, seed: 7 })) {
      if (i % 250 === 0) bodies.push(d.body);
      if (d.docNo && docNos.length < 5000) docNos.push(d.docNo);
      i += 1;
      yield d.line;
    }
  }
  return { bodies, docNos, lines: lines() };
}

const REUSE = opts['search-only'];

/** The environment of a bench database's server and connections. */
const benchEnv = (dataDir: string, dbUrl = '') => ({ DATA_DIR: dataDir, DATABASE_URL: dbUrl, DEMO_CONTENT: 'false' });

/** The city's and counties' units, which the corpus spreads documents over. */
async function corpusUnits(env: Record<string, string>) {
  const started = await openContext(loadConfig({ ...process.env, ...env }));
  return { started, units: (await started.ctx.db.selectFrom('unit').select('name').where('level', 'in', ['city', 'county']).execute()).map((u) => u.name) };
}

/**
 * The database a run measures: a new one, removed afterwards unless --keep; or, with --search-only, one
 * kept by an earlier run (PostgreSQL: its name; SQLite: its data folder).
 */
async function databaseFor(database: { name: string; url?: string | undefined }) {
  const fresh = !REUSE;
  const dataDir = !database.url && REUSE ? REUSE : mkdtempSync(join(tmpdir(), `gongkai-bench-${database.name}-`));
  if (!database.url) {
    if (REUSE && !existsSync(join(dataDir, 'gongkai.sqlite'))) throw new Error(`--search-only: no gongkai.sqlite in ${dataDir}`);
    return {
      env: benchEnv(dataDir),
      release: async () => {
        if (fresh && !opts.keep) rmSync(dataDir, { recursive: true, force: true });
        else say(`SQLite 数据库保留在 ${dataDir}（再测检索：npm run bench -- --search-only ${dataDir}，文件数与 --texts 不变）`);
      },
    };
  }
  const name = REUSE ?? `bench_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--search-only: not a database name: ${name}`);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  if (fresh) await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(database.url);
  u.pathname = `/${name}`;
  return {
    env: benchEnv(dataDir, u.toString()),
    release: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (!fresh || opts.keep) {
        say(`PostgreSQL 数据库 ${name} 已保留（再测检索：npm run bench -- --pg-only --pg ${database.url} --search-only ${name}；删除：drop database ${name}）`);
        return;
      }
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function runOn(database: { name: string; url?: string | undefined }): Promise<Result> {
  const { env, release } = await databaseFor(database);
  const { DATA_DIR: dataDir, DATABASE_URL: dbUrl } = env;
  try {
    say(`\n== ${database.name}: 生成并导入 ${DOCS.toLocaleString()} 份文件${opts.texts ? `（句子取自 ${opts.texts}）` : '（内置文本生成器）'}`);
    const { started, units } = await corpusUnits(env);
    const { bodies, docNos, lines } = corpus(units);
    const t0 = performance.now();
    let storedAt: number | undefined;
    const report = await importDocuments(started.ctx.db, lines, {
      actorName: '基准测试', source: 'bench',
      onProgress: (r) => {
        if (!r.indexing) progress(`已入库 ${r.lines.toLocaleString()} / ${DOCS.toLocaleString()}（${Math.round(r.lines / ((performance.now() - t0) / 1000))} 份/秒）`);
        else {
          storedAt ??= performance.now();
          progress(`建立检索索引 ${r.indexed.toLocaleString()} / ${r.created.toLocaleString()}（${Math.round(r.indexed / ((performance.now() - storedAt) / 1000))} 份/秒）`);
        }
      },
    });
    const importSeconds = (performance.now() - t0) / 1000;
    progress('');
    const storeSeconds = ((storedAt ?? performance.now()) - t0) / 1000;
    say(`导入完成：${report.created.toLocaleString()} 份，出错 ${report.failed.length}，用时 ${importSeconds.toFixed(1)} 秒（入库 ${storeSeconds.toFixed(1)} 秒，建立检索索引 ${(importSeconds - storeSeconds).toFixed(1)} 秒）`);
    if (report.failed.length) throw new Error(`import failed: ${JSON.stringify(report.failed.slice(0, 3))}`);
    const edu = (await started.ctx.db.selectFrom('unit').select('id').where('name', '=', '三明市教育局').executeTakeFirstOrThrow()).id;
    const doc = (await started.ctx.db.selectFrom('document').select('id').where('index_no', 'like', 'BENCH/%').orderBy('id').offset(Math.floor(DOCS / 2)).limit(1).executeTakeFirstOrThrow()).id;
    let dbBytes: number;
    let walBytes: number | undefined;
    if (dbUrl) dbBytes = Number((await started.ctx.db.selectNoFrom((eb) => eb.fn<string>('pg_database_size', [eb.fn('current_database')]).as('s')).executeTakeFirstOrThrow()).s);
    else {
      const size = (f: string) => (existsSync(join(dataDir, f)) ? statSync(join(dataDir, f)).size : 0);
      walBytes = size('gongkai.sqlite-wal');
      dbBytes = size('gongkai.sqlite') + walBytes;
    }
    await started.handle.close();

    say(`== ${database.name}: 启动服务（${availableParallelism()} 个进程）`);
    const server: ServerProcess = await startServerProcess({ ...env, WORKERS: String(availableParallelism()), SUBMIT_RATE_LIMIT: '10000000', LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn' });
    try {
      const base = server.baseUrl;
      const docUrl = `${base}/xxgk/documents/${doc}`;
      const html = await (await fetch(docUrl, { headers: { 'accept-encoding': 'identity' } })).text();
      // Warm up (JIT, page cache, SQLite page cache) so that neither side of the ratio pays for it.
      await autocannon({ url: docUrl, connections: CONNECTIONS, duration: 3 });
      await autocannon({ url: `${base}/healthz`, connections: CONNECTIONS, duration: 2 });
      const nginx = await startNginx(html);
      const pages: Record<string, Load> = {};
      let nginxLoad: Load | null = null;
      if (nginx) {
        say(`压测 nginx 静态文件（${CONNECTIONS} 连接，${SECONDS} 秒）`);
        await autocannon({ url: nginx.url, connections: CONNECTIONS, duration: 2 });
        nginxLoad = await load(nginx.url);
        nginx.stop();
      } else say('未找到 nginx（apt-get install nginx），跳过静态文件基线');
      for (const [name, url] of [['healthz', `${base}/healthz`], ['文件页', docUrl], ['栏目列表页', `${base}/xxgk/units/${edu}`], ['首页', `${base}/`]] as const) {
        say(`压测${name}（${CONNECTIONS} 连接，${SECONDS} 秒）`);
        pages[name] = await load(url);
      }

      const search = await measureSearch(base, bodies, docNos);

      say(`网上申请提交（16 连接，${opts.quick ? 2000 : 10000} 份）`);
      const first = await fetch(`${base}/api/v1/public/requests/challenge`);
      const csrf = (first.headers.getSetCookie().find((c) => c.startsWith('gk_csrf=')) ?? '').split(';')[0]!.slice('gk_csrf='.length);
      const { token } = (await first.json()) as { token: string };
      const [, a, b] = token.split('.');
      await new Promise((r) => setTimeout(r, 3100));
      const body = JSON.stringify({
        unitId: edu, applicantType: 'natural_person', applicantName: '基准测试', idType: 'passport', idNumber: 'E12345678', phone: '13900000000',
        description: '基准测试：申请公开某项政府信息。', preferredForm: 'electronic', delivery: 'email', challengeToken: token, challengeAnswer: String(Number(a) + Number(b)),
      });
      // A fixed number of submissions (so none is in flight at the end); each 201 is an acknowledgement.
      const submit = await autocannon({
        url: `${base}/api/v1/public/requests`, method: 'POST', connections: 16, amount: opts.quick ? 2000 : 10000, body,
        headers: { 'content-type': 'application/json', cookie: `gk_csrf=${csrf}`, 'x-csrf-token': csrf },
      });
      const acknowledged = submit.statusCodeStats?.['201']?.count ?? 0;
      const check = await openContext(loadConfig({ ...process.env, ...env }));
      const stored = Number((await check.ctx.db.selectFrom('disclosure_request').select((eb) => eb.fn.countAll().as('n')).where('channel', '=', 'online').executeTakeFirstOrThrow()).n);
      await check.handle.close();

      const rssMb = peakRss(server.child.pid!);
      return {
        database: database.name, docs: DOCS, importSeconds: +importSeconds.toFixed(1), importPerSecond: Math.round(DOCS / importSeconds),
        storePerSecond: Math.round(DOCS / storeSeconds), indexPerSecond: Math.round(DOCS / Math.max(0.001, importSeconds - storeSeconds)), dbBytes, walBytes, pages, nginx: nginxLoad, search,
        submissions: { perSecond: Math.round(submit.requests.average), acknowledged, stored, errors: submit.errors + submit.timeouts }, rssMb,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await release();
  }
}

/**
 * --search-only: search alone again on a database kept by an earlier run (--keep), with the same queries
 * (the corpus is generated again, not imported), to compare search changes in minutes instead of an import.
 */
async function searchOnly(database: { name: string; url?: string | undefined }) {
  const { env, release } = await databaseFor(database);
  try {
    const { started, units } = await corpusUnits(env);
    const stored = Number((await started.ctx.db.selectFrom('document').select((eb) => eb.fn.countAll().as('n')).where('index_no', 'like', 'BENCH/%').executeTakeFirstOrThrow()).n);
    await started.handle.close();
    if (stored !== DOCS) throw new Error(`--search-only: the database holds ${stored} bench documents, not ${DOCS} (give the --docs/--quick and --texts of the run that kept it)`);
    const { bodies, docNos, lines } = corpus(units);
    let made = 0;
    for (const _ of lines) if (++made % 10_000 === 0) progress(`重新生成语料以取查询 ${made.toLocaleString()} / ${DOCS.toLocaleString()}`);
    progress('');
    say(`== ${database.name}: 只测检索（${availableParallelism()} 个服务进程）`);
    const server = await startServerProcess({ ...env, WORKERS: String(availableParallelism()), LOG_LEVEL: 'warn' });
    try {
      return { database: database.name, docs: DOCS, search: await measureSearch(server.baseUrl, bodies, docNos) };
    } finally {
      await server.stop();
    }
  } finally {
    await release();
  }
}

function searchTable(results: Array<Pick<Result, 'database' | 'search'>>): string {
  const rows = [['指标', ...results.map((r) => r.database), '目标'], ...Object.keys(results[0]!.search).map((cls) => [`检索 ${cls} p50/p95/p99（毫秒）`, ...results.map((r) => `${r.search[cls]!.p50}/${r.search[cls]!.p95}/${r.search[cls]!.p99}`), 'p95 < 100'])];
  return markdownTable(rows);
}

const markdownTable = (rows: string[][]) => rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n');

function table(results: Result[]): string {
  const rows: string[][] = [['指标', ...results.map((r) => r.database), '目标']];
  const add = (name: string, f: (r: Result) => string, target = '') => rows.push([name, ...results.map(f), target]);
  add('文件数', (r) => r.docs.toLocaleString());
  // The target is read as the import's own rate (documents stored and public); the index catches up after it (docs/performance.md).
  add('导入速度（份/秒，入库即公开）', (r) => String(r.storePerSecond), '≥ 2,000');
  add('随后建立检索索引（份/秒） / 导入至全部可检索（份/秒）', (r) => `${r.indexPerSecond} / ${r.importPerSecond}`);
  add('数据库大小（MB）', (r) => `${(r.dbBytes / 1024 / 1024).toFixed(0)}${r.walBytes ? `（其中 WAL ${(r.walBytes / 1024 / 1024).toFixed(0)}）` : ''}`);
  add('nginx 静态文件（请求/秒）', (r) => (r.nginx ? String(r.nginx.rps) : '—'));
  for (const page of ['文件页', '栏目列表页', '首页', 'healthz']) {
    add(`${page}（请求/秒，p50/p99 毫秒）`, (r) => `${r.pages[page]!.rps}（${r.pages[page]!.p50}/${r.pages[page]!.p99}）${r.pages[page]!.errors + r.pages[page]!.non2xx ? ` 错误 ${r.pages[page]!.errors + r.pages[page]!.non2xx}` : ''}`);
  }
  add('**文件页 / nginx**', (r) => (r.nginx ? `**${((r.pages['文件页']!.rps / r.nginx.rps) * 100).toFixed(0)}%**` : '—'), '≥ 50%');
  add('文件页 / healthz', (r) => `${((r.pages['文件页']!.rps / r.pages['healthz']!.rps) * 100).toFixed(0)}%`);
  for (const cls of Object.keys(results[0]!.search)) add(`检索 ${cls} p50/p95/p99（毫秒）`, (r) => `${r.search[cls]!.p50}/${r.search[cls]!.p95}/${r.search[cls]!.p99}`, 'p95 < 100');
  add('网上申请（次/秒）', (r) => String(r.submissions.perSecond));
  add('申请确认数 = 入库数', (r) => `${r.submissions.acknowledged} = ${r.submissions.stored}${r.submissions.acknowledged === r.submissions.stored ? ' ✓' : ' ✗'}`, '无丢失');
  add('服务进程内存峰值（MB，单进程最大/合计）', (r) => `${r.rssMb.max} / ${r.rssMb.total}（${r.rssMb.processes} 个进程）`, '< 500');
  return markdownTable(rows);
}

const databases: Array<{ name: string; url?: string }> = opts['pg-only'] ? [] : [{ name: 'SQLite' }];
if (PG_URL) databases.push({ name: 'PostgreSQL', url: PG_URL });
if (!databases.length) throw new Error('--pg-only needs --pg URL (or BENCH_DATABASE_URL)');
if (REUSE && databases.length > 1) throw new Error('--search-only names one database: add --pg-only for PostgreSQL, or leave out --pg for SQLite');
const machine = `${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}，内存 ${(totalmem() / 1024 ** 3).toFixed(1)} GB，Node ${process.version}`;
say(`基准测试（${mode}${REUSE ? '，只测检索' : ''}）：${DOCS.toLocaleString()} 份文件，${databases.map((d) => d.name).join('、')}；${machine}`);
const began = Date.now();
const dir = opts.out ?? new URL('./results/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
// Never overwrite an earlier run of the same day.
const stem = join(dir, `${new Date().toISOString().slice(0, 10)}-${mode}${opts['pg-only'] ? '-pg' : ''}${REUSE ? '-search' : ''}`);
let file = `${stem}.json`;
for (let n = 2; existsSync(file); n++) file = `${stem}-${n}.json`;
const write = (results: unknown[], markdown: string) =>
  writeFileSync(file, JSON.stringify({ mode, docs: DOCS, seconds: SECONDS, connections: CONNECTIONS, machine, texts: opts.texts ?? null, searchOnly: Boolean(REUSE), results, markdown }, null, 2));
let markdown = '';
if (REUSE) {
  const result = await searchOnly(databases[0]!);
  markdown = searchTable([result]);
  write([result], markdown);
} else {
  const results: Result[] = [];
  for (const d of databases) {
    results.push(await runOn(d));
    // Written after each database, so a failure in the next one keeps what was measured.
    markdown = table(results);
    write(results, markdown);
  }
}
console.log(`\n### ${new Date().toISOString().slice(0, 10)} ${mode}${REUSE ? '，只测检索' : ''}（${DOCS.toLocaleString()} 份文件）\n\n${machine}；${CONNECTIONS} 个并发连接，每项 ${SECONDS} 秒。\n\n${markdown}\n`);
say(`完成：用时 ${((Date.now() - began) / 60000).toFixed(1)} 分钟；结果写入 ${file}`);
process.exit(0);
