/**
 * A pool of worker threads that run self-checks off the event loop (Node only). Each worker is handed
 * up to two jobs at a time (one running, one in its inbox); the rest wait in one FIFO queue of bounded
 * length (a full queue refuses at once: `busy`). One more worker is reserved for the public form's
 * lane (`reserved`): it runs only form jobs, so the form answers while API and crawl checks hold
 * every other worker (form jobs also use the general workers when one is free). A job
 * that runs past its time limit (the job's own `timeoutMs`, else the pool's) is stopped with its
 * worker (`timeout`); a worker that crashes fails
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
  /** Extra workers that run only form-lane jobs (default 1; 0 = none). */
  reserved?: number;
}

export interface CheckPool {
  run: CheckRunner;
  /** Jobs waiting for a free worker. */
  queued(): number;
  /** Jobs a worker is running. */
  running(): number;
  /** Jobs handed to workers: running, or next in a worker's inbox. */
  inFlight(): number;
  /** Resolves once every worker has loaded the engine (jobs sent before then wait in the queue). */
  ready(): Promise<void>;
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
  /** The worker has loaded the engine (its first message); jobs go only to ready workers. */
  ready: boolean;
  /** Jobs sent to the worker, in the order it runs them: the first is running, a second waits in its inbox. */
  jobs: Pending[];
  /** Time limit of the running job. */
  timer: ReturnType<typeof setTimeout> | null;
  /** Runs only form-lane jobs. */
  formOnly: boolean;
}

/**
 * Jobs handed to one worker at once. Two keep it busy: the next job is already in its inbox when it
 * answers one, instead of waiting for a round trip through the main thread (about 10 % of its time
 * under load).
 */
const PER_WORKER = 2;

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
  const reserved = Math.max(0, opts.reserved ?? 1);
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;
  /** Workers in a row that died before loading the engine. */
  let bootFailures = 0;
  const readyWaiters: (() => void)[] = [];
  const wakeReadyWaiters = () => {
    if (closed || slots.every((s) => s.ready)) for (const wake of readyWaiters.splice(0)) wake();
  };

  /** Starts the time limit of the slot's running job (its first), if any. */
  const startTimer = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.jobs.length === 0) return;
    const limit = slot.jobs[0].job.timeoutMs ?? timeoutMs;
    slot.timer = setTimeout(() => {
      // The engine cannot be interrupted inside a thread: stop the thread.
      replace(slot, new CheckUnavailableError('timeout', `The check took longer than ${limit / 1000} s and was stopped.`));
      void slot.worker.terminate();
    }, limit);
  };

  /**
   * Drops a slot whose worker is gone or stopped: its running job fails with `err`, a job waiting in
   * its inbox goes back to the front of the queue, and a new worker takes its place. A worker that
   * dies before it could load the engine fails the waiting jobs too (they would wait for ever if
   * it can never load), and its replacement starts after a growing pause instead of at once.
   */
  const replace = (slot: Slot, err: Error) => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const [running, ...waiting] = slot.jobs.splice(0);
    running?.reject(err);
    queue.unshift(...waiting);
    if (closed) return;
    if (slot.ready) {
      slots.push(spawn(slot.formOnly));
      dispatch();
      return;
    }
    bootFailures++;
    if (!slots.some((s) => s.ready)) for (const p of queue.splice(0)) p.reject(new Error(`check worker could not start: ${err.message}`));
    const pause = setTimeout(() => {
      if (closed) return;
      slots.push(spawn(slot.formOnly));
      dispatch();
    }, Math.min(30_000, 250 * 2 ** Math.min(bootFailures, 7)));
    pause.unref();
  };

  const spawn = (formOnly = false): Slot => {
    const worker = workerUrl.pathname.endsWith('.ts')
      ? new Worker(TS_BOOT, { eval: true, workerData: { url: workerUrl.href, tsx: TSX_API } })
      : new Worker(workerUrl);
    const slot: Slot = { worker, ready: false, jobs: [], timer: null, formOnly };
    worker.on('message', (msg: { ready?: true; id: number; outcome?: CheckOutcome; error?: string }) => {
      if (msg.ready) {
        // Time limits start once the engine is loaded: a slow start is not a slow check.
        slot.ready = true;
        bootFailures = 0;
        wakeReadyWaiters();
        dispatch();
        return;
      }
      if (slot.jobs[0]?.id !== msg.id) return;
      const p = slot.jobs.shift()!;
      startTimer(slot);
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
    // Fill every worker's first place before any second one, so idle workers start at once. The
    // form's reserved workers come first for form jobs and take nothing else; a reserved worker's
    // inbox holds no second job, so a form job never queues behind another one there.
    const ordered = [...slots.filter((s) => s.formOnly), ...slots.filter((s) => !s.formOnly)];
    for (let depth = 1; depth <= PER_WORKER; depth++) {
      for (const slot of ordered) {
        if (queue.length === 0) break;
        if (!slot.ready || slot.jobs.length >= depth || (slot.formOnly && depth > 1)) continue;
        const at = slot.formOnly ? queue.findIndex((q) => q.job.lane === 'form') : 0;
        if (at < 0) continue;
        const [p] = queue.splice(at, 1);
        slot.jobs.push(p);
        if (slot.jobs.length === 1) startTimer(slot);
        slot.worker.postMessage({ id: p.id, job: p.job });
      }
    }
    // Busy workers (and starting ones with jobs waiting) keep the process alive; idle ones do not.
    for (const slot of slots) {
      if (slot.jobs.length || (!slot.ready && queue.length)) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  for (let i = 0; i < Math.max(1, opts.size); i++) slots.push(spawn());
  for (let i = 0; i < reserved; i++) slots.push(spawn(true));

  return {
    run(job) {
      if (closed) return Promise.reject(new CheckUnavailableError('closed', 'The service is shutting down.'));
      // Jobs only wait in the queue when no loaded worker has room (dispatch hands them out at once).
      if (queue.length >= maxQueue && !slots.some((s) => s.ready && !s.formOnly && s.jobs.length < PER_WORKER)) return Promise.reject(new CheckUnavailableError('busy', `${queue.length} checks are already waiting.`));
      return new Promise<CheckOutcome>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    queued: () => queue.length,
    running: () => slots.filter((s) => s.jobs.length > 0).length,
    inFlight: () => slots.reduce((n, s) => n + s.jobs.length, 0),
    ready: () => (slots.every((s) => s.ready) ? Promise.resolve() : new Promise<void>((wake) => readyWaiters.push(wake))),
    async close() {
      closed = true;
      const gone = new CheckUnavailableError('closed', 'The service is shutting down.');
      for (const p of queue.splice(0)) p.reject(gone);
      wakeReadyWaiters();
      const all = slots.splice(0);
      for (const s of all) {
        if (s.timer) clearTimeout(s.timer);
        for (const p of s.jobs.splice(0)) p.reject(gone);
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
