/**
 * A pool of worker threads that run self-checks off the event loop (Node only). Jobs go to an idle
 * worker or wait in one FIFO queue of bounded length (a full queue refuses at once: `busy`). A job
 * that runs past its time limit is stopped with its worker (`timeout`); a worker that crashes fails
 * only its own job; either way a new worker takes its place. `close()` stops them all. The Node
 * entry passes `pool.run` to the app as its CheckRunner.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CheckUnavailableError, type CheckJob, type CheckOutcome, type CheckRunner } from './check-runner';

export interface CheckPoolOptions {
  /** Number of worker threads (≥ 1). */
  size: number;
  /** Longest a job may run before its worker is stopped (default 15 s; a 256 KB page takes well under 1 s). */
  timeoutMs?: number;
  /** Jobs that may wait for a worker (default 256); more are refused at once. */
  maxQueue?: number;
  /** The worker script (default: check-worker.node.ts next to this module); tests pass their own. */
  workerUrl?: URL;
}

export interface CheckPool {
  run: CheckRunner;
  /** Jobs waiting for a free worker. */
  queued(): number;
  /** Jobs a worker is running. */
  running(): number;
  close(): Promise<void>;
}

interface Pending {
  id: number;
  job: CheckJob;
  resolve: (o: CheckOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * The sources run as TypeScript through tsx (as `npm start` runs them), and a worker thread does not
 * inherit the parent's loader under every runner (vitest, for one): the worker first registers tsx,
 * then imports the worker module.
 */
const TSX_API = tsxEsmApi();
const TS_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.url); });
`;

/** File URL of tsx's ESM API entry, from its package's export map (the import condition). */
function tsxEsmApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api'].import.default)).href;
}

/** Starts `size` worker threads. */
export function createCheckPool(opts: CheckPoolOptions): CheckPool {
  const workerUrl = opts.workerUrl ?? new URL('./check-worker.node.ts', import.meta.url);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxQueue = opts.maxQueue ?? 256;
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  /** Takes the slot's job off it (stopping its timer) and returns it. */
  const release = (slot: Slot): Pending | null => {
    const p = slot.current;
    slot.current = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return p;
  };

  /** Drops a slot whose worker is gone or stopped, failing its job, and starts a replacement. */
  const replace = (slot: Slot, err: Error) => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    release(slot)?.reject(err);
    if (!closed) {
      slots.push(spawn());
      dispatch();
    }
  };

  const spawn = (): Slot => {
    const worker = workerUrl.pathname.endsWith('.ts')
      ? new Worker(TS_BOOT, { eval: true, workerData: { url: workerUrl.href, tsx: TSX_API } })
      : new Worker(workerUrl);
    const slot: Slot = { worker, current: null, timer: null };
    worker.on('message', (msg: { id: number; outcome?: CheckOutcome; error?: string }) => {
      if (!slot.current || slot.current.id !== msg.id) return;
      const p = release(slot)!;
      if (msg.outcome) p.resolve(msg.outcome);
      else p.reject(new Error(`check failed: ${msg.error}`));
      dispatch();
    });
    worker.on('error', (err) => replace(slot, err));
    worker.on('exit', (code) => replace(slot, new Error(`check worker exited with code ${code}`)));
    worker.unref();
    return slot;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (slot.current) continue;
      const p = queue.shift()!;
      slot.current = p;
      slot.timer = setTimeout(() => {
        // The engine cannot be interrupted inside a thread: stop the thread.
        replace(slot, new CheckUnavailableError('timeout', `The check took longer than ${timeoutMs / 1000} s and was stopped.`));
        void slot.worker.terminate();
      }, timeoutMs);
      slot.worker.postMessage({ id: p.id, job: p.job });
    }
    // Busy workers keep the process alive until their job is answered; idle ones do not.
    for (const slot of slots) {
      if (slot.current) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  for (let i = 0; i < Math.max(1, opts.size); i++) slots.push(spawn());

  return {
    run(job) {
      if (closed) return Promise.reject(new CheckUnavailableError('closed', 'The service is shutting down.'));
      // The queue is empty whenever a worker is idle (dispatch drains it), so this counts real waiting.
      if (queue.length >= maxQueue && !slots.some((s) => !s.current)) return Promise.reject(new CheckUnavailableError('busy', `${queue.length} checks are already waiting.`));
      return new Promise<CheckOutcome>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    queued: () => queue.length,
    running: () => slots.filter((s) => s.current).length,
    async close() {
      closed = true;
      const gone = new CheckUnavailableError('closed', 'The service is shutting down.');
      for (const p of queue.splice(0)) p.reject(gone);
      const all = slots.splice(0);
      for (const s of all) release(s)?.reject(gone);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
