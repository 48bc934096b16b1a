/**
 * CPU time of a process per thread, read from /proc (Linux). Benchmarks use it to say where the
 * CPU of each request goes (load generator, server main thread, check workers, the rest): on a
 * machine with few cores, that budget bounds throughput and therefore latency.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Thread id → CPU seconds (user + system) so far. Empty where /proc is not available. */
export type ThreadCpu = Map<number, number>;

// /proc reports times in USER_HZ, which Linux fixes at 100 for user space.
const TICKS_PER_SECOND = 100;

/** CPU seconds of every thread of process `pid` (empty when /proc cannot be read). */
export function threadCpu(pid: number): ThreadCpu {
  const out: ThreadCpu = new Map();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND); // utime, stime
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return out;
}

export interface ServerCpuSplit {
  /** CPU seconds of the main thread (event loop: HTTP, auth, database, logging). */
  main: number;
  /** CPU seconds of the `workers` busiest other threads (the check pool's worker threads). */
  workers: number;
  /** CPU seconds of all other threads (V8's GC helpers, libuv's pool). */
  other: number;
}

/**
 * How a server process's CPU between two snapshots splits into its main thread, its `workers`
 * check-pool threads (taken to be the busiest other threads: Node names no threads, and under
 * check load nothing else comes close) and the rest. Null when /proc was not readable.
 */
export function splitServerCpu(pid: number, before: ThreadCpu, after: ThreadCpu, workers: number): ServerCpuSplit | null {
  if (after.size === 0) return null;
  const deltas: { tid: number; s: number }[] = [];
  for (const [tid, s] of after) deltas.push({ tid, s: s - (before.get(tid) ?? 0) });
  const main = deltas.find((d) => d.tid === pid)?.s ?? 0;
  const rest = deltas.filter((d) => d.tid !== pid).sort((a, b) => b.s - a.s);
  const sum = (xs: { s: number }[]) => xs.reduce((a, d) => a + d.s, 0);
  return { main, workers: sum(rest.slice(0, workers)), other: sum(rest.slice(workers)) };
}
