import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

/** A project script (`tsx`) run to its end from the repository root, on the embedded database unless env says otherwise. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}${r.stderr}` };
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process printed so far. */
  log: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** `src/server.ts` as a real process on a free loopback port (PORT=0), ready when it prints its address. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', ...env } });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = log.match(/门户 http:\/\/localhost:(\d+)\//);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 50);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error(`server exited: ${log}`));
    });
  });
  const stop = () => new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, log: () => log, stop };
}
