import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A function run in a worker thread, called like an async function: calls are answered in order, so the
 * caller can hand over the next piece of work while it does its own (two cores busy instead of one).
 * The worker module calls `serveCalls` with the function; it is loaded through tsx's loader, as the main
 * thread is.
 */
export interface ThreadFunction<In, Out> {
  call(input: In): Promise<Out>;
  close(): Promise<void>;
}

export function startThread<In, Out>(moduleUrl: URL, data?: unknown): ThreadFunction<In, Out> {
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`, { eval: true, workerData: data });
  const waiting = new Map<number, { resolve: (out: Out) => void; reject: (e: unknown) => void }>();
  let next = 0;
  const fail = (err: unknown) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; out?: Out; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.out as Out);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`worker thread stopped (${code})`)));
  return {
    call: (input) => new Promise<Out>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, input });
    }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/** In the worker module: answers each call with `fn` (workerData is passed as the second argument). */
export function serveCalls<In, Out, Data = unknown>(fn: (input: In, data: Data) => Out) {
  parentPort!.on('message', (m: { id: number; input: In }) => {
    try {
      parentPort!.postMessage({ id: m.id, out: fn(m.input, workerData as Data) });
    } catch (err) {
      parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
