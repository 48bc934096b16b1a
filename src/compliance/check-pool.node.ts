/**
 * A pool of worker threads that run self-checks off the event loop (Node only). Jobs go to an idle
 * worker or wait in one FIFO queue. A worker that crashes fails only its own job and is replaced;
 * `close()` stops them all. The Node entry passes `pool.run` to the app as its CheckRunner.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckJob, CheckOutcome, CheckRunner } from './check-runner';

export interface CheckPoolOptions {
  /** Number of worker threads (≥ 1). */
  size: number;
  /** The worker script (default: check-worker.node.ts next to this module); tests pass their own. */
  workerUrl?: URL;
}

export interface CheckPool {
  run: CheckRunner;
  /** Jobs waiting for a free worker. */
  queued(): number;
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
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = workerUrl.pathname.endsWith('.ts')
      ? new Worker(TS_BOOT, { eval: true, workerData: { url: workerUrl.href, tsx: TSX_API } })
      : new Worker(workerUrl);
    const slot: Slot = { worker, current: null };
    worker.on('message', (msg: { id: number; outcome?: CheckOutcome; error?: string }) => {
      const p = slot.current;
      if (!p || p.id !== msg.id) return;
      slot.current = null;
      if (msg.outcome) p.resolve(msg.outcome);
      else p.reject(new Error(`check failed: ${msg.error}`));
      dispatch();
    });
    const fail = (err: Error) => {
      const p = slot.current;
      slot.current = null;
      p?.reject(err);
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (!closed) {
        slots.push(spawn());
        dispatch();
      }
    };
    worker.on('error', (err) => fail(err));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`check worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (slot.current) continue;
      const p = queue.shift()!;
      slot.current = p;
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
      if (closed) return Promise.reject(new Error('the check pool is closed'));
      return new Promise<CheckOutcome>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    queued: () => queue.length,
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('the check pool is closed'));
      for (const s of slots) s.current?.reject(new Error('the check pool is closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
