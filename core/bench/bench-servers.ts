import { Worker } from 'node:worker_threads';

export type ToServers = { type: 'bare-twiml'; xml: string } | { type: 'drain' } | { type: 'close' };

export interface Drained {
  type: 'drained';
  /** Server-side handling times (ms, sorted) of voice webhooks since the last drain. */
  real: Float64Array;
  bare: Float64Array;
  /** Rows in `calls`: one per CallSid the real server accepted. */
  callsOpened: number;
  /** Error and fatal lines Parley logged since it started. */
  logErrors: { count: number; first: string | null };
}

export type FromServers =
  | {
      type: 'ready';
      realUrl: string;
      realPublicUrl: string;
      bareUrl: string;
      credentials: { accountSid: string; authToken: string };
      dataDir: string;
    }
  | { type: 'bare-twiml-set' }
  | Drained
  | { type: 'closed' };

export type Ready = Extract<FromServers, { type: 'ready' }>;

export interface BenchServers extends Omit<Ready, 'type'> {
  /** What the bare handler answers from now on. */
  setBareTwiml(xml: string): Promise<void>;
  drain(): Promise<Drained>;
  close(): Promise<void>;
}

/**
 * Starts servers.worker.ts in a worker thread. Node 20 does not pass the main thread's module
 * hooks to workers, so the worker registers tsx itself before importing the TypeScript entry.
 */
export async function startBenchServers(): Promise<BenchServers> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./servers.worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true });

  let failure: Error | null = null;
  const waiters: { type: FromServers['type']; done: (m: FromServers) => void; fail: (e: Error) => void }[] =
    [];
  worker.on('message', (message: FromServers) => {
    const index = waiters.findIndex((w) => w.type === message.type);
    if (index >= 0) waiters.splice(index, 1)[0]?.done(message);
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const waiter of waiters.splice(0)) waiter.fail(error);
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The bench servers' worker exited (code ${code}).`)));

  function reply<T extends FromServers['type']>(type: T, request?: ToServers) {
    return new Promise<Extract<FromServers, { type: T }>>((done, fail) => {
      if (failure) return fail(failure);
      waiters.push({ type, done: (m) => done(m as Extract<FromServers, { type: T }>), fail });
      if (request) worker.postMessage(request);
    });
  }

  const { type: _ready, ...ready } = await reply('ready');
  return {
    ...ready,
    setBareTwiml: async (xml) => void (await reply('bare-twiml-set', { type: 'bare-twiml', xml })),
    drain: () => reply('drained', { type: 'drain' }),
    async close() {
      await reply('closed', { type: 'close' });
      await worker.terminate();
    },
  };
}
